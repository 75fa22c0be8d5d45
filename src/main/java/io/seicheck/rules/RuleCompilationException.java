package io.seicheck.rules;

/** A rule set that does not load; the message names the file and line of every error. */
public class RuleCompilationException extends RuntimeException {

    public RuleCompilationException(String message) {
        super(message);
    }

    public RuleCompilationException(String message, Throwable cause) {
        super(message, cause);
    }
}
