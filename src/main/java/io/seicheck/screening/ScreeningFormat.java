package io.seicheck.screening;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The upload formats, by media type, with the character sets each accepts. */
enum ScreeningFormat {
    CSV(MediaType.parseMediaType("text/csv")),
    JSON_LINES(MediaType.parseMediaType("application/x-ndjson"));

    static final Charset GB18030 = Charset.forName("GB18030");

    private final MediaType mediaType;

    ScreeningFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format a {@code Content-Type} names, or null if it is neither CSV nor JSON Lines. */
    static ScreeningFormat of(MediaType contentType) {
        for (ScreeningFormat f : values()) {
            if (f.mediaType.equalsTypeAndSubtype(contentType)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The character set of an upload: UTF-8 unless the {@code Content-Type} says GB18030 (GBK and GB2312 are
     * subsets of it) for CSV; JSON Lines is UTF-8 (RFC 8259). Anything else is refused with the reason.
     */
    Charset charset(MediaType contentType) {
        String name = contentType.getParameter("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        String n = name.replace("\"", "").strip().toUpperCase(Locale.ROOT);
        if (n.equals("UTF-8") || n.equals("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (this == CSV && (n.equals("GB18030") || n.equals("GBK") || n.equals("GB2312"))) {
            return GB18030;
        }
        throw new UploadException("charset " + name + " is not accepted: " + (this == CSV
                ? "CSV is read as UTF-8 (a BOM is accepted) or GB18030" : "JSON Lines is UTF-8"));
    }
}
