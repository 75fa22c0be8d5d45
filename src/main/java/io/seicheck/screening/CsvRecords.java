package io.seicheck.screening;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: cells separated by commas, a cell in double quotes may hold commas, line
 * breaks and doubled quotes; records end at LF or CRLF. A leading byte-order mark is skipped, and so are blank
 * records (nothing but spaces and tabs), exactly as {@link UploadScanner} counts them.
 */
final class CsvRecords {

    private static final int MAX_CELL = 10_000;

    private final Chars in;
    private boolean started;
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>(64);

    CsvRecords(Reader in) {
        this.in = new Chars(in);
    }

    /** The next record that is not blank, or null at the end. */
    String[] next() throws IOException {
        while (true) {
            int first = read();
            if (first < 0) {
                return null;
            }
            if (!started) {
                started = true;
                if (first == '\uFEFF') {
                    continue;
                }
            }
            String[] record = record(first);
            if (!blank(record)) {
                return record;
            }
        }
    }

    private String[] record(int c) throws IOException {
        cells.clear();
        cell.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new UploadException("a quoted cell is never closed");
                }
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    append((char) c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                break;
            } else if (c == '\r') {
                int next = read();
                if (next == '\n' || next < 0) {
                    break;
                }
                append('\r');
                c = next;
                continue;
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append((char) c);
            }
            c = read();
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    private void append(char c) {
        if (cell.length() >= MAX_CELL) {
            throw new UploadException("a cell is longer than " + MAX_CELL + " characters");
        }
        cell.append(c);
    }

    private static boolean blank(String[] record) {
        return record.length == 1 && UploadScanner.isBlank(record[0]);
    }

    private int read() throws IOException {
        return in.read();
    }
}
