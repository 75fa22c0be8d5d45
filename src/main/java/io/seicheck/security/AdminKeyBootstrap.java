package io.seicheck.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a first start with no admin key, makes one and writes it to a file only the owner can read
 * ({@code ./data/admin.key}), saying where in the log; nothing of the key itself is logged. Replicas starting
 * together take turns (an advisory lock), and the file is written before the key is committed, so a start that
 * cannot write it leaves no admin key that nobody holds.
 */
public final class AdminKeyBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
    /** Advisory lock key for the first-start check ("SEI" "ADM"). */
    private static final long LOCK_KEY = 0x534549_41444DL;

    private AdminKeyBootstrap() {
    }

    public static void ensureAdminKey(DataSource dataSource, ApiKeys keys, Path file) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                if (keys.anyAdmin()) {
                    c.rollback();
                    return;
                }
                ApiKeys.Created admin = keys.prepare(Caller.ADMIN_TENANT, EnumSet.of(Role.ADMIN), Set.of(), "first admin key",
                        null, "first start");
                write(file, admin.key());
                try {
                    keys.insert(c, admin);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                log.warn("No admin key existed: created admin key {} and wrote it to {} (readable by its owner only). "
                        + "Make keys for firms, banks and auditors with it (POST /v1/keys), then move it somewhere safe "
                        + "and delete the file.", admin.info().keyId(), file.toAbsolutePath());
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make the first admin key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin key to " + file, e);
        }
    }

    /** Creates the file anew (never through a link, never over an existing file), owner read/write only. */
    private static void write(Path file, String key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file); // a stale file from a deleted database: its key no longer exists
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, Set.copyOf(options),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("{} cannot be made owner-only on this file system: protect it yourself", file);
            channel = Files.newByteChannel(file, options);
        }
        try (SeekableByteChannel out = channel) {
            out.write(ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a plain file");
        }
    }
}
