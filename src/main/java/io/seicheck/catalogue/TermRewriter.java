package io.seicheck.catalogue;

import java.util.Map;

/**
 * Replaces terms in a text, left to right, the longest term first: synonyms by their canonical word, English
 * names by the key product they stand for, filler words by nothing. A term that begins or ends with a Latin
 * letter or digit is replaced only as a whole word ("ev" not inside "device").
 */
final class TermRewriter {

    private final CharTrie<String> terms = new CharTrie<>();
    private final boolean empty;

    /** Terms and their replacements, both written as {@link ProductNames#words} writes them. */
    TermRewriter(Map<String, String> replacements) {
        replacements.forEach((term, replacement) -> {
            if (!term.isEmpty()) {
                terms.put(term, replacement);
            }
        });
        this.empty = replacements.isEmpty();
    }

    String rewrite(String text) {
        if (empty) {
            return text;
        }
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = -1;
            String replacement = null;
            CharTrie.Node<String> node = terms.root();
            for (int j = i; j < n; j++) {
                node = node.child(text.charAt(j));
                if (node == null) {
                    break;
                }
                if (!node.values().isEmpty() && ProductNames.wholeWord(text, i, j + 1)) {
                    end = j + 1;
                    replacement = node.values().get(0);
                }
            }
            if (replacement == null) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16).append(text, 0, i);
            }
            out.append(replacement);
            i = end;
        }
        return out == null ? text : out.toString();
    }
}
