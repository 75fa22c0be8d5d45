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
import java.util.stream.Collectors;

/**
 * The messages of one rule set ({@code messages/messages_<lang>.properties}), keyed by rule id, outcome and
 * optional variant. Rules carry no prose: only these files do.
 */
public final class FindingMessages {

    private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);

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

    public String message(Finding finding, Language language) {
        String template = template(language, finding.ruleId(), finding.outcome().name(), finding.meta().variant())
                .orElse(finding.ruleId() + " " + finding.outcome());
        String unit = finding.meta().unit();
        String missing = String.join(", ", finding.meta().missing());
        return new MessageFormat(template, Locale.ROOT).format(new Object[] {
                format(finding.observed(), unit, language), format(finding.threshold(), unit, language), missing});
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
