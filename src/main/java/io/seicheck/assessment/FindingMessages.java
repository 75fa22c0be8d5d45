package io.seicheck.assessment;

import io.seicheck.rules.RuleSetFiles;
import io.seicheck.rules.facts.Finding;
import io.seicheck.rules.facts.Match;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The messages of one rule set ({@code messages/messages_<lang>.properties}), keyed by rule id, outcome and
 * optional variant. Rules carry no prose: only these files do.
 */
public final class FindingMessages {

    private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);
    /**
     * Each template parsed once (parsing was a fifth of rendering an answer): the bundles' own, and the fallbacks
     * built from rule ids and verdicts, so as many as the rule set has.
     */
    private final Map<String, MessageFormat> parsed = new ConcurrentHashMap<>();

    public FindingMessages(String ruleSetId, RuleSetFiles files) {
        for (Language language : Language.values()) {
            String path = "messages/messages_" + language.code() + ".properties";
            String text = files.text(path).orElseThrow(
                    () -> new IllegalStateException("Rule set " + ruleSetId + " has no " + path));
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, properties);
        }
    }

    /**
     * Refuses a rule set whose rules declare levers but whose messages lack the words to say a suggestion, in
     * either language: better at load than as an error in the middle of an answer.
     */
    public void requireSuggestionWords(String ruleSetId, java.util.List<io.seicheck.rules.RuleInfo> rules) {
        java.util.List<String> needed = new java.util.ArrayList<>(java.util.List.of("suggestion.combined",
                "suggestion.opens", "suggestion.opensNothing", "suggestion.sideEffects", "suggestion.movedWith",
                "suggestion.set", "suggestion.wait"));
        boolean anyLever = false;
        for (io.seicheck.rules.RuleInfo rule : rules) {
            io.seicheck.rules.facts.Lever lever = rule.meta().lever();
            if (lever != null) {
                anyLever = true;
                if (lever.action() == io.seicheck.rules.facts.Lever.Action.INCREASE) {
                    needed.add("suggestion." + lever.unit());
                }
            }
        }
        if (!anyLever) {
            return;
        }
        for (Map.Entry<Language, Properties> bundle : bundles.entrySet()) {
            java.util.List<String> missing = needed.stream().filter(k -> bundle.getValue().getProperty(k) == null).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Rule set " + ruleSetId + " declares levers but messages_"
                        + bundle.getKey().code() + " lacks " + missing);
            }
        }
    }

    /** The message template for a finding: variant-specific if there is one, else by rule id and outcome. */
    public Optional<String> template(Language language, String ruleId, String outcome, String variant) {
        Properties bundle = bundles.get(language);
        if (variant != null) {
            String specific = bundle.getProperty(ruleId + "." + outcome + "." + variant);
            if (specific != null) {
                return Optional.of(specific);
            }
        }
        return Optional.ofNullable(bundle.getProperty(ruleId + "." + outcome));
    }

    /**
     * {@code template} with {@code arguments} filled in. A {@code MessageFormat} is not safe to share between
     * threads, so each use formats with a copy of the parsed one.
     */
    String fill(String template, Object... arguments) {
        MessageFormat format = parsed.computeIfAbsent(template, t -> new MessageFormat(t, Locale.ROOT));
        return ((MessageFormat) format.clone()).format(arguments);
    }

    public String message(Finding finding, Language language) {
        return message(finding, language, finding.meta().missing());
    }

    /** The finding's sentence, naming {@code missing} as the fields it needs (those a request did not give). */
    String message(Finding finding, Language language, java.util.List<String> missing) {
        String template = template(language, finding.ruleId(), finding.outcome().name(), finding.meta().variant())
                .orElse(finding.ruleId() + " " + finding.outcome());
        String unit = finding.meta().unit();
        String needed = String.join(", ", missing);
        Properties bundle = bundles.get(language);
        String context = finding.context() == null ? "" : bundle.getProperty("context." + finding.context(), finding.context());
        return fill(template, format(finding.observed(), unit, language),
                format(finding.threshold(), unit, language), needed, context);
    }

    /**
     * A finding's message as a finding shows it: a failure or a warning ends with the clause it applies, so
     * that it reads on its own ("… needs at least 4% (国科发火〔2016〕32号 Art. 11(5))").
     */
    public String explained(Finding finding, Language language) {
        return explained(finding, message(finding, language), language);
    }

    /** As {@link #explained(Finding, Language)}, from the finding's message already formatted. */
    String explained(Finding finding, String message, Language language) {
        if (finding.outcome() != io.seicheck.rules.facts.Outcome.FAIL
                && finding.outcome() != io.seicheck.rules.facts.Outcome.WARN) {
            return message;
        }
        String cite = finding.citation().document() + " " + finding.citation().article();
        String trimmed = withoutStop(message);
        return language == Language.ZH ? trimmed + "（" + cite + "）。" : trimmed + " (" + cite + ").";
    }

    /** A suggestion as a sentence: the change, what it turns into a pass, what it opens, what it costs. */
    String suggestion(Suggestion s, Language language) {
        Properties bundle = bundles.get(language);
        String sep = language == Language.ZH ? "；" : "; ";
        String changes = s.changes().stream().map(c -> withoutStop(change(c, bundle, language)))
                .map(part -> s.combined() && language == Language.EN ? lowerFirst(part) : part)
                .collect(Collectors.joining(sep));
        StringBuilder text = new StringBuilder(s.combined()
                ? fill(bundle.getProperty("suggestion.combined"), changes)
                : changes + (language == Language.ZH ? "。" : "."));
        text.append(language == Language.ZH ? "" : " ");
        if (s.opens().isEmpty()) {
            text.append(bundle.getProperty("suggestion.opensNothing"));
        } else {
            String opens = s.opens().stream().map(o -> language == Language.ZH
                    ? o.code() + "（" + status(o.from(), bundle) + "→" + status(o.to(), bundle) + "）"
                    : o.code() + " (" + status(o.from(), bundle) + " → " + status(o.to(), bundle) + ")")
                    .collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
            text.append(fill(bundle.getProperty("suggestion.opens"), opens));
        }
        if (!s.sideEffects().isEmpty()) {
            text.append(language == Language.ZH ? "" : " ").append(fill(
                    bundle.getProperty("suggestion.sideEffects"),
                    String.join(language == Language.ZH ? "、" : ", ", s.sideEffects())));
        }
        return text.toString();
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String withoutStop(String sentence) {
        return sentence.endsWith(".") || sentence.endsWith("。") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private String change(Suggestion.FieldChange c, Properties bundle, Language language) {
        String field = label(c.pointer(), bundle);
        String template = bundle.getProperty("suggestion." + c.unit(), bundle.getProperty("suggestion.set"));
        if ("date".equals(c.unit())) {
            template = bundle.getProperty("suggestion.wait");
        }
        Object delta = c.from() instanceof BigDecimal && c.to() instanceof BigDecimal
                ? ((BigDecimal) c.to()).subtract((BigDecimal) c.from()) : null;
        String with = c.alongWith().isEmpty() ? "" : fill(bundle.getProperty("suggestion.movedWith"),
                c.alongWith().stream().map(a -> label(a.pointer(), bundle))
                        .collect(Collectors.joining(language == Language.ZH ? "、" : ", ")));
        return fill(template, field, show(c.from(), c.unit(), language),
                show(c.to(), c.unit(), language), show(delta, c.unit(), language), c.criterion(), with);
    }

    private static String show(Object value, String unit, Language language) {
        if (value instanceof BigDecimal && "cny".equals(unit)) {
            java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            return language == Language.ZH ? f.format(value) + "元" : f.format(value) + " CNY";
        }
        return format(value, unit, language);
    }

    /** A field's name in a language: {@code field.company.financials.rdExpense} for {@code /company/financials/0/rdExpense}. */
    private static String label(String pointer, Properties bundle) {
        String key = "field" + pointer.replaceAll("/\\d+", "").replace('/', '.');
        return bundle.getProperty(key, pointer);
    }

    private static String status(String code, Properties bundle) {
        return bundle.getProperty("status." + code, code);
    }

    /** A value as shown to people: ratios as percentages, yes/no in the caller's language, lists joined. */
    public static String format(Object value, String unit, Language language) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(i -> format(i, unit, language)).sorted()
                    .collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
        }
        if (value instanceof io.seicheck.rules.facts.Alternatives a) {
            return (a.first() == null ? "—" : format(a.first(), a.firstUnit(), language)) + " / "
                    + (a.second() == null ? "—" : format(a.second(), a.secondUnit(), language));
        }
        if (value instanceof Match m) {
            return m.industryCode() + (m.keyProduct() == null ? "" : " " + m.keyProduct()) + " (" + m.path() + ")";
        }
        if (value instanceof Boolean b) {
            return language == Language.ZH ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (value instanceof BigDecimal d) {
            return switch (unit) {
                case "percent" -> d.movePointRight(2).setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString()
                        + "%";
                default -> d.stripTrailingZeros().toPlainString();
            };
        }
        return String.valueOf(value);
    }
}
