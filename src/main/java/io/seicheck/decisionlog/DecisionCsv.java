package io.seicheck.decisionlog;

import java.util.ArrayList;
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
        return line(cells);
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
        return line(cells);
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }

    /**
     * Quotes a cell when it needs it, and defuses one that a spreadsheet would read as a formula (a caller's
     * {@code reference} is free text) by prefixing an apostrophe.
     */
    private static String quote(String cell) {
        String c = cell;
        if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
            c = "'" + c;
        }
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
            return '"' + c.replace("\"", "\"\"") + '"';
        }
        return c;
    }
}
