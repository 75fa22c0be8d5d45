package io.seicheck.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a first start with no admin key, makes one and writes it to a file only the owner can read
 * ({@code ./data/admin.key}), saying where in the log. Nothing is printed of the key itself.
 */
public final class AdminKeyBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private AdminKeyBootstrap() {
    }

    public static void ensureAdminKey(ApiKeys keys, Path file) {
        if (keys.anyAdmin()) {
            return;
        }
        ApiKeys.Created admin = keys.create("admin", EnumSet.of(Role.ADMIN), Set.of(), "first admin key", null,
                "first start");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, admin.key() + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin key to " + file, e);
        }
        log.warn("No admin key existed: created admin key {} and wrote it to {} (readable by its owner only). "
                + "Use it to create keys for firms, banks and auditors (POST /v1/keys), then keep it safe.",
                admin.info().keyId(), file.toAbsolutePath());
    }
}
