package io.seicheck.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as the jobs read it, and the upload scanner's row count, which must agree with it. */
class CsvReadingTests {

    private static final String HEADER = "reference,company.name,company.products\r\n";

    private static List<List<String>> records(String text) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<List<String>> all = new ArrayList<>();
        for (String[] r; (r = records.next()) != null; ) {
            all.add(List.of(r));
        }
        return all;
    }

    private static long scannedRows(String text, int pieceSize) {
        UploadScanner scanner = new UploadScanner(ScreeningFormat.CSV, StandardCharsets.UTF_8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int off = 0; off < bytes.length; off += pieceSize) {
            scanner.update(bytes, off, Math.min(pieceSize, bytes.length - off));
        }
        return scanner.finish().rows();
    }

    @Test
    void quotedCellsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
        String text = "\uFEFF" + HEADER
                + "A-1,\"上海某公司, 有限\",\"芯片;\"\"MCU\"\"\"\r\n"
                + "\n   \n"
                + "A-2,\"two\nlines\",x\"y\n"
                + "A-3,\"\",\"\"\"q\"\"\"";
        List<List<String>> all = records(text);
        assertThat(all).containsExactly(
                List.of("reference", "company.name", "company.products"),
                List.of("A-1", "上海某公司, 有限", "芯片;\"MCU\""),
                List.of("A-2", "two\nlines", "x\"y"),
                List.of("A-3", "", "\"q\""));
        for (int piece : new int[] {1, 2, 3, 7, 1 << 20}) {
            assertThat(scannedRows(text, piece)).as("rows counted in pieces of %d bytes", piece).isEqualTo(3);
        }
    }

    @Test
    void aCarriageReturnAloneStaysInItsCellAndOneAtTheEndEndsTheRecord() throws IOException {
        assertThat(records("a\rb,c\r")).containsExactly(List.of("a\rb", "c"));
    }

    @Test
    void anUnclosedQuoteAndAnUnknownColumnRefuseTheUpload() {
        assertThatThrownBy(() -> records(HEADER + "A-1,\"open,x\n")).isInstanceOf(UploadException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> scannedRows(HEADER + "A-1,\"open,x\n", 5)).isInstanceOf(UploadException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> scannedRows("reference,company.nmae\nA,b\n", 4)).isInstanceOf(UploadException.class)
                .hasMessageContaining("company.nmae");
        assertThatThrownBy(() -> scannedRows("\n \n", 4)).isInstanceOf(UploadException.class)
                .hasMessageContaining("no header");
    }
}
