package io.seicheck.assessment;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MessageFormat} of a message bundle's templates, each parsed once: parsing was a fifth of rendering an
 * answer (about 40 sentences). A {@code MessageFormat} is not safe to share between threads, so each use formats
 * with a copy of the parsed one. Templates come from the rule sets' message bundles, a few hundred in all; past
 * {@link #MOST} the rest are parsed each time.
 */
final class MessageTemplates {

    private static final int MOST = 10_000;
    private static final Map<String, MessageFormat> PARSED = new ConcurrentHashMap<>();

    private MessageTemplates() {
    }

    static String format(String template, Object... arguments) {
        MessageFormat parsed = PARSED.get(template);
        if (parsed == null) {
            parsed = new MessageFormat(template, Locale.ROOT);
            if (PARSED.size() < MOST) {
                PARSED.putIfAbsent(template, parsed);
            }
        }
        return ((MessageFormat) parsed.clone()).format(arguments);
    }
}
