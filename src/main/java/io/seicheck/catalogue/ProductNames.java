package io.seicheck.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises product names for matching: full-width to half-width (NFKC), no spaces, lower case, without a
 * trailing standard reference in brackets such as "（HJ 2519-2012）".
 */
public final class ProductNames {

    private ProductNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff') {
                out.append(c);
            }
        }
        String compact = out.toString();
        int open = compact.lastIndexOf('(');
        if (open > 0 && compact.endsWith(")")) {
            compact = compact.substring(0, open);
        }
        return compact;
    }
}
