package io.seicheck.decisionlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form every hash in the log takes. */
public final class Sha256 {

    /** The hash a first entry chains to. */
    public static final String ZERO = "0".repeat(64);

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the 32 raw bytes of {@code prevHash} followed by the UTF-8 bytes of {@code canonical}. */
    public static String chained(String prevHash, String canonical) {
        MessageDigest digest = digest();
        digest.update(HexFormat.of().parseHex(prevHash));
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
