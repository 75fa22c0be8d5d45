package io.seicheck.decisionlog;

/** The log could not commit a decision within its bound: the decision must not be returned. */
public final class LogUnavailableException extends RuntimeException {

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
