package io.seicheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Every problem {@code type} the service answers with is a page that explains it ({@code /problems/<slug>}), as
 * RFC 9457 suggests: what it means and what to do. Served without a key.
 */
@RestController
class ProblemPagesController {

    private final Properties pages = new Properties();

    ProblemPagesController() {
        try (InputStream in = getClass().getResourceAsStream("/problems/problems_en.properties")) {
            pages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug) {
        String title = pages.getProperty(slug + ".title");
        if (title == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "No problem type " + slug + ".");
        }
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                + " – SEI Check</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p><code>type: /problems/"
                + HtmlUtils.htmlEscape(slug) + "</code></p><p>" + HtmlUtils.htmlEscape(pages.getProperty(slug + ".text"))
                + "</p></body></html>";
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /** Whether a page explains this slug. */
    boolean explains(String slug) {
        return pages.getProperty(slug + ".title") != null;
    }
}
