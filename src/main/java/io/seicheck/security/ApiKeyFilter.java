package io.seicheck.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.seicheck.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code X-API-Key}, establishes the {@link Caller}, and holds each key to its rate (a token bucket per
 * key: one key's burst never slows another tenant). A key that is not a live key is a 401 at once; a request
 * without a key goes on unauthenticated, and the rules of {@link SecurityConfiguration} decide.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final JsonMapper json;
    private final int defaultPerMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Failed key checks per client address: guessing keys, or flooding the key store, is slowed down. */
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();
    static final int FAILURES_PER_MINUTE = 120;

    ApiKeyFilter(ApiKeys keys, JsonMapper json, int defaultPerMinute) {
        this.keys = keys;
        this.json = json;
        this.defaultPerMinute = defaultPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket failed = failures.get(request.getRemoteAddr());
        if (failed != null && failed.getAvailableTokens() <= 0) {
            response.setHeader("Retry-After", "60");
            ProblemResponses.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "Too many requests with keys that are not live keys; retry in a minute.");
            return;
        }
        Caller caller;
        try {
            caller = keys.authenticate(presented.strip()).orElse(null);
        } catch (KeyStoreUnavailableException e) {
            response.setHeader("Retry-After", "5");
            ProblemResponses.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "The key store cannot be reached; retry later.");
            return;
        }
        if (caller == null) {
            if (failures.size() > 10_000) {
                failures.clear();
            }
            failures.computeIfAbsent(request.getRemoteAddr(), a -> Bucket.builder().addLimit(Bandwidth.builder()
                    .capacity(FAILURES_PER_MINUTE).refillGreedy(FAILURES_PER_MINUTE, Duration.ofMinutes(1)).build())
                    .build()).tryConsume(1);
            ProblemResponses.write(request, response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The X-API-Key is not a live key.");
            return;
        }
        ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                    + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "Key " + caller.keyId() + " may make " + perMinute(caller)
                            + " requests a minute; retry in " + seconds + " s.");
            return;
        }
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Bucket bucket(Caller caller) {
        return buckets.computeIfAbsent(caller.keyId() + "/" + perMinute(caller), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute(caller)).refillGreedy(perMinute(caller), Duration.ofMinutes(1))
                        .build())
                .build());
    }

    private int perMinute(Caller caller) {
        return caller.rateLimit() != null ? caller.rateLimit() : defaultPerMinute;
    }
}
