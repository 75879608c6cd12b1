package vn.ocop.service.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityKeyTests {
    @TempDir
    Path dir;

    @Test
    void generatesAnOwnerOnlyKeyFileOnFirstStartAndReusesItAfterwards() throws Exception {
        Path file = dir.resolve("data/integrity.key");
        IntegrityKey first = new IntegrityKey(new IntegrityProperties(null, file.toString(), true));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        IntegrityKey again = new IntegrityKey(new IntegrityProperties(null, file.toString(), true));
        assertThat(again.mac("kjar", "v1", "abc")).isEqualTo(first.mac("kjar", "v1", "abc"));
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
    }

    @Test
    void aMissingKeyFileStopsTheStartWhenGenerationIsOff() {
        Path file = dir.resolve("absent.key");
        assertThatThrownBy(() -> new IntegrityKey(new IntegrityProperties(null, file.toString(), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ocop.integrity.key");
        assertThat(file).doesNotExist();
    }

    @Test
    void aConfiguredKeyWinsOverTheFileAndAShortOrGarbledKeyIsRefused() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        IntegrityKey fromConfig = new IntegrityKey(
                new IntegrityProperties(configured, dir.resolve("k").toString(), true));
        assertThat(dir.resolve("k")).doesNotExist();
        assertThat(fromConfig.mac("p", "x"))
                .isEqualTo(IntegrityKey.of(new byte[32]).mac("p", "x"));

        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new IntegrityKey(new IntegrityProperties(tooShort, null, true)))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new IntegrityKey(new IntegrityProperties("not base64 !", null, true)))
                .hasMessageContaining("not Base64");
    }

    @Test
    void theMacDependsOnKeyPurposeEveryValueAndTheirBoundaries() {
        byte[] bytes = new byte[32];
        IntegrityKey key = IntegrityKey.of(bytes);
        bytes[0] = 1;
        IntegrityKey other = IntegrityKey.of(bytes);
        String mac = key.mac("kjar", "ocop-2019@3", "sha-src", "sha-kjar");

        assertThat(mac).hasSize(64).matches("[0-9a-f]+");
        assertThat(key.verify(mac, "kjar", "ocop-2019@3", "sha-src", "sha-kjar"))
                .isTrue();
        assertThat(key.verify(mac, "kjar", "ocop-2019@3", "sha-src", "sha-other"))
                .isFalse();
        assertThat(key.verify(mac, "record", "ocop-2019@3", "sha-src", "sha-kjar"))
                .isFalse();
        assertThat(other.verify(mac, "kjar", "ocop-2019@3", "sha-src", "sha-kjar"))
                .isFalse();
        assertThat(key.mac("p", "ab", "c")).isNotEqualTo(key.mac("p", "a", "bc"));
        assertThat(key.mac("p", (String) null)).isNotEqualTo(key.mac("p", ""));
        assertThat(key.verify(null, "p")).isFalse();
        assertThat(key.keyId()).isNotEqualTo(other.keyId());
    }
}
