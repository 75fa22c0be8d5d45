package io.seicheck.decisionlog;

import io.seicheck.api.DecisionLogApi;
import io.seicheck.api.model.ChainBreak;
import io.seicheck.api.model.LogPublicKey;
import io.seicheck.api.model.SignedCheckpoint;
import io.seicheck.api.model.VerificationReport;
import io.seicheck.security.Callers;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class DecisionLogController implements DecisionLogApi {

    private final DecisionLog log;
    private final CheckpointSigner signer;

    DecisionLogController(DecisionLog log, CheckpointSigner signer) {
        this.log = log;
        this.signer = signer;
    }

    @Override
    public ResponseEntity<VerificationReport> verifyDecisionLog(Long fromSeq, Long toSeq, Long checkpointSeq,
            String checkpointHash) {
        if (!Callers.current().mayAudit()) {
            throw Callers.forbidden("verifying the log (auditors and admins do)");
        }
        if ((checkpointSeq == null) != (checkpointHash == null)) {
            String missing = checkpointSeq == null ? "checkpointSeq" : "checkpointHash";
            throw new InvalidInputException(List.of(new InputError(missing,
                    "checkpointSeq and checkpointHash go together")));
        }
        long from = fromSeq == null ? 1 : fromSeq;
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        if (from > to) {
            throw new InvalidInputException(List.of(new InputError("toSeq", "must not be below fromSeq")));
        }
        if (checkpointSeq != null && checkpointSeq > 0 && (checkpointSeq < from || checkpointSeq > to)) {
            // A checkpoint outside the range would either go unchecked or look like a cut log.
            throw new InvalidInputException(List.of(new InputError("checkpointSeq",
                    "must lie within fromSeq..toSeq, so that the walk reaches it")));
        }
        Optional<ChainVerifier.Checkpoint> checkpoint = checkpointSeq == null ? Optional.empty()
                : Optional.of(new ChainVerifier.Checkpoint(checkpointSeq, checkpointHash));
        // A range that starts after 1 is anchored on the entry before it, which is checked too.
        ChainVerifier.Report report = log.verify(Math.max(1, from - 1), to, checkpoint);
        VerificationReport body = new VerificationReport(report.intact(), report.checked(), report.firstSeq(),
                report.lastSeq(), report.entriesPerSecond());
        body.setLastHash(report.lastHash());
        report.firstBreak().ifPresent(b -> body.setFirstBreak(new ChainBreak(b.seq(), b.problem())));
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<SignedCheckpoint> getCheckpoint() {
        if (!Callers.current().mayAudit()) {
            throw Callers.forbidden("taking checkpoints (auditors and admins do)");
        }
        Optional<LogEntry> head = log.head();
        CheckpointSigner.SignedCheckpoint c = signer.sign(head.map(LogEntry::seq).orElse(0L),
                head.map(LogEntry::entryHash).orElse(Sha256.ZERO));
        return ResponseEntity.ok(new SignedCheckpoint(c.seq(), c.entryHash(), c.signedAt().atOffset(ZoneOffset.UTC),
                SignedCheckpoint.AlgorithmEnum.ED25519, c.keyId(), c.signature(), c.publicKey()));
    }

    @Override
    public ResponseEntity<LogPublicKey> getLogPublicKey() {
        return ResponseEntity.ok(new LogPublicKey(LogPublicKey.AlgorithmEnum.ED25519, signer.keyId(),
                signer.publicKey(), signer.publicKeyPem()));
    }

    @Override
    public ResponseEntity<StreamingResponseBody> exportDecisionLog(Long fromSeq, Long toSeq) {
        if (!Callers.current().mayExportLog()) {
            throw Callers.forbidden("exporting the whole log, which holds every tenant's requests (admins and "
                    + "auditors of all tenants do)");
        }
        long from = fromSeq == null ? 1 : fromSeq;
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            log.range(from, to, rows -> {
                try {
                    while (rows.hasNext()) {
                        w.write(LogExport.line(rows.next()));
                        w.write('\n');
                    }
                    w.flush();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }
}
