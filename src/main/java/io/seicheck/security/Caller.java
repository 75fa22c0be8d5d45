package io.seicheck.security;

import java.util.Set;

/**
 * Who is calling, as its API key says: the key, its tenant, its roles, and (for an auditor) the tenants it may
 * read, {@code *} for all. Clients never choose any of this in a request body.
 */
public record Caller(String keyId, String tenant, Set<Role> roles, Set<String> scope, Integer rateLimit) {

    public static final String ALL_TENANTS = "*";

    /** The tenant of every admin key: outside the tenant pattern, so no firm's or bank's key can share it. */
    public static final String ADMIN_TENANT = "_admin";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Firms, banks and admins make assessments; auditors only read. */
    public boolean mayAssess() {
        return has(Role.FIRM) || has(Role.BANK) || isAdmin();
    }

    /** Whether this caller may see a decision made for {@code decisionTenant}. */
    public boolean mayRead(String decisionTenant) {
        if (isAdmin() || tenant.equals(decisionTenant) && (has(Role.FIRM) || has(Role.BANK))) {
            return true;
        }
        return has(Role.AUDITOR) && (scope.contains(ALL_TENANTS) || scope.contains(decisionTenant));
    }

    /** The tenants whose decisions this caller may list; null for all of them. */
    public Set<String> readableTenants() {
        if (isAdmin() || has(Role.AUDITOR) && scope.contains(ALL_TENANTS)) {
            return null;
        }
        java.util.Set<String> tenants = new java.util.TreeSet<>();
        if (has(Role.FIRM) || has(Role.BANK)) {
            tenants.add(tenant);
        }
        if (has(Role.AUDITOR)) {
            tenants.addAll(scope);
        }
        return tenants;
    }

    /** Auditors and admins verify the log and take checkpoints. */
    public boolean mayAudit() {
        return isAdmin() || has(Role.AUDITOR);
    }

    /** The whole log, every tenant's requests in it: admins and auditors of all tenants only. */
    public boolean mayExportLog() {
        return isAdmin() || has(Role.AUDITOR) && scope.contains(ALL_TENANTS);
    }
}
