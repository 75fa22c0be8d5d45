package io.seicheck.screening;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.assessment.Language;
import io.seicheck.assessment.LoggedAssessments;
import io.seicheck.assessment.RequestReader;
import io.seicheck.decisionlog.CanonicalJson;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.ProblemException;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides one row of a job exactly as {@code POST /v1/assessments} decides a body (same reader rules, same bean
 * validation from the contract, same input checks and rules, suggestions off), or says why it cannot: the
 * row's errors, by CSV column or JSON Pointer. Thread-safe; rows are decided in parallel.
 */
final class RowAssessor {

    private static final Logger log = LoggerFactory.getLogger(RowAssessor.class);

    private final LoggedAssessments assessments;
    private final RequestReader requests;
    private final JsonMapper json;

    RowAssessor(LoggedAssessments assessments, JsonMapper json, Validator validator) {
        this.assessments = assessments;
        this.requests = new RequestReader(json, validator);
        this.json = json;
    }

    /** What the job fixes for every row: whose, in which language, on which day unless a row says otherwise. */
    record JobContext(UUID job, String tenant, Language language, LocalDate asOf, ScreeningFormat format,
            CsvColumns columns) {
    }

    /** A row decided ({@code screened} set) or refused ({@code errors} set), with its result line. */
    record Outcome(long row, LoggedAssessments.ScreenedRow screened, String result, List<InputError> errors) {
        boolean decided() {
            return screened != null;
        }
    }

    Outcome assess(JobContext job, RowSource.RawRow raw) {
        AssessmentRequest request;
        try {
            request = read(job, raw);
        } catch (UnreadableCells e) {
            return refused(raw.row(), reference(job, raw), e.located);
        } catch (InvalidInputException e) {
            return refused(job, raw.row(), reference(job, raw), e.errors());
        }
        String reference = request.getReference();
        List<InputError> invalid = requests.violations(request);
        if (!invalid.isEmpty()) {
            return refused(job, raw.row(), reference, invalid);
        }
        if (request.getAsOf() == null) {
            request.setAsOf(job.asOf());
        }
        try {
            LoggedAssessments.ScreenedRow screened = assessments.screen(job.tenant(), request, job.language(), job.job(),
                    raw.row());
            return new Outcome(raw.row(), screened, screened.result(), List.of());
        } catch (InvalidInputException e) {
            return refused(job, raw.row(), reference, e.errors());
        } catch (ProblemException e) {
            return refused(job, raw.row(), reference, List.of(new InputError("/asOf", e.getMessage())));
        } catch (RuntimeException e) {
            // A fault of ours, not of the row: the row says so (and is not decided), the job carries on.
            String id = UUID.randomUUID().toString();
            log.error("Row {} of job {} could not be decided (error {})", raw.row(), job.job(), id, e);
            return refused(job, raw.row(), reference, List.of(new InputError("", "could not be decided because of an "
                    + "internal error (" + id + "); the row was not logged")));
        }
    }

    private AssessmentRequest read(JobContext job, RowSource.RawRow raw) {
        if (raw.line() != null) {
            return requests.read(raw.line());
        }
        CsvColumns.Read read = job.columns().read(raw.cells());
        if (!read.errors().isEmpty()) {
            throw new UnreadableCells(read.errors());
        }
        return requests.read(read.json());
    }

    /** The row's own reference, if it can be made out of a row that cannot be read (a bank needs it to find the row). */
    private String reference(JobContext job, RowSource.RawRow raw) {
        try {
            tools.jackson.databind.JsonNode tree = raw.line() != null ? json.readTree(raw.line())
                    : job.columns().read(raw.cells()).json();
            tools.jackson.databind.JsonNode reference = tree == null ? null : tree.get("reference");
            return reference != null && reference.isString() ? reference.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** CSV cells that could not be read, already by column. */
    private static final class UnreadableCells extends RuntimeException {
        private final List<InputError> located;

        UnreadableCells(List<InputError> located) {
            super(null, null, false, false);
            this.located = located;
        }
    }

    /** Refused for errors located by JSON Pointer: CSV rows name the column instead. */
    private static Outcome refused(JobContext job, long row, String reference, List<InputError> errors) {
        return refused(row, reference, job.format() == ScreeningFormat.CSV
                ? errors.stream().map(e -> new InputError(CsvColumns.column(e.pointer()), e.detail())).toList()
                : errors);
    }

    private static Outcome refused(long row, String reference, List<InputError> errors) {
        List<InputError> located = new ArrayList<>(errors);
        located.sort(Comparator.comparing(InputError::pointer).thenComparing(InputError::detail));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("row", row);
        if (reference != null) {
            result.put("reference", reference);
        }
        result.put("errors", located.stream().map(e -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", e.pointer());
            m.put("detail", e.detail());
            return m;
        }).toList());
        return new Outcome(row, null, CanonicalJson.write(result), located);
    }
}
