package io.seicheck.catalogue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a product name matched. Matching a name is a pure function of the catalogue (which never changes
 * once loaded) and the name, and applicants and bulk files repeat names, so each is read once. Bounded: when full it
 * starts again, so memory stays flat whatever the input.
 */
final class Memo<T> {

    static final int MAX_NAMES = 20_000;

    private final Map<String, List<T>> remembered = new ConcurrentHashMap<>();
    private final Function<String, List<T>> match;

    Memo(Function<String, List<T>> match) {
        this.match = match;
    }

    List<T> get(String name) {
        List<T> found = remembered.get(name);
        if (found == null) {
            found = List.copyOf(match.apply(name));
            if (remembered.size() >= MAX_NAMES) {
                remembered.clear();
            }
            remembered.put(name, found);
        }
        return found;
    }
}
