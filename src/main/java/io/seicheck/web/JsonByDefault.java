package io.seicheck.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A caller that sends no {@code Accept} (or {@code *}{@code /*}, as curl does) gets {@code application/json}. The
 * contract lists {@code application/problem+json} first among what each operation produces, so without this a
 * successful answer was labelled problem+json. Errors set their own type and are not affected; operations that
 * produce something else (CSV, JSON Lines) still match through the trailing {@code *}{@code /*}.
 */
@Configuration(proxyBeanMethods = false)
class JsonByDefault implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
    }
}
