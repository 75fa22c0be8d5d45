package io.seicheck.rules;

import io.seicheck.rules.ThresholdSides.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the threshold-sides report of one rule set: what is missing first, then every side and who shows it. */
final class ThresholdSidesReport {

    private ThresholdSidesReport() {
    }

    static Path write(String ruleSetId, ThresholdSides check, List<Requirement> requirements) throws IOException {
        long thresholds = check.rows().stream().filter(r -> r.threshold() != null).count();
        long bounds = check.rows().stream().mapToLong(r -> r.bounds().size()).sum();
        long dates = requirements.stream().filter(r -> r.kind().equals("date")).map(r -> r.source() + r.subject())
                .distinct().count();
        List<Requirement> missing = requirements.stream().filter(r -> !r.met()).toList();
        StringBuilder md = new StringBuilder("# Threshold sides of " + ruleSetId + "\n\n")
                .append(check.scenarios()).append(" scenarios under this rule set; ")
                .append(thresholds).append(" thresholds, ").append(bounds).append(" band bounds, ")
                .append(dates).append(" date boundaries; ").append(requirements.size()).append(" sides, ")
                .append(missing.size()).append(" missing.\n\n")
                .append("A threshold needs a scenario that passes, one that fails on the failing side and one exactly on "
                        + "the line (its outcome there shows whether the rule reads the boundary as inclusive, 以上/以下, "
                        + "or exclusive, 超过/不含). A band bound needs a scenario on the bound and one just past it. A date "
                        + "needs the day before and the day itself (for an expiry: the last day in force and the day it "
                        + "expires). A side counts only where the scenario asserts the finding.\n\n");
        md.append("## Missing\n\n");
        if (missing.isEmpty()) {
            md.append("Nothing.\n\n");
        }
        missing.forEach(r -> md.append("- ").append(escape(r.missing())).append('\n'));
        section(md, "Thresholds", "threshold", requirements);
        section(md, "Band bounds", "bound", requirements);
        section(md, "Date boundaries", "date", requirements);
        Path out = Path.of("target", "rule-coverage", ruleSetId + "-threshold-sides.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        return out;
    }

    private static void section(StringBuilder md, String title, String kind, List<Requirement> requirements) {
        Map<String, Map<String, Requirement>> bySubject = new LinkedHashMap<>();
        requirements.stream().filter(r -> r.kind().equals(kind)).forEach(r -> bySubject
                .computeIfAbsent(r.source() + " | " + escape(r.subject()), k -> new LinkedHashMap<>()).put(r.side(), r));
        md.append("\n## ").append(title).append("\n\n");
        if (bySubject.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| table row or rule | what | side | scenarios that show it (count: the closest) | note |\n")
                .append("|---|---|---|---|---|\n");
        bySubject.forEach((subject, sides) -> sides.values().forEach(r -> md.append("| ").append(subject).append(" | ")
                .append(r.side()).append(" | ")
                .append(r.met() ? r.metBy().size() + ": " + escape(r.metBy().get(0)) : "**missing**")
                .append(" | ").append(escape(r.met() ? r.note() : "")).append(" |\n")));
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
