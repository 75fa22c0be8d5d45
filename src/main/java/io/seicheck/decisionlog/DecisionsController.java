package io.seicheck.decisionlog;

import io.seicheck.api.DecisionsApi;
import io.seicheck.api.model.ChannelCode;
import io.seicheck.api.model.ChannelStatus;
import io.seicheck.api.model.DecisionPage;
import io.seicheck.api.model.DecisionSummary;
import io.seicheck.api.model.QualificationCode;
import io.seicheck.api.model.Verdict;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.seicheck.catalogue.Catalogues;
import io.seicheck.security.Callers;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class DecisionsController implements DecisionsApi {

    private final DecisionSearch search;

    DecisionsController(DecisionSearch search) {
        this.search = search;
    }

    @Override
    public ResponseEntity<DecisionPage> listDecisions(LocalDate from, LocalDate to, Verdict verdict, ChannelCode channel,
            ChannelStatus channelStatus, String industry, String ruleSetHash, Long before, Integer limit) {
        DecisionSearch.Page page = search.page(filter(from, to, verdict, channel, channelStatus, industry, ruleSetHash),
                before, limit == null ? 100 : limit);
        DecisionPage body = new DecisionPage(page.items().stream().map(DecisionsController::summary).toList());
        page.nextBefore().ifPresent(body::setNextBefore);
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<StreamingResponseBody> exportDecisions(LocalDate from, LocalDate to, Verdict verdict,
            ChannelCode channel, ChannelStatus channelStatus, String industry, String ruleSetHash) {
        DecisionFilter filter = filter(from, to, verdict, channel, channelStatus, industry, ruleSetHash);
        List<String> channels = Arrays.stream(ChannelCode.values()).map(ChannelCode::getValue).toList();
        List<String> qualifications = Arrays.stream(QualificationCode.values()).map(QualificationCode::getValue).toList();
        StreamingResponseBody body = out -> search.exportCsv(filter, channels, qualifications, out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"decisions.csv\"").body(body);
    }

    /** Days an auditor may ask about: wide enough for any real log, narrow enough for PostgreSQL's timestamps. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    private static DecisionFilter filter(LocalDate from, LocalDate to, Verdict verdict, ChannelCode channel,
            ChannelStatus channelStatus, String industry, String ruleSetHash) {
        List<InputError> errors = new ArrayList<>();
        if (from != null && (from.isBefore(EARLIEST) || from.isAfter(LATEST))) {
            errors.add(new InputError("from", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (to != null && (to.isBefore(EARLIEST) || to.isAfter(LATEST))) {
            errors.add(new InputError("to", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (errors.isEmpty() && from != null && to != null && to.isBefore(from)) {
            errors.add(new InputError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DecisionFilter(from, to, verdict == null ? null : verdict.getValue(),
                channel == null ? null : channel.getValue(), channelStatus == null ? null : channelStatus.getValue(),
                industry, ruleSetHash, Catalogues.CHINA, Callers.current().readableTenants());
    }

    static DecisionSummary summary(LogEntry e) {
        DecisionSummary s = new DecisionSummary(e.seq(), e.decisionId(), e.decidedAt().atOffset(ZoneOffset.UTC),
                e.tenant(), e.asOf(), e.ruleSetId(), e.ruleSetHash(), Verdict.fromValue(e.verdict()), e.channels(),
                e.qualifications(), e.flags(), e.industries(), e.entryHash());
        s.setReference(e.reference());
        return s;
    }
}
