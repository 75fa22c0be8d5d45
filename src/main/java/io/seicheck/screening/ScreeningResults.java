package io.seicheck.screening;

import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.QualificationCode;
import io.seicheck.web.CsvLines;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's row results, in row order, streamed from a database cursor (memory stays flat however many rows):
 * as JSON Lines, each line the stored result exactly, or as CSV with a fixed header.
 */
final class ScreeningResults {

    private static final List<String> QUALIFICATIONS = Arrays.stream(QualificationCode.values())
            .map(QualificationCode::getValue).toList();
    private static final List<String> CHANNELS = Arrays.stream(ChannelCode.values()).map(ChannelCode::getValue).toList();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;

    ScreeningResults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(UUID job, ScreeningFormat format, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT result FROM screening_row WHERE job_id = ? ORDER BY row_no")) {
                q.setFetchSize(2000);
                q.setObject(1, job);
                if (format == ScreeningFormat.CSV) {
                    out.write(header().getBytes(StandardCharsets.UTF_8));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String result = rs.getString(1);
                        String line = format == ScreeningFormat.CSV ? csv(result) : result + "\n";
                        out.write(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("The results cannot be read: " + e.getMessage(), e));
        }
        out.flush();
    }

    static String header() {
        List<String> cells = new ArrayList<>(List.of("row", "reference", "decisionId", "verdict", "ruleSetHash"));
        QUALIFICATIONS.forEach(q -> cells.add("qualification." + q));
        CHANNELS.forEach(ch -> cells.add("channel." + ch));
        cells.addAll(List.of("areas", "flags", "errors"));
        return CsvLines.line(cells);
    }

    static String csv(String result) {
        JsonNode r = JSON.readTree(result);
        List<String> cells = new ArrayList<>(List.of(r.path("row").asString(""), text(r, "reference"),
                text(r, "decisionId"), text(r, "verdict"), text(r, "ruleSetHash")));
        QUALIFICATIONS.forEach(q -> cells.add(r.path("qualifications").path(q).asString("")));
        CHANNELS.forEach(ch -> cells.add(r.path("channels").path(ch).asString("")));
        cells.add(joined(r.path("areas")));
        cells.add(joined(r.path("flags")));
        List<String> errors = new ArrayList<>();
        r.path("errors").forEach(e -> errors.add(e.path("field").asString("") + ": " + e.path("detail").asString("")));
        cells.add(String.join("; ", errors));
        return CsvLines.line(cells);
    }

    private static String text(JsonNode r, String field) {
        return r.path(field).asString("");
    }

    private static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asString()));
        return String.join(";", items);
    }
}
