package io.seicheck.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes product names in one form for matching: full-width to half-width (NFKC), lower case, no spaces or
 * punctuation, and English words kept apart by one space and singular ("Lithium-ion Batteries" reads
 * "lithium ion battery"). Brackets are handled separately ({@link #withoutBracketGroups}).
 */
public final class ProductNames {

    private static final String OPEN = "(（[【〔｛{<《〈";
    private static final String CLOSE = ")）]】〕｝}>》〉";
    /** Separators between the items of a list ("工业机器人、数控机床；伺服电机"). */
    private static final String ITEM_SEPARATORS = "、,，;；/\n";

    private ProductNames() {
    }

    /**
     * The compact form: {@link #words} without the spaces, and without a trailing bracket group such as a
     * standard reference "（HJ 2519-2012）".
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = nfkc(name).strip();
        int open = s.lastIndexOf('(');
        if (open > 0 && s.endsWith(")")) {
            s = s.substring(0, open);
        }
        return compact(words(s));
    }

    /** NFKC and lower case: full-width letters, digits, brackets and spaces become their ASCII forms. */
    static String nfkc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The text with spaces and punctuation dropped, except one space between two Latin letters or digits,
     * and English words in the singular. Expects {@link #nfkc} text.
     */
    static String words(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || isKept(c)) {
                if (pendingSpace && out.length() > 0 && isAsciiAlnum(out.charAt(out.length() - 1)) && isAsciiAlnum(c)) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return singular(out);
    }

    /** Drops the spaces that {@link #words} keeps between English words. */
    static String compact(String words) {
        return words.indexOf(' ') < 0 ? words : words.replace(" ", "");
    }

    /** The text with every bracketed part removed; an unclosed bracket removes the rest. */
    static String withoutBracketGroups(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An outermost pair of brackets: where it opens and closes, and the text inside. */
    record BracketGroup(int open, int close, String inside) {
    }

    /** The outermost bracket groups of a text, in order; an unclosed bracket makes none. */
    static List<BracketGroup> bracketGroups(String s) {
        List<BracketGroup> groups = new ArrayList<>(1);
        int depth = 0;
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0 && --depth == 0) {
                groups.add(new BracketGroup(open, i, s.substring(open + 1, i)));
            }
        }
        return groups;
    }

    static boolean hasBrackets(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (OPEN.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The items of a list written in one string; the string itself if it holds one item. */
    static List<String> items(String s) {
        List<String> items = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || ITEM_SEPARATORS.indexOf(s.charAt(i)) >= 0) {
                if (i > start) {
                    items.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        return items;
    }

    /** True unless the span [start, end) cuts a Latin word or number in two. */
    static boolean wholeWord(String text, int start, int end) {
        boolean startOk = start == 0 || !isAsciiAlnum(text.charAt(start)) || !isAsciiAlnum(text.charAt(start - 1));
        boolean endOk = end == text.length() || !isAsciiAlnum(text.charAt(end - 1)) || !isAsciiAlnum(text.charAt(end));
        return startOk && endOk;
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** Characters that carry meaning in product names and stay: "%" in purities, "+" in "C++". */
    private static boolean isKept(char c) {
        return c == '%' || c == '+';
    }

    /** English plurals to the singular, the same way on both sides: batteries → battery, motors → motor. */
    private static String singular(StringBuilder s) {
        if (s.indexOf("s") < 0) {
            return s.toString();
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int wordStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                continue;
            }
            out.append(singularWord(s.substring(wordStart, i)));
            if (i < n) {
                out.append(s.charAt(i));
            }
            wordStart = i + 1;
        }
        return out.toString();
    }

    private static String singularWord(String word) {
        int len = word.length();
        if (len < 4 || word.charAt(len - 1) != 's' || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")
                || word.endsWith("aas") || word.endsWith("os")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, len - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, len - 2);
        }
        return word.substring(0, len - 1);
    }
}
