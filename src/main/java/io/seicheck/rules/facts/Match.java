package io.seicheck.rules.facts;

import java.util.Collection;
import java.util.List;

/**
 * A way in which the profile belongs to a strategic emerging industry. {@code basis} is WHOLE_CLASS, KEY_PRODUCT or
 * NAMED_IN_PLAN; for NAMED_IN_PLAN, {@code keyProduct} is the plan's item and {@code path} where the plan names it.
 */
public record Match(
        String area,
        int category,
        String path,
        String industryCode,
        String product,
        String keyProduct,
        String basis) {

    /** The bases in the order they decide membership: the classification's, by class then by product, then the plan's. */
    private static final List<String> ORDER = List.of("WHOLE_CLASS", "KEY_PRODUCT", "NAMED_IN_PLAN");

    /** The basis that decides membership among {@code matches}: the first of {@link #ORDER} that one of them has. */
    public static String decidingBasis(Collection<?> matches) {
        for (String basis : ORDER) {
            if (matches.stream().anyMatch(m -> m instanceof Match match && basis.equals(match.basis()))) {
                return basis;
            }
        }
        return null;
    }
}
