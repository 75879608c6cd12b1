package vn.ocop.service.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service's integrity key: HMAC-SHA256 over a purpose and a list of values. Each value is length-prefixed,
 * so ("ab","c") and ("a","bc") give different MACs, and the purpose keeps a MAC made for one kind of object
 * from verifying another. The key comes from configuration or a key file outside the database
 * ({@link IntegrityProperties}); {@link #keyId()} names it without revealing it, so stored MACs can say which
 * key made them.
 */
@Component
public class IntegrityKey {
    private static final Logger log = LoggerFactory.getLogger(IntegrityKey.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final String keyId;

    @org.springframework.beans.factory.annotation.Autowired // two constructors: Spring uses this one
    public IntegrityKey(IntegrityProperties properties) {
        this(loadKey(properties));
    }

    private IntegrityKey(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, ALGORITHM);
        this.keyId = mac("key-id").substring(0, 16);
    }

    /** A key from raw bytes (tests and tools). */
    public static IntegrityKey of(byte[] keyBytes) {
        if (keyBytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The integrity key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return new IntegrityKey(keyBytes.clone());
    }

    /** Lower-case hex HMAC-SHA256 of the purpose and the values (null is encoded apart from ""). */
    public String mac(String purpose, String... values) {
        Objects.requireNonNull(purpose, "purpose");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            update(mac, purpose);
            for (String value : values) {
                update(mac, value);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code expected} is the MAC of the purpose and values; compares in constant time. */
    public boolean verify(String expected, String purpose, String... values) {
        if (expected == null) {
            return false;
        }
        return MessageDigest.isEqual(
                mac(purpose, values).getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    /** A short public name of the key (16 hex characters), stored beside MACs to tell keys apart. */
    public String keyId() {
        return keyId;
    }

    private static void update(Mac mac, String value) {
        if (value == null) {
            mac.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private static byte[] loadKey(IntegrityProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decode(properties.key().strip(), "ocop.integrity.key");
        }
        Path file = Path.of(properties.keyFile()).toAbsolutePath();
        if (!Files.exists(file)) {
            if (!properties.generateMissing()) {
                throw new IllegalStateException("No integrity key: set ocop.integrity.key or provide the key file "
                        + file + " (ocop.integrity.key-file); see docs/operations.md");
            }
            generate(file);
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the integrity key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The integrity key in " + source + " is not Base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The integrity key in " + source + " has " + bytes.length
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed");
        }
        return bytes;
    }

    /** Writes a fresh random key readable by the owner only; written aside and moved, so no half key is read. */
    private static void generate(Path file) {
        byte[] bytes = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        String text = Base64.getEncoder().encodeToString(bytes) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
                var f = temp.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
            }
            log.warn(
                    "Generated a new integrity key in {} (owner-only). Back it up with the data; in production "
                            + "provide the key yourself and set ocop.integrity.generate-missing=false (docs/operations.md)",
                    file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the integrity key file " + file, e);
        }
    }
}
