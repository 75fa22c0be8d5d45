package io.seicheck.assessment;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Writes a {@link ServedAssessment}'s bytes as the response body; it reads nothing. */
final class ServedAssessmentConverter extends AbstractHttpMessageConverter<ServedAssessment> {

    ServedAssessmentConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return ServedAssessment.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected ServedAssessment readInternal(Class<? extends ServedAssessment> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("an assessment is never read from a request", input);
    }

    @Override
    protected Long getContentLength(ServedAssessment assessment, MediaType contentType) {
        return (long) assessment.bytes().length;
    }

    @Override
    protected void writeInternal(ServedAssessment assessment, HttpOutputMessage output) throws IOException {
        output.getBody().write(assessment.bytes());
    }

    /** Puts the converter ahead of Jackson's, which would otherwise serialise the answer a second time. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        @Override
        public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
            converters.addCustomConverter(new ServedAssessmentConverter());
        }
    }
}
