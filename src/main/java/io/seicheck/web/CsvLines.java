package io.seicheck.web;

import java.util.List;

/** RFC 4180 lines for the CSV the service writes (decision exports, screening results). */
public final class CsvLines {

    private CsvLines() {
    }

    /** One line, CRLF-terminated. */
    public static String line(List<String> cells) {
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
    static String quote(String cell) {
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
