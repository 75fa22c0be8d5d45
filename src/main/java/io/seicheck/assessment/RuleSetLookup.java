package io.seicheck.assessment;

import io.seicheck.decisionlog.RuleSetArchive;
import io.seicheck.rules.RuleSet;
import io.seicheck.rules.RuleCompilationException;
import io.seicheck.rules.RuleSetCompiler;
import io.seicheck.rules.RuleSetRegistry;
import io.seicheck.web.ProblemException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * Finds a rule set by hash or id for a replay: one loaded now, or else one from the archive, compiled the first
 * time it is needed and kept.
 */
final class RuleSetLookup {

    private final RuleSetRegistry registry;
    private final RuleSetArchive archive;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Map<String, RuleSet> compiledFromArchive = new ConcurrentHashMap<>();

    RuleSetLookup(RuleSetRegistry registry, RuleSetArchive archive) {
        this.registry = registry;
        this.archive = archive;
    }

    Optional<RuleSet> byHash(String hash) {
        Optional<RuleSet> loaded = registry.all().stream().filter(r -> r.hash().equals(hash)).findFirst();
        if (loaded.isPresent()) {
            return loaded;
        }
        RuleSet cached = compiledFromArchive.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            return archive.find(hash)
                    .map(a -> compiledFromArchive.computeIfAbsent(hash, h -> compiler.compile(a.id(), a.files())));
        } catch (IllegalStateException | RuleCompilationException e) {
            // The archive no longer hashes to its key, or no longer compiles here: say so, do not guess.
            throw new ProblemException(HttpStatus.CONFLICT, "rule-set-not-replayable", "Rule set not replayable",
                    "Archived rule set " + hash + " cannot be used: " + e.getMessage());
        }
    }

    /** A rule set named by the caller: a full hash (loaded or archived) or the id of one loaded now. */
    RuleSet resolve(String idOrHash) {
        Optional<RuleSet> found = idOrHash.matches("[0-9a-f]{64}") ? byHash(idOrHash) : registry.byId(idOrHash);
        return found.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No rule set " + idOrHash + " is loaded or archived; give a loaded id or an archived SHA-256 hash."));
    }
}
