package io.seicheck.assessment;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seicheck.api.model.Assessment;
import java.nio.charset.StandardCharsets;

/**
 * An assessment already written as JSON: the bytes that were logged, with the receipt added once the log entry
 * committed. {@link ServedAssessmentConverter} writes them as they are, so the answer is serialised once, not once
 * for the log and again for the caller; any other writer gets the same JSON through {@link #json()}.
 */
final class ServedAssessment extends Assessment {

    private final byte[] bytes;

    ServedAssessment(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    @JsonValue
    @JsonRawValue
    String json() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
