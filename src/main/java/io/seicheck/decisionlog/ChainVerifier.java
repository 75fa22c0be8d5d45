package io.seicheck.decisionlog;

import java.util.Iterator;
import java.util.Optional;

/**
 * Walks entries in sequence order and finds the first that breaks the chain: a missing or out-of-place
 * sequence number (a deleted or swapped entry), a {@code prevHash} that is not the hash of the entry before, an
 * entry whose fields no longer hash to its {@code entryHash} (an edited byte), or a request or response that no
 * longer hashes to what the entry says. Against a checkpoint it also finds a log that was cut short or rewritten
 * up to that point. The same code checks the live log and an offline export.
 */
public final class ChainVerifier {

    /** The head an auditor kept: entry {@code seq} had hash {@code entryHash}. */
    public record Checkpoint(long seq, String entryHash) {
    }

    /** Where the chain first breaks, and how. */
    public record Break(long seq, String problem) {
    }

    /**
     * The outcome of a walk.
     *
     * @param checked entries checked up to and including the first break
     * @param firstSeq the first entry checked, 0 if none
     * @param lastSeq the last entry checked, 0 if none
     * @param lastHash the hash of the last entry checked
     */
    public record Report(boolean intact, long checked, long firstSeq, long lastSeq, String lastHash,
            Optional<Break> firstBreak, long elapsedNanos) {

        public double entriesPerSecond() {
            return elapsedNanos == 0 ? 0 : checked * 1e9 / elapsedNanos;
        }
    }

    private ChainVerifier() {
    }

    /**
     * Verifies {@code entries}, which must come in ascending {@code seq} starting at {@code firstSeq} (entries
     * missing at the start are a break too); seq 1 must chain to zeros, a range that starts later is anchored on
     * its first entry's {@code prevHash}. {@code firstSeq} 0 accepts whatever comes first (a partial export).
     */
    public static Report verify(Iterator<StoredDecision> entries, long firstSeq, Optional<Checkpoint> checkpoint) {
        long expectedFirst = firstSeq;
        long start = System.nanoTime();
        long checked = 0;
        long seenFirst = 0;
        LogEntry previous = null;
        Optional<Break> broken = Optional.empty();
        boolean checkpointSeen = false;
        while (entries.hasNext() && broken.isEmpty()) {
            StoredDecision d = entries.next();
            LogEntry e = d.entry();
            checked++;
            if (previous == null) {
                seenFirst = e.seq();
                if (expectedFirst > 0 && e.seq() != expectedFirst) {
                    broken = Optional.of(new Break(e.seq(), "the log starts at seq " + e.seq() + ", not at "
                            + expectedFirst + ": entries before it are missing"));
                    previous = e;
                    break;
                }
            }
            broken = check(d, previous);
            if (broken.isEmpty() && checkpoint.isPresent() && e.seq() == checkpoint.get().seq()) {
                checkpointSeen = true;
                if (!e.entryHash().equals(checkpoint.get().entryHash())) {
                    broken = Optional.of(new Break(e.seq(), "entry hash " + e.entryHash()
                            + " differs from the checkpoint's " + checkpoint.get().entryHash()
                            + ": the log up to the checkpoint was rewritten"));
                }
            }
            previous = e;
        }
        if (broken.isEmpty() && previous == null && expectedFirst > 1) {
            broken = Optional.of(new Break(expectedFirst, "no entry from seq " + expectedFirst + " on"));
        }
        if (broken.isEmpty() && checkpoint.isPresent() && !checkpointSeen) {
            long lastSeq = previous == null ? 0 : previous.seq();
            if (lastSeq < checkpoint.get().seq()) {
                broken = Optional.of(new Break(lastSeq + 1, "the log ends at seq " + lastSeq
                        + " but the checkpoint names seq " + checkpoint.get().seq() + ": entries were removed"));
            }
        }
        return new Report(broken.isEmpty(), checked, seenFirst, previous == null ? 0 : previous.seq(),
                previous == null ? null : previous.entryHash(), broken, System.nanoTime() - start);
    }

    private static Optional<Break> check(StoredDecision d, LogEntry previous) {
        LogEntry e = d.entry();
        if (previous == null && e.seq() == 1 && !Sha256.ZERO.equals(e.prevHash())) {
            return broken(e, "the first entry must chain to 64 zeros, not " + e.prevHash());
        }
        if (previous != null && e.seq() != previous.seq() + 1) {
            return broken(e, "seq " + e.seq() + " follows seq " + previous.seq() + ": entries are missing or out of order");
        }
        if (previous != null && !previous.entryHash().equals(e.prevHash())) {
            return broken(e, "prevHash " + e.prevHash() + " is not the hash of seq " + previous.seq() + " ("
                    + previous.entryHash() + ")");
        }
        String expected = e.expectedHash();
        if (!expected.equals(e.entryHash())) {
            return broken(e, "the entry's fields hash to " + expected + ", not to its entryHash " + e.entryHash()
                    + ": it was altered");
        }
        if (!Sha256.hex(d.request()).equals(e.requestSha256())) {
            return broken(e, "the stored request does not hash to requestSha256: it was altered");
        }
        if (d.response() == null) {
            // A screened row keeps only its result's hash (the entry says so, under its own hash); any other
            // entry without its response has lost it.
            return e.screening() != null ? Optional.empty() : broken(e, "the stored response is missing");
        }
        if (!Sha256.hex(d.response()).equals(e.responseSha256())) {
            return broken(e, "the stored response does not hash to responseSha256: it was altered");
        }
        return Optional.empty();
    }

    private static Optional<Break> broken(LogEntry e, String problem) {
        return Optional.of(new Break(e.seq(), problem));
    }
}
