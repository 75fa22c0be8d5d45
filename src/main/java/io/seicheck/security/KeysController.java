package io.seicheck.security;

import io.seicheck.api.KeysApi;
import io.seicheck.api.model.ApiKeyInfo;
import io.seicheck.api.model.CreatedKey;
import io.seicheck.api.model.KeyRequest;
import io.seicheck.web.InputError;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.ProblemException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Key management, for admins (the URL rule in {@link SecurityConfiguration} already demands ADMIN). */
@RestController
class KeysController implements KeysApi {

    private final ApiKeys keys;

    KeysController(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public ResponseEntity<CreatedKey> createKey(KeyRequest request) {
        requireAdmin();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        request.getRoles().forEach(r -> roles.add(Role.valueOf(r.getValue())));
        Set<String> scope = new LinkedHashSet<>(request.getScope() == null ? List.of() : request.getScope());
        if (!scope.isEmpty() && !roles.contains(Role.AUDITOR)) {
            throw new InvalidInputException(List.of(new InputError("/scope", "only an AUDITOR key has a scope")));
        }
        if (roles.contains(Role.AUDITOR) && scope.isEmpty()) {
            throw new InvalidInputException(List.of(new InputError("/scope",
                    "an AUDITOR key needs the tenants it may read, or * for all")));
        }
        if (roles.contains(Role.ADMIN) && roles.size() > 1) {
            throw new InvalidInputException(List.of(new InputError("/roles", "an ADMIN key has no other role")));
        }
        // Admin keys share one reserved tenant, so that their own assessments never land in a customer's log.
        String tenant = roles.contains(Role.ADMIN) ? Caller.ADMIN_TENANT : request.getTenant();
        ApiKeys.Created created = keys.create(tenant, roles, scope, request.getName(),
                request.getRateLimit(), Callers.current().keyId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(created.key(), info(created.info())));
    }

    @Override
    public ResponseEntity<List<ApiKeyInfo>> listKeys() {
        requireAdmin();
        return ResponseEntity.ok(keys.list().stream().map(KeysController::info).toList());
    }

    @Override
    public ResponseEntity<Void> revokeKey(String keyId) {
        requireAdmin();
        if (!keys.revoke(keyId)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "No live key " + keyId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    /** A second line behind the URL rule of {@link SecurityConfiguration}. */
    private static void requireAdmin() {
        if (!Callers.current().isAdmin()) {
            throw Callers.forbidden("managing keys");
        }
    }

    private static ApiKeyInfo info(ApiKeys.KeyInfo k) {
        ApiKeyInfo info = new ApiKeyInfo(k.keyId(), k.tenant(),
                k.roles().stream().map(r -> io.seicheck.api.model.Role.fromValue(r.name())).toList(),
                List.copyOf(k.scope()), k.name(), k.createdAt());
        info.setRateLimit(k.rateLimit());
        info.setCreatedBy(k.createdBy());
        info.setRevokedAt(k.revokedAt());
        return info;
    }
}
