package io.seicheck.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * API keys, kept in PostgreSQL so that every replica knows them. A key reads {@code sei_<keyId>_<secret>}: the
 * 12-character key id finds the row, and the 256-bit secret is checked against its stored SHA-256 in constant
 * time. The secret is shown once, when the key is made. Checked keys are remembered for
 * {@code sei.security.key-cache} (30 s) so a busy caller does not cost a query per request; a revocation takes
 * effect on this replica at once and on the others within that time.
 */
public final class ApiKeys {

    private static final String PREFIX = "sei_";
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as listed: everything but the secret. */
    public record KeyInfo(String keyId, String tenant, Set<Role> roles, Set<String> scope, String name,
            Integer rateLimit, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt) {
    }

    /** A key just made, with the secret that will not be shown again. */
    public record Created(KeyInfo info, String key) {
    }

    /** A key id looked up: its stored secret hash and caller (or nothing: no such live key), until when. */
    private record Cached(String secretHash, Caller caller, long expiresAt, long generation) {
    }

    /** Real keys are few; unknown ids are capped, so made-up keys cannot grow memory. */
    private static final int MAX_UNKNOWN_CACHED = 10_000;
    private static final int ID_LENGTH = 12;
    private static final java.util.regex.Pattern FORM =
            java.util.regex.Pattern.compile(PREFIX + "[a-z0-9]{" + ID_LENGTH + "}_[A-Za-z0-9_-]{43}");

    private final DataSource dataSource;
    private final long cacheNanos;
    private final Map<String, Cached> byKeyId = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger unknownCached = new java.util.concurrent.atomic.AtomicInteger();

    public ApiKeys(DataSource dataSource, Duration cacheFor) {
        this.dataSource = dataSource;
        this.cacheNanos = cacheFor.toNanos();
    }

    public Created create(String tenant, Set<Role> roles, Set<String> scope, String name, Integer rateLimit,
            String createdBy) {
        Created key = prepare(tenant, roles, scope, name, rateLimit, createdBy);
        try (Connection c = dataSource.getConnection()) {
            return insert(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a new API key: " + e.getMessage(), e);
        }
    }

    /** A new key, not yet stored. */
    Created prepare(String tenant, Set<Role> roles, Set<String> scope, String name, Integer rateLimit, String createdBy) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String keyId = randomId();
        return new Created(new KeyInfo(keyId, tenant, roles, scope, name, rateLimit, null, createdBy, null),
                PREFIX + keyId + "_" + secret);
    }

    /** Stores a prepared key on {@code c} (in its transaction, if one is open). */
    Created insert(Connection c, Created key) throws SQLException {
        KeyInfo k = key.info();
        String secret = secretOf(key.key());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO api_key (key_id, secret_hash, tenant, roles, scope, name, rate_limit, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING created_at")) {
            insert.setString(1, k.keyId());
            insert.setString(2, sha256(secret));
            insert.setString(3, k.tenant());
            insert.setArray(4, c.createArrayOf("text", k.roles().stream().map(Enum::name).sorted().toArray()));
            insert.setArray(5, c.createArrayOf("text", k.scope().stream().sorted().toArray()));
            insert.setString(6, k.name());
            insert.setObject(7, k.rateLimit());
            insert.setString(8, k.createdBy());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new Created(new KeyInfo(k.keyId(), k.tenant(), k.roles(), k.scope(), k.name(), k.rateLimit(),
                        rs.getObject(1, OffsetDateTime.class), k.createdBy(), null), key.key());
            }
        }
    }

    /** Whether a header value has the form of a key at all; anything else is refused without a look-up. */
    public static boolean wellFormed(String presented) {
        return presented != null && FORM.matcher(presented).matches();
    }

    /**
     * The caller a presented key stands for, if it is a live key. Looked up by key id (cached, positive and
     * negative), then the secret's hash is compared in constant time.
     */
    public Optional<Caller> authenticate(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = secretOf(presented);
        long now = System.nanoTime();
        Cached cached = byKeyId.get(keyId);
        if (cached == null || cached.expiresAt() - now <= 0 || cached.generation() != generation.get()) {
            long seen = generation.get();
            cached = lookUp(keyId, now, seen);
            if (cached.caller() == null && unknownCached.incrementAndGet() > MAX_UNKNOWN_CACHED) {
                byKeyId.values().removeIf(c -> c.caller() == null); // made-up ids must not grow memory
                unknownCached.set(0);
            }
            if (generation.get() == seen) { // a revocation in between must not be undone by this put
                byKeyId.put(keyId, cached);
            }
        }
        if (cached.caller() == null
                || !MessageDigest.isEqual(cached.secretHash().getBytes(), sha256(secret).getBytes())) {
            return Optional.empty();
        }
        return Optional.of(cached.caller());
    }

    private Cached lookUp(String keyId, long now, long seen) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT secret_hash, tenant, roles, scope, rate_limit FROM api_key WHERE key_id = ? AND revoked_at IS NULL")) {
            q.setString(1, keyId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return new Cached(null, null, now + cacheNanos, seen);
                }
                return new Cached(rs.getString(1), new Caller(keyId, rs.getString(2), roles(rs.getArray(3)),
                        strings(rs.getArray(4)), (Integer) rs.getObject(5)), now + cacheNanos, seen);
            }
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException("Cannot check an API key: " + e.getMessage(), e);
        }
    }

    public List<KeyInfo> list() {
        List<KeyInfo> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT key_id, tenant, roles, scope, name, rate_limit, created_at, created_by, revoked_at "
                        + "FROM api_key ORDER BY created_at, key_id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                keys.add(new KeyInfo(rs.getString(1), rs.getString(2), roles(rs.getArray(3)), strings(rs.getArray(4)),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class)));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list API keys: " + e.getMessage(), e);
        }
    }

    /** Revokes a key; false if there is no live key with that id. */
    public boolean revoke(String keyId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE api_key SET revoked_at = now() WHERE key_id = ? AND revoked_at IS NULL")) {
            u.setString(1, keyId);
            boolean revoked = u.executeUpdate() == 1;
            generation.incrementAndGet();
            byKeyId.remove(keyId);
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke an API key: " + e.getMessage(), e);
        }
    }

    /** Whether any live admin key exists. */
    public boolean anyAdmin() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM api_key WHERE 'ADMIN' = ANY(roles) AND revoked_at IS NULL LIMIT 1");
             ResultSet rs = q.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read API keys: " + e.getMessage(), e);
        }
    }

    /** The secret part of a key: what follows {@code sei_<keyId>_}. */
    private static String secretOf(String key) {
        return key.substring(PREFIX.length() + ID_LENGTH + 1);
    }

    private static String randomId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) array.getArray()) {
            roles.add(Role.valueOf(r));
        }
        return roles;
    }

    private static Set<String> strings(Array array) throws SQLException {
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
