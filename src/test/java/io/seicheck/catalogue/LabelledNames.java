package io.seicheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a labelled set of product names: tab-separated, a header row, {@code #} comments and blank lines skipped. */
final class LabelledNames {

    private LabelledNames() {
    }

    static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as("columns of: %s", line).hasSize(columns);
            rows.add(f);
        }
        return rows;
    }
}
