package io.seicheck.security;

import io.seicheck.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as the API-key filter established it. */
public final class Callers {

    private Callers() {
    }

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller) {
            return (Caller) auth.getPrincipal();
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Send your API key in the X-API-Key header.");
    }

    /** A 403 naming what the caller's roles do not allow. */
    public static ProblemException forbidden(String what) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your key's roles do not allow " + what + ".");
    }
}
