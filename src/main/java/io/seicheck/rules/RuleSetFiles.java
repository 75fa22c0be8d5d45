package io.seicheck.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one rule set, by path relative to its folder, with line endings normalised to LF. The
 * scenario tests under {@code tests/} are not part of it.
 */
public final class RuleSetFiles {

    private final SortedMap<String, byte[]> files;

    public RuleSetFiles(Map<String, byte[]> raw) {
        SortedMap<String, byte[]> normalised = new TreeMap<>();
        raw.forEach((path, bytes) -> {
            String p = path.replace('\\', '/');
            if (!p.startsWith("tests/")) {
                normalised.put(p, toLf(bytes));
            }
        });
        this.files = Collections.unmodifiableSortedMap(normalised);
    }

    public SortedMap<String, byte[]> all() {
        return files;
    }

    public Optional<String> text(String path) {
        return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 over, for each file in path order: the path in UTF-8, a NUL byte, the length in decimal, a NUL
     * byte, then the LF-normalised bytes. Unambiguous, and the same on every platform.
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static byte[] toLf(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            out[n++] = bytes[i];
        }
        return n == bytes.length ? bytes : java.util.Arrays.copyOf(out, n);
    }
}
