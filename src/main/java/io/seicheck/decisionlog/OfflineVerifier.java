package io.seicheck.decisionlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar sei-check.jar verify-log --export log.jsonl --checkpoint checkpoint.json [--public-key key.json]}:
 * checks an export of the log against a signed checkpoint without the service, its database or its code paths
 * beyond this class and the chain rules. It checks the checkpoint's signature (with the pinned key if given,
 * else the key the checkpoint carries, which proves less), then walks the export. Exit status 0 if both hold,
 * 1 if either fails, 2 on a usage error. The export must start at seq 1 unless {@code --partial} is given.
 */
public final class OfflineVerifier {

    public static final String COMMAND = "verify-log";

    private OfflineVerifier() {
    }

    public static int run(String[] args, PrintStream out) {
        Path export = null;
        Path checkpointFile = null;
        Path publicKeyFile = null;
        boolean partial = false;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--export": export = path(value); i++; break;
                case "--checkpoint": checkpointFile = path(value); i++; break;
                case "--public-key": publicKeyFile = path(value); i++; break;
                case "--partial": partial = true; break;
                default:
                    out.println("unknown option " + args[i]);
                    return usage(out);
            }
        }
        if (export == null || checkpointFile == null) {
            return usage(out);
        }
        try {
            CheckpointSigner.SignedCheckpoint checkpoint = readCheckpoint(checkpointFile);
            byte[] key = publicKeyFile == null ? checkpoint.publicKey() : readPublicKey(publicKeyFile);
            if (publicKeyFile == null) {
                out.println("warning: no --public-key given; checking the signature with the key in the checkpoint");
            }
            if (!CheckpointSigner.isAuthentic(checkpoint, key)) {
                out.println("FAIL checkpoint: the signature does not verify with key " + CheckpointSigner.keyId(key));
                return 1;
            }
            out.println("ok   checkpoint seq " + checkpoint.seq() + " " + checkpoint.entryHash() + " signed by key "
                    + checkpoint.keyId() + " at " + checkpoint.signedAt());
            ChainVerifier.Report report;
            try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                // A whole export must start at seq 1; a partial one is anchored on its first entry's prevHash.
                report = ChainVerifier.verify(new Lines(lines), partial ? 0 : 1,
                        Optional.of(new ChainVerifier.Checkpoint(checkpoint.seq(), checkpoint.entryHash())));
            }
            if (!report.intact()) {
                ChainVerifier.Break b = report.firstBreak().orElseThrow();
                out.println("FAIL export: first break at seq " + b.seq() + ": " + b.problem());
                return 1;
            }
            out.printf("ok   export: %d entries, seq %d..%d, chain intact and consistent with the checkpoint (%.0f entries/s)%n",
                    report.checked(), report.firstSeq(), report.lastSeq(), report.entriesPerSecond());
            if (partial && report.firstSeq() > 1) {
                out.println("note: a partial export proves nothing about the entries before seq " + report.firstSeq());
            }
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            out.println("FAIL cannot read the input: " + e.getMessage());
            return 1;
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static int usage(PrintStream out) {
        out.println("usage: java -jar sei-check.jar " + COMMAND
                + " --export log.jsonl --checkpoint checkpoint.json [--public-key key.json|key.pem] [--partial]");
        return 2;
    }

    /** A public key as PEM, or as {@code GET /v1/decision-log/public-key} returns it (JSON). */
    static byte[] readPublicKey(Path file) throws IOException {
        String text = Files.readString(file).strip();
        if (text.startsWith("{")) {
            return Base64.getDecoder().decode(JsonMapper.builder().build().readTree(text).required("publicKey").asString());
        }
        return CheckpointSigner.fromPem(text);
    }

    /** A checkpoint as {@code GET /v1/decision-log/checkpoint} returns it. */
    static CheckpointSigner.SignedCheckpoint readCheckpoint(Path file) throws IOException {
        JsonNode n = JsonMapper.builder().build().readTree(Files.readString(file));
        return new CheckpointSigner.SignedCheckpoint(n.required("seq").asLong(), n.required("entryHash").asString(),
                Instant.parse(n.required("signedAt").asString()), n.required("keyId").asString(),
                Base64.getDecoder().decode(n.required("signature").asString()),
                Base64.getDecoder().decode(n.required("publicKey").asString()));
    }

    /** The export's lines as entries; an unreadable line is reported with its number. */
    private static final class Lines implements Iterator<StoredDecision> {
        private final BufferedReader reader;
        private String next;
        private long number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    String line = reader.readLine();
                    if (line == null) {
                        return false;
                    }
                    number++;
                    if (!line.isBlank()) {
                        next = line;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public StoredDecision next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = next;
            next = null;
            try {
                return LogExport.read(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
    }
}
