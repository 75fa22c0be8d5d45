package io.seicheck.decisionlog;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A log entry with the texts its hashes cover: the canonical request and, where kept, the response exactly as
 * the caller received it, less its receipt.
 */
public record StoredDecision(LogEntry entry, String request, byte[] response) {

    public Optional<String> responseText() {
        return Optional.ofNullable(response).map(r -> new String(r, StandardCharsets.UTF_8));
    }
}
