package io.seicheck.decisionlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Signs checkpoints of the log with the service's Ed25519 key. The first instance to start generates the key
 * and stores it in the database (insert-only, like the log), so every replica signs with the same key; the
 * public key is published and should be pinned by auditors. The private key is as safe as the database.
 */
public final class CheckpointSigner {

    public static final String ALGORITHM = "Ed25519";
    private static final String KEY_NAME = "checkpoint";

    /** A head of the log, signed. */
    public record SignedCheckpoint(long seq, String entryHash, Instant signedAt, String keyId, byte[] signature,
            byte[] publicKey) {

        /** The exact bytes that are signed: RFC 8785 JSON of algorithm, entryHash, keyId, seq and signedAt. */
        public byte[] signedBytes() {
            return signedText(seq, entryHash, signedAt, keyId).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.keyId = keyId(publicKey.getEncoded());
    }

    /** Loads the key from the database, generating and storing it first if no instance has yet. */
    public static CheckpointSigner loadOrCreate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            KeyPair stored = read(c);
            if (stored == null) {
                KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO signing_key "
                        + "(name, algorithm, public_key, private_key) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                    insert.setString(1, KEY_NAME);
                    insert.setString(2, ALGORITHM);
                    insert.setBytes(3, fresh.getPublic().getEncoded());
                    insert.setBytes(4, fresh.getPrivate().getEncoded());
                    insert.executeUpdate();
                }
                stored = read(c); // another replica may have stored its key first: use that one
            }
            return new CheckpointSigner(stored);
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the checkpoint signing key", e);
        }
    }

    private static KeyPair read(Connection c) throws SQLException, GeneralSecurityException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT public_key, private_key FROM signing_key WHERE name = ? AND algorithm = ?")) {
            q.setString(1, KEY_NAME);
            q.setString(2, ALGORITHM);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(rs.getBytes(1))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(2))));
            }
        }
    }

    public SignedCheckpoint sign(long seq, String entryHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(signedText(seq, entryHash, now, keyId).getBytes(StandardCharsets.UTF_8));
            return new SignedCheckpoint(seq, entryHash, now, keyId, signer.sign(), publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return pem(publicKey.getEncoded());
    }

    /** True if {@code checkpoint} was signed by the holder of {@code publicKey} (X.509 DER) and not altered. */
    public static boolean isAuthentic(SignedCheckpoint checkpoint, byte[] publicKey) {
        try {
            if (!keyId(publicKey).equals(checkpoint.keyId())) {
                return false;
            }
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey)));
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String keyId(byte[] publicKey) {
        return Sha256.hex(publicKey).substring(0, 16);
    }

    public static String pem(byte[] publicKey) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The DER bytes of a PEM public key (or of bare base64). */
    public static byte[] fromPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String signedText(long seq, String entryHash, Instant signedAt, String keyId) {
        Map<String, Object> m = new TreeMap<>();
        m.put("algorithm", ALGORITHM);
        m.put("entryHash", entryHash);
        m.put("keyId", keyId);
        m.put("seq", seq);
        m.put("signedAt", DateTimeFormatter.ISO_INSTANT.format(signedAt));
        return CanonicalJson.write(m);
    }
}
