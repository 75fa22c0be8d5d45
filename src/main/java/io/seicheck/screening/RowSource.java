package io.seicheck.screening;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.List;

/** The data rows of an upload, numbered from 1 as {@link UploadScanner} counted them, read as they stream. */
abstract class RowSource implements Closeable {

    /** One row as it stands in the upload: CSV cells, or a JSON line. */
    record RawRow(long row, String[] cells, String line) {
    }

    private final Reader reader;
    private long row;

    RowSource(Reader reader) {
        this.reader = reader;
    }

    static RowSource open(InputStream in, ScreeningFormat format, Charset charset) throws IOException {
        Reader reader = UploadScanner.reader(in, charset);
        return format == ScreeningFormat.CSV ? new Csv(reader) : new JsonLines(reader);
    }

    /** The next row, or null after the last. */
    final RawRow next() throws IOException {
        RawRow raw = read(row + 1);
        if (raw != null) {
            row++;
        }
        return raw;
    }

    abstract RawRow read(long number) throws IOException;

    /** The CSV header's columns (CSV only). */
    CsvColumns columns() {
        throw new UnsupportedOperationException("JSON Lines has no header");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class Csv extends RowSource {
        private final CsvRecords records;
        private final CsvColumns columns;

        Csv(Reader reader) throws IOException {
            super(reader);
            this.records = new CsvRecords(reader);
            String[] header = records.next();
            if (header == null) {
                throw new UploadException("the CSV upload has no header row");
            }
            this.columns = CsvColumns.of(List.of(header));
        }

        @Override
        RawRow read(long number) throws IOException {
            String[] cells = records.next();
            return cells == null ? null : new RawRow(number, cells, null);
        }

        @Override
        CsvColumns columns() {
            return columns;
        }
    }

    /** Lines end at LF (a CR before it is dropped); lines of nothing but spaces and tabs are skipped. */
    private static final class JsonLines extends RowSource {
        private final Chars chars;
        private final StringBuilder line = new StringBuilder(2048);
        private boolean started;

        JsonLines(Reader reader) {
            super(reader);
            this.chars = new Chars(reader);
        }

        @Override
        RawRow read(long number) throws IOException {
            while (true) {
                line.setLength(0);
                int c;
                boolean any = false;
                while ((c = chars.read()) >= 0) {
                    any = true;
                    if (c == '\n') {
                        break;
                    }
                    if (!started) {
                        started = true;
                        if (c == '\uFEFF') {
                            continue;
                        }
                    }
                    line.append((char) c);
                }
                if (!any) {
                    return null;
                }
                String text = line.toString();
                if (!UploadScanner.isBlank(text)) {
                    return new RawRow(number, null, text);
                }
            }
        }
    }
}
