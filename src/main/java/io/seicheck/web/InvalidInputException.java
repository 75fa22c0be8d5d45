package io.seicheck.web;

import java.util.List;

/** The request is well-formed JSON but breaks the contract's rules; answered 400 with every error. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(errors.size() + " input error(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
