package io.seicheck.security;

/** The keys cannot be read (the database is down): the caller gets a 503, not a 401 and not a 500. */
public final class KeyStoreUnavailableException extends RuntimeException {

    public KeyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
