package io.seicheck.assessment;

import java.util.Locale;

/** The languages answers come in: Chinese by default, English when the caller prefers it. */
public enum Language {
    ZH, EN;

    /** Picks from an {@code Accept-Language} header; anything unreadable or unsupported gives Chinese. */
    public static Language fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh") || tag.equals("*")) {
                    return ZH;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ZH;
        }
        return ZH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
