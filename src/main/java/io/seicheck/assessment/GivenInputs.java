package io.seicheck.assessment;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Which input fields a request gave, by JSON Pointer, so that "what is missing" names only fields that are not
 * there: a criterion that needs two fields and lacks one (R&D staff without headcount, say) asks for that one.
 * A field counts as given when it is present, not null, and not an empty list or object. When every field a
 * criterion names is given and it still cannot be decided (one fiscal year where it needs three), all of them
 * stay named: more is needed there.
 */
final class GivenInputs {

    private final JsonNode request;

    /** {@code request}: the request as a tree, as the canonical form reads it. */
    GivenInputs(JsonNode request) {
        this.request = request;
    }

    /** {@code pointers} less those the request gave, in their order; all of them if it gave every one. */
    List<String> absent(List<String> pointers) {
        List<String> absent = pointers.stream().filter(p -> !given(p)).toList();
        return absent.isEmpty() ? pointers : absent;
    }

    private boolean given(String pointer) {
        JsonNode node = request.at(pointer);
        return !node.isMissingNode() && !node.isNull() && !(node.isContainer() && node.isEmpty());
    }
}
