package io.seicheck.screening;

import io.seicheck.api.ScreeningsApi;
import io.seicheck.api.model.ScreeningJob;
import io.seicheck.api.model.ScreeningSummary;
import io.seicheck.assessment.Language;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.security.Caller;
import io.seicheck.security.Callers;
import io.seicheck.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class ScreeningController implements ScreeningsApi {

    private final ScreeningJobs jobs;
    private final ScreeningResults results;
    private final ScreeningScheduler scheduler;

    ScreeningController(ScreeningJobs jobs, ScreeningResults results, ScreeningScheduler scheduler) {
        this.jobs = jobs;
        this.results = results;
        this.scheduler = scheduler;
    }

    /** The request being served (its Content-Type, Accept and Accept-Language headers). */
    private static HttpServletRequest http() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    @Override
    public ResponseEntity<ScreeningJob> createScreening(InputStreamResource body, String idempotencyKey, LocalDate asOf) {
        Caller caller = Callers.current();
        if (!caller.mayAssess()) {
            throw Callers.forbidden("screening applications (auditors read, replay and verify)");
        }
        HttpServletRequest http = http();
        MediaType contentType = MediaType.parseMediaType(http.getContentType());
        ScreeningFormat format = ScreeningFormat.of(contentType);
        ScreeningJobs.Created created;
        try (InputStream in = body.getInputStream()) {
            Charset charset = charset(format, contentType);
            created = jobs.create(caller.tenant(), idempotencyKey, format, charset,
                    asOf != null ? asOf : LocalDate.now(Catalogues.CHINA), Language.fromHeader(http.getHeader("Accept-Language")),
                    in);
        } catch (UploadException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-upload", "Upload cannot be screened",
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!created.existing()) {
            scheduler.nudge();
        }
        return ResponseEntity.accepted().location(URI.create(ScreeningViews.path(PATH_GET_SCREENING, created.job())))
                .body(ScreeningViews.job(created.job(), OffsetDateTime.now()));
    }

    private static Charset charset(ScreeningFormat format, MediaType contentType) {
        try {
            return format.charset(contentType);
        } catch (UploadException e) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", e.getMessage());
        }
    }

    @Override
    public ResponseEntity<ScreeningJob> getScreening(UUID jobId) {
        return ResponseEntity.ok(ScreeningViews.job(readable(jobId), OffsetDateTime.now()));
    }

    @Override
    public ResponseEntity<ScreeningJob> cancelScreening(UUID jobId) {
        Caller caller = Callers.current();
        ScreeningJobs.Job job = readable(jobId);
        if (!caller.mayAssess() || !(caller.isAdmin() || caller.tenant().equals(job.tenant()))) {
            throw Callers.forbidden("cancelling another tenant's job");
        }
        return ResponseEntity.ok(ScreeningViews.job(jobs.cancel(jobId).orElseThrow(), OffsetDateTime.now()));
    }

    @Override
    public ResponseEntity<StreamingResponseBody> getScreeningResults(UUID jobId) {
        ScreeningJobs.Job job = readable(jobId);
        ScreeningFormat format = acceptable(job.format());
        StreamingResponseBody body = out -> results.write(jobId, format, out);
        return ResponseEntity.ok().contentType(new MediaType(format.mediaType(), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"screening-" + jobId
                        + (format == ScreeningFormat.CSV ? ".csv" : ".jsonl") + "\"")
                .body(body);
    }

    @Override
    public ResponseEntity<ScreeningSummary> getScreeningSummary(UUID jobId) {
        return ResponseEntity.ok(ScreeningViews.summary(readable(jobId)));
    }

    /** The format the caller accepts, the upload's own when both (or anything) will do. */
    private ScreeningFormat acceptable(ScreeningFormat uploaded) {
        String accept = http().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return uploaded;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
        for (MediaType t : types) {
            if (t.isWildcardType() || t.includes(uploaded.mediaType())) {
                return uploaded;
            }
            for (ScreeningFormat f : ScreeningFormat.values()) {
                if (t.includes(f.mediaType())) {
                    return f;
                }
            }
        }
        return uploaded; // unreachable: the mapping's `produces` refused other types with 406 already
    }

    /** The job, if this caller may read its tenant's decisions; another tenant's job is not found. */
    private ScreeningJobs.Job readable(UUID jobId) {
        Caller caller = Callers.current();
        return jobs.find(jobId).filter(j -> caller.mayRead(j.tenant())).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "No screening job " + jobId + "."));
    }
}
