package io.seicheck.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 4180 records from characters pushed one at a time: cells separated by commas, a cell in double quotes may
 * hold commas, line breaks and doubled quotes; records end at LF or CRLF. A leading byte-order mark is skipped,
 * and so are blank records (nothing but spaces and tabs). The one reading of CSV: {@link CsvRecords} pulls rows
 * through it, and {@link UploadScanner} counts an upload's rows with it, so the two always agree.
 */
final class CsvTokenizer {

    private static final int MAX_CELL = 10_000;

    private final Consumer<String[]> records;
    private boolean keepCells = true;
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>(64);
    private int cellCount;
    private int cellLength;
    private boolean cellBlank = true;
    private boolean started;
    private boolean inRecord;
    private boolean quoted;
    private boolean wasQuoted;
    private boolean quoteSeen;
    private boolean crSeen;

    /** @param records told each record that is not blank; its cells, or null once cells are no longer kept */
    CsvTokenizer(Consumer<String[]> records) {
        this.records = records;
    }

    /** From now on records are only counted: their cells are not built. */
    void stopKeepingCells() {
        keepCells = false;
    }

    void accept(char c) {
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return;
            }
        }
        inRecord = true;
        if (crSeen) {
            crSeen = false;
            if (c == '\n') {
                endRecord();
                return;
            }
            append('\r');
        }
        if (quoteSeen) {
            quoteSeen = false;
            if (c == '"') {
                append('"'); // a doubled quote inside a quoted cell
                return;
            }
            quoted = false;
        }
        if (quoted) {
            if (c == '"') {
                quoteSeen = true;
            } else {
                append(c);
            }
            return;
        }
        if (c == ',') {
            endCell();
            wasQuoted = false;
        } else if (c == '\n') {
            endRecord();
        } else if (c == '\r') {
            crSeen = true;
        } else if (c == '"' && cellLength == 0 && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else {
            append(c);
        }
    }

    /** The end of the input: the last record, if it has no line break. */
    void end() {
        if (quoteSeen) {
            quoteSeen = false;
            quoted = false;
        }
        if (quoted) {
            throw new UploadException("a quoted cell is never closed");
        }
        crSeen = false;
        if (inRecord) {
            endRecord();
        }
    }

    private void append(char c) {
        if (keepCells) {
            if (cellLength >= MAX_CELL) {
                throw new UploadException("a cell is longer than " + MAX_CELL + " characters");
            }
            cell.append(c);
        }
        cellLength++;
        if (c != ' ' && c != '\t' && c != '\r') {
            cellBlank = false;
        }
    }

    private void endCell() {
        if (keepCells) {
            cells.add(cell.toString());
            cell.setLength(0);
        }
        cellCount++;
        cellLength = 0;
    }

    private void endRecord() {
        boolean blank = cellCount == 0 && cellBlank;
        endCell();
        if (!blank) {
            records.accept(keepCells ? cells.toArray(String[]::new) : null);
        }
        cells.clear();
        cellCount = 0;
        cellBlank = true;
        wasQuoted = false;
        inRecord = false;
    }
}
