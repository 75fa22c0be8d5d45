package io.seicheck.rules.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata every criterion rule carries in its DRL ({@code @id}, {@code @doc}, {@code @article},
 * {@code @verified}, and optionally {@code @kind}, {@code @affects}, {@code @flag}, {@code @missing},
 * {@code @unit}, {@code @variant}).
 *
 * @param kind    MEMBERSHIP or EXCLUSION when the finding takes part in the verdict itself; UNDECIDABLE when no input
 *                can decide it (a list not in hand), so the channels it gates are UNKNOWN; else CRITERION
 * @param affects qualification and channel codes that this criterion gates, as written ({@code channel:CODE} for a
 *                channel whose code a qualification shares, where the finding gates the channel only)
 * @param gates   the same, read once: each code without its prefix, and whether it gates only a channel
 * @param flag    response flag raised by this finding, if any
 * @param missing JSON Pointers of the input fields that would decide an UNKNOWN
 * @param unit    how observed value and threshold are shown: percent, cny, years, count, score, yesno, text
 * @param variant which of several rules of one criterion and outcome fired, for its own message
 * @param lever   on a FAIL rule: how the profile could change to pass ({@code @lever}), or null
 */
public record RuleMeta(
        String id,
        Citation citation,
        String kind,
        List<String> affects,
        List<Gate> gates,
        String flag,
        List<String> missing,
        String unit,
        String variant,
        Lever lever) {

    /** Key under which the compiler attaches each rule's parsed metadata, so consequences never parse it. */
    public static final String PARSED = "seicheck.parsedMeta";

    /** In {@code @affects}: the code that follows is a channel's only, where a qualification has the same code. */
    public static final String CHANNEL_PREFIX = "channel:";

    /** The metadata of a firing rule: attached at compile time, parsed here only for rules built elsewhere. */
    public static RuleMeta of(Rule rule) {
        Object parsed = rule.getMetaData().get(PARSED);
        return parsed instanceof RuleMeta meta ? meta : from(rule.getName(), rule.getMetaData());
    }

    /**
     * One code of {@code @affects}: a qualification's or a channel's ({@code channelOnly} false: whichever has the
     * code, both where both have it), or only a channel's ({@code channelOnly} true, written {@code channel:CODE}).
     */
    public record Gate(String code, boolean channelOnly) {

        static Gate parse(String written) {
            return written.startsWith(CHANNEL_PREFIX) ? new Gate(written.substring(CHANNEL_PREFIX.length()), true)
                    : new Gate(written, false);
        }
    }

    /** The qualification and channel codes this criterion gates, without the {@code channel:} prefix. */
    public List<String> codes() {
        return gates.stream().map(Gate::code).distinct().toList();
    }

    /** Parses a rule's metadata; a rule without its id or a full citation is refused. */
    public static RuleMeta from(String ruleName, Map<String, Object> meta) {
        String id = required(ruleName, meta, "id");
        Object verified = meta.get("verified");
        if (!(verified instanceof Boolean) && !"true".equals(verified) && !"false".equals(verified)) {
            throw new IllegalStateException("Rule '" + ruleName + "' must say @verified(true) or @verified(false)");
        }
        Citation citation = new Citation(required(ruleName, meta, "doc"), required(ruleName, meta, "article"),
                Boolean.parseBoolean(String.valueOf(verified)));
        List<String> affects = list(meta, "affects");
        return new RuleMeta(id, citation, orDefault(text(meta, "kind"), "CRITERION"), affects,
                affects.stream().map(Gate::parse).toList(), text(meta, "flag"), list(meta, "missing"),
                orDefault(text(meta, "unit"), "text"), text(meta, "variant"),
                text(meta, "lever") == null ? null : Lever.parse(ruleName, text(meta, "lever")));
    }

    private static String required(String ruleName, Map<String, Object> meta, String key) {
        String value = text(meta, key);
        if (value == null) {
            throw new IllegalStateException("Rule '" + ruleName + "' has no @" + key);
        }
        return value;
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).trim();
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(Map<String, Object> meta, String key) {
        String value = text(meta, key);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
