package io.seicheck.decisionlog;

import java.util.ArrayList;
import io.seicheck.web.CsvLines;
import java.util.List;

/**
 * Decisions as RFC 4180 CSV: fixed columns, then one column per channel and per qualification holding its
 * status, then flags and industries joined with {@code ;}.
 */
final class DecisionCsv {

    private final List<String> channels;
    private final List<String> qualifications;

    DecisionCsv(List<String> channels, List<String> qualifications) {
        this.channels = channels;
        this.qualifications = qualifications;
    }

    String header() {
        List<String> cells = new ArrayList<>(List.of("seq", "decisionId", "decidedAt", "tenant", "reference", "asOf",
                "ruleSetId", "ruleSetHash", "verdict"));
        channels.forEach(c -> cells.add("channel." + c));
        qualifications.forEach(q -> cells.add("qualification." + q));
        cells.addAll(List.of("flags", "industries", "entryHash"));
        return CsvLines.line(cells);
    }

    String row(LogEntry e) {
        List<String> cells = new ArrayList<>(List.of(Long.toString(e.seq()), e.decisionId().toString(),
                e.decidedAt().toString(), e.tenant(), e.reference() == null ? "" : e.reference(), e.asOf().toString(),
                e.ruleSetId(), e.ruleSetHash(), e.verdict()));
        channels.forEach(c -> cells.add(e.channels().getOrDefault(c, "")));
        qualifications.forEach(q -> cells.add(e.qualifications().getOrDefault(q, "")));
        cells.add(String.join(";", e.flags()));
        cells.add(String.join(";", e.industries()));
        cells.add(e.entryHash());
        return CsvLines.line(cells);
    }
}
