package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.Pointers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an assessment request outside a web request (bulk rows, the {@code assess} command) as the API reads a
 * body: the strict mapper, then the contract's bean validation; what is wrong comes back by JSON Pointer.
 */
public final class RequestReader {

    private final JsonMapper json;
    private final Validator validator;

    public RequestReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The request in {@code text}; a reading error is an {@link InvalidInputException} naming its place. */
    public AssessmentRequest read(String text) {
        try {
            return json.readValue(text, AssessmentRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(Pointers.error(e)));
        }
    }

    /** The request in {@code tree}, read by the same rules. */
    public AssessmentRequest read(JsonNode tree) {
        try {
            return json.treeToValue(tree, AssessmentRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(Pointers.error(e)));
        }
    }

    /** What the contract's constraints find wrong with {@code request}, by JSON Pointer; empty if nothing. */
    public List<InputError> violations(AssessmentRequest request) {
        List<InputError> errors = new ArrayList<>();
        for (ConstraintViolation<AssessmentRequest> v : validator.validate(request)) {
            errors.add(new InputError(Pointers.fromPropertyPath(v.getPropertyPath().toString()), v.getMessage()));
        }
        return errors;
    }
}
