package vn.ocop.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTests {
    @Test
    void normalisesDecomposedVietnameseAndTrims() {
        String nfd = Normalizer.normalize("Lê Hoàng Cường", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Lê Hoàng Cường");
        assertThat(Text.nfc("  " + nfd + "\t")).isEqualTo("Lê Hoàng Cường");
        // a base letter below U+0300 followed by a combining mark must still compose
        assertThat(Text.nfc("A1.1 e\u0301")).isEqualTo("A1.1 é");
        assertThat(Text.nfc(" A1.1 ")).isEqualTo("A1.1");
        assertThat(Text.nfc(null)).isNull();
    }

    /** Text already in NFC (most names) is returned as it is, not copied on every call. */
    @Test
    void keepsTextAlreadyInNfc() {
        String name = "Nguyễn Văn An";
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
        assertThat(Text.nfc(name)).isSameAs(name);
        assertThat(Text.nfc(Normalizer.normalize(name, Normalizer.Form.NFD))).isEqualTo(name);
    }
}
