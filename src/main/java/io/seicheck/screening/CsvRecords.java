package io.seicheck.screening;

import java.io.IOException;
import java.io.Reader;

/** The CSV records of a reader, read by {@link CsvTokenizer} (blank records skipped). */
final class CsvRecords {

    private final Chars in;
    private final CsvTokenizer tokenizer = new CsvTokenizer(record -> this.ready = record);
    private String[] ready;
    private boolean ended;

    CsvRecords(Reader in) {
        this.in = new Chars(in);
    }

    /** The next record that is not blank, or null at the end. */
    String[] next() throws IOException {
        while (ready == null && !ended) {
            int c = in.read();
            if (c < 0) {
                ended = true;
                tokenizer.end();
            } else {
                tokenizer.accept((char) c);
            }
        }
        String[] record = ready;
        ready = null;
        return record;
    }
}
