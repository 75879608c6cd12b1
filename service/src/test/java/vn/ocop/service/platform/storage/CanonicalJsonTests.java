package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vectors of docs/audit.md ("Canonical form"). */
class CanonicalJsonTests {

    @Test
    void sortsMembersDropsAbsentValuesAndWritesDecimalsAsStrings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", 2L);
        m.put("b", List.of());
        m.put("a", null);
        m.put("averageTotal", new BigDecimal("83.3300"));
        m.put("pct", new BigDecimal("8E+1"));
        m.put("zero", new BigDecimal("0.000"));
        m.put("member", "Nguyễn Văn An");
        m.put("selections", Map.of("A1.2", 3, "A1.10", 1));
        m.put("ok", true);
        assertThat(CanonicalJson.write(m))
                .isEqualTo("{\"averageTotal\":\"83.33\",\"member\":\"Nguyễn Văn An\",\"ok\":true,\"pct\":\"80\","
                        + "\"selections\":{\"A1.10\":1,\"A1.2\":3},\"sequence\":2,\"zero\":\"0\"}");
    }

    @Test
    void escapesLikeRfc8785AndNormalisesToNfc() {
        String decomposed = Normalizer.normalize("Trần Thị Bình", Normalizer.Form.NFD);
        assertThat(CanonicalJson.write(Map.of("n", decomposed))).isEqualTo("{\"n\":\"Trần Thị Bình\"}");
        assertThat(CanonicalJson.write(List.of("a\"b\\c\n\t\u0001/€"))).isEqualTo("[\"a\\\"b\\\\c\\n\\t\\u0001/€\"]");
        // members sorted by UTF-16 code units: "Z" (0x5A) < "a" (0x61) < "é" (0xE9) < "€" (0x20AC)
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("€", 1);
        keys.put("é", 2);
        keys.put("a", 3);
        keys.put("Z", 4);
        assertThat(CanonicalJson.write(keys)).isEqualTo("{\"Z\":4,\"a\":3,\"é\":2,\"€\":1}");
    }

    @Test
    void hashIsSha256OfTheUtf8Text() {
        assertThat(CanonicalJson.sha256Hex("{}"))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(CanonicalJson.sha256Hex(CanonicalJson.write(Map.of("member", "Nguyễn Văn An", "total", 92))))
                .isEqualTo(CanonicalJson.sha256Hex("{\"member\":\"Nguyễn Văn An\",\"total\":92}"));
    }
}
