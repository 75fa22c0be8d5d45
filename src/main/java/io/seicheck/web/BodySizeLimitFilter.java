package io.seicheck.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above {@code sei.limits.max-body-bytes} with 413 problem+json: at once when the
 * declared length is too large, and while reading when a body without a length grows past it.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final JsonMapper json;

    BodySizeLimitFilter(@Value("${sei.limits.max-body-bytes}") long maxBodyBytes,
            @Value("${sei.limits.max-upload-bytes}") long maxUploadBytes, JsonMapper json) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.json = json;
    }

    /** Screening uploads stream into the database and may be large; every other body is read whole. */
    private long limit(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && io.seicheck.api.ScreeningsApi.PATH_CREATE_SCREENING.equals(request.getRequestURI())
                ? maxUploadBytes : maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limit(request);
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.write(request, response, json, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload too large", new BodyTooLargeException(maxBytes).getMessage());
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request, maxBytes), response);
    }

    /** Thrown while reading a body that grew past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("The request body is larger than " + max + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > max) {
                        throw new BodyTooLargeException(max);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    if (n > 0 && (read += n) > max) {
                        throw new BodyTooLargeException(max);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
