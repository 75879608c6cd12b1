package vn.ocop.service.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ocop.integrity: the secret key of the integrity MACs (kjars bound to their sources, evaluation records).
 * {@code key} (Base64, at least 32 bytes) wins over {@code key-file}; a missing key file is generated when
 * {@code generate-missing} is true (local use); production sets it false so a lost key stops the start.
 * The key is never stored in the database: a database writer must not be able to forge a MAC.
 */
@ConfigurationProperties("ocop.integrity")
public record IntegrityProperties(String key, String keyFile, Boolean generateMissing) {
    public IntegrityProperties {
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/integrity.key" : keyFile;
        generateMissing = generateMissing == null || generateMissing;
    }
}
