package io.seicheck.screening;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads an upload once, as it streams in: its SHA-256, its size, its rows (counted as {@link CsvRecords} and the
 * JSON Lines reader read them: blank lines are not rows, nor is the CSV header), that every byte is text in its
 * character set, and that the CSV header names known columns. What is wrong is refused before the job exists.
 */
final class UploadScanner {

    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final ScreeningFormat format;
    private final MessageDigest sha256;
    private final CharsetDecoder decoder;
    private final CharBuffer scratch = CharBuffer.allocate(1 << 16);
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private long bytes;
    private long records;
    private boolean inQuotes;
    private boolean cellStart = true;
    private boolean justClosed;
    private boolean lineHasContent;
    private boolean atStart = true;
    private final java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
    private boolean headerDone;
    private CsvColumns columns;

    UploadScanner(ScreeningFormat format, Charset charset) {
        this.format = format;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    void update(byte[] b, int off, int len) {
        sha256.update(b, off, len);
        checkText(b, off, len);
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (atStart && bytes + (i - off) < 3 && isBom(c, bytes + (i - off))) {
                continue;
            }
            atStart = false;
            if (format == ScreeningFormat.CSV) {
                quotes(c);
            }
            if (c == '\n' && !inQuotes) {
                endLine(b, off, i);
            } else if (c != ' ' && c != '\t' && c != '\r') {
                lineHasContent = true;
            }
            if (format == ScreeningFormat.CSV && !headerDone && lineHasContent) {
                if (header.size() >= MAX_HEADER_BYTES) {
                    throw new UploadException("the CSV header is longer than " + MAX_HEADER_BYTES + " bytes");
                }
                header.write(c);
            }
        }
        bytes += len;
    }

    /** Quotes as {@link CsvRecords} reads them: one opens a cell only at its start; a doubled one is a quote. */
    private void quotes(byte c) {
        if (inQuotes) {
            if (c == '"') {
                inQuotes = false;
                justClosed = true;
            }
            return;
        }
        if (c == '"' && (cellStart || justClosed)) {
            inQuotes = true; // opens a cell, or (right after a closing quote) is the second of a doubled quote
        }
        justClosed = false;
        cellStart = c == ',' || c == '\n';
    }

    private static boolean isBom(byte c, long at) {
        return (at == 0 && c == (byte) 0xEF) || (at == 1 && c == (byte) 0xBB) || (at == 2 && c == (byte) 0xBF);
    }

    private void endLine(byte[] b, int off, int i) {
        if (!lineHasContent) {
            return;
        }
        lineHasContent = false;
        records++;
        if (format == ScreeningFormat.CSV && !headerDone) {
            headerDone = true;
            columns = parseHeader();
        }
    }

    private CsvColumns parseHeader() {
        String text = new String(header.toByteArray(), decoder.charset()).replace("\uFEFF", "");
        try {
            String[] names = new CsvRecords(new java.io.StringReader(text)).next();
            return CsvColumns.of(Arrays.asList(names == null ? new String[0] : names));
        } catch (IOException e) {
            throw new UploadException("the CSV header cannot be read: " + e.getMessage());
        }
    }

    private void checkText(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + len);
        in.put(carry).put(b, off, len).flip();
        while (true) {
            scratch.clear();
            CoderResult result = decoder.decode(in, scratch, false);
            if (result.isError()) {
                throw new UploadException("the upload is not " + decoder.charset().name() + " text near byte "
                        + (bytes + in.position() - (in.limit() - len)) + (decoder.charset().name().equals("UTF-8")
                        ? " (for GB18030 say so: Content-Type: text/csv; charset=GB18030)" : ""));
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        carry = in.slice();
    }

    /** Called at the end of the upload: the counts, or why the upload as a whole cannot be screened. */
    Scanned finish() {
        scratch.clear();
        if (decoder.decode(carry, scratch, true).isError() || carry.hasRemaining() || decoder.flush(scratch).isError()) {
            throw new UploadException("the upload ends in the middle of a " + decoder.charset().name() + " character");
        }
        if (inQuotes) {
            throw new UploadException("a quoted cell is never closed");
        }
        endLine(null, 0, 0);
        if (format == ScreeningFormat.CSV) {
            if (!headerDone) {
                throw new UploadException("the CSV upload has no header row");
            }
            return new Scanned(HexFormat.of().formatHex(sha256.digest()), bytes, records - 1);
        }
        return new Scanned(HexFormat.of().formatHex(sha256.digest()), bytes, records);
    }

    /** An upload read to its end. */
    record Scanned(String sha256, long bytes, long rows) {
    }

    /** For tests and the CLI: scans a whole stream. */
    static Scanned scan(java.io.InputStream in, ScreeningFormat format, Charset charset) throws IOException {
        UploadScanner s = new UploadScanner(format, charset);
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            s.update(buffer, 0, n);
        }
        return s.finish();
    }

    static InputStreamReader reader(java.io.InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
