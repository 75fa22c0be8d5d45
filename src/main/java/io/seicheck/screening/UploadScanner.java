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
 * Reads an upload once, as it streams in: its SHA-256, its size, that every byte is text in its character set,
 * its rows (read as the job will read them: CSV by {@link CsvTokenizer}, whose first record is the header and
 * must name known columns; JSON Lines by line, blank lines not counted). What is wrong is refused before the job
 * exists.
 */
final class UploadScanner {

    private final ScreeningFormat format;
    private final MessageDigest sha256;
    private final CharsetDecoder decoder;
    private final CharBuffer decoded = CharBuffer.allocate(1 << 16);
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private long bytes;
    private long records;
    private final CsvTokenizer csv;
    private boolean started;
    private boolean lineHasContent;

    UploadScanner(ScreeningFormat format, Charset charset) {
        this.format = format;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.csv = format == ScreeningFormat.CSV ? new CsvTokenizer(this::csvRecord) : null;
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
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + len);
        in.put(carry).put(b, off, len).flip();
        while (true) {
            CoderResult result = decoder.decode(in, decoded, false);
            if (result.isError()) {
                throw new UploadException("the upload is not " + decoder.charset().name() + " text near byte "
                        + (bytes + in.position() - (in.limit() - len)) + (decoder.charset().name().equals("UTF-8")
                        ? " (for GB18030 say so: Content-Type: text/csv; charset=GB18030)" : ""));
            }
            read();
            if (result.isUnderflow()) {
                break;
            }
        }
        carry = in.slice();
        bytes += len;
    }

    /** Hands the characters decoded so far to the row reader. */
    private void read() {
        decoded.flip();
        while (decoded.hasRemaining()) {
            char c = decoded.get();
            if (csv != null) {
                csv.accept(c);
            } else {
                line(c);
            }
        }
        decoded.clear();
    }

    private void csvRecord(String[] cells) {
        if (records++ == 0) {
            CsvColumns.of(Arrays.asList(cells)); // the header: refused here if it names an unknown column
            csv.stopKeepingCells();
        }
    }

    /** JSON Lines: lines end at LF; a line of nothing but spaces, tabs and CR is not a row; a leading BOM is skipped. */
    private void line(char c) {
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return;
            }
        }
        if (c == '\n') {
            endLine();
        } else if (c != ' ' && c != '\t' && c != '\r') {
            lineHasContent = true;
        }
    }

    private void endLine() {
        if (lineHasContent) {
            records++;
            lineHasContent = false;
        }
    }

    /** Called at the end of the upload: the counts, or why the upload as a whole cannot be screened. */
    Scanned finish() {
        if (decoder.decode(carry, decoded, true).isError() || carry.hasRemaining() || decoder.flush(decoded).isError()) {
            throw new UploadException("the upload ends in the middle of a " + decoder.charset().name() + " character");
        }
        read();
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (csv == null) {
            endLine();
            return new Scanned(hash, bytes, records);
        }
        csv.end();
        if (records == 0) {
            throw new UploadException("the CSV upload has no header row");
        }
        return new Scanned(hash, bytes, records - 1);
    }

    /** An upload read to its end. */
    record Scanned(String sha256, long bytes, long rows) {
    }

    static InputStreamReader reader(java.io.InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
