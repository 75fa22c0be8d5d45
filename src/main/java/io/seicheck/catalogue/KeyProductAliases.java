package io.seicheck.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The names under which a key product can be found. The catalogue writes many key products as descriptions:
 * "新能源汽车用充电桩，包括配电、监控、充电等设备", "聚对苯二甲酸丁二醇酯（PBT）树脂", "电动汽车充电桩及其
 * 零部件制造". Applicants write the product: "新能源汽车充电桩", "PBT树脂", "电动汽车充电桩". So a key product
 * is also found as: its text without brackets; its text up to the first clause break; a Latin abbreviation in
 * brackets with the words after it (alone only if it has four letters or more: "PET" is a scanner and a
 * polyester); a fuller name in brackets that ends like the word before it ("DP钢（双相钢）" → 双相钢); and each of
 * these with suffixes, listed tails and extensions taken off one by one ("锂离子电池单体、模块及系统" →
 * 锂离子电池单体模块 → 锂离子电池单体 → 锂离子电池).
 */
final class KeyProductAliases {

    /** A derived name shorter than this says too little to stand for the key product. */
    private static final int MIN_STRIPPED_LENGTH = 3;
    /** A Latin abbreviation shorter than this is too ambiguous to stand alone. */
    private static final int MIN_LONE_ABBREVIATION = 4;
    private static final Pattern LATIN_ABBREVIATION = Pattern.compile("[a-z0-9][a-z0-9\\-]*[a-z0-9]");
    private static final String CLAUSE_BREAKS = ",，;；:：";

    private final UnaryOperator<String> canonical;
    private final List<String> tails;
    private final List<String> suffixes;
    private final List<String> extensions;
    private final List<String> coordinators;

    /**
     * @param canonical    writes a text in the matcher's canonical form
     * @param tails        words taken off after a coordinator or in a list, in canonical form
     * @param suffixes     words taken off anywhere, in canonical form
     * @param extensions   words that, after a coordinator, extend a product to its parts, in canonical form
     * @param coordinators words that join products, in canonical form
     */
    KeyProductAliases(UnaryOperator<String> canonical, List<String> tails, List<String> suffixes,
            List<String> extensions, List<String> coordinators) {
        this.canonical = canonical;
        this.tails = longestFirst(tails);
        this.suffixes = longestFirst(suffixes);
        this.extensions = longestFirst(extensions);
        this.coordinators = longestFirst(coordinators);
    }

    Set<String> of(String keyProduct) {
        String raw = ProductNames.nfkc(keyProduct).strip();
        List<String> forms = new ArrayList<>(4);
        String plain = ProductNames.withoutBracketGroups(raw);
        forms.add(plain);
        forms.add(upToClauseBreak(plain));
        forms.addAll(namesInBrackets(raw));
        Set<String> aliases = new LinkedHashSet<>();
        for (String form : forms) {
            String name = canonical.apply(form).strip();
            if (name.isEmpty()) {
                continue;
            }
            aliases.add(name);
            boolean inList = false;
            while (true) {
                Stripped shorter = strip(name, inList);
                if (shorter == null || shorter.name().length() < MIN_STRIPPED_LENGTH) {
                    break;
                }
                name = shorter.name();
                inList = inList || shorter.coordinated();
                aliases.add(name);
            }
        }
        return aliases;
    }

    private record Stripped(String name, boolean coordinated) {
    }

    /**
     * The name without its last suffix; or without a tail or an extension that follows a coordinator ("X及系统",
     * "X及其零部件"), or a tail while taking a list apart; null if none of these ends it. "粉煤灰制品" and
     * "智能家居系统" stay whole.
     */
    private Stripped strip(String name, boolean inList) {
        for (String suffix : suffixes) {
            if (endsWithWord(name, suffix)) {
                String rest = cut(name, suffix);
                String beforeCoordinator = withoutTrailingCoordinator(rest);
                return beforeCoordinator == null ? new Stripped(rest, false) : new Stripped(beforeCoordinator, true);
            }
        }
        for (List<String> words : List.of(tails, extensions)) {
            for (String word : words) {
                if (endsWithWord(name, word)) {
                    String rest = cut(name, word);
                    String beforeCoordinator = withoutTrailingCoordinator(rest);
                    if (beforeCoordinator != null) {
                        return new Stripped(beforeCoordinator, true);
                    }
                    if (inList && words == tails) {
                        return new Stripped(rest, false);
                    }
                }
            }
        }
        return null;
    }

    private static boolean endsWithWord(String name, String word) {
        return name.endsWith(word) && name.length() > word.length()
                && ProductNames.wholeWord(name, name.length() - word.length(), name.length());
    }

    private static String cut(String name, String word) {
        return name.substring(0, name.length() - word.length()).strip();
    }

    private String withoutTrailingCoordinator(String s) {
        for (String coordinator : coordinators) {
            if (endsWithWord(s, coordinator)) {
                return cut(s, coordinator);
            }
        }
        return null;
    }

    private static List<String> longestFirst(List<String> words) {
        return words.stream().filter(s -> !s.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    private static String upToClauseBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CLAUSE_BREAKS.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** "聚对苯二甲酸丁二醇酯（PBT）树脂" → PBT树脂; "聚偏氟乙烯（PVDF）" → PVDF; "DP钢(双相钢)" → 双相钢. */
    private static List<String> namesInBrackets(String raw) {
        List<String> names = new ArrayList<>(1);
        for (ProductNames.BracketGroup group : ProductNames.bracketGroups(raw)) {
            String inside = group.inside().strip();
            String before = ProductNames.withoutBracketGroups(raw.substring(0, group.open())).strip();
            String after = upToClauseBreak(ProductNames.withoutBracketGroups(raw.substring(group.close() + 1))).strip();
            if (LATIN_ABBREVIATION.matcher(inside).matches() && inside.chars().anyMatch(Character::isLetter)
                    && (!after.isEmpty() || inside.length() >= MIN_LONE_ABBREVIATION)) {
                names.add(inside + after);
            } else if (inside.length() >= MIN_STRIPPED_LENGTH && !before.isEmpty() && isHan(inside)
                    && inside.charAt(inside.length() - 1) == before.charAt(before.length() - 1)) {
                names.add(inside + after);
            }
        }
        return names;
    }

    private static boolean isHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
