package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.types.Decimal128;
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

    @Test
    void doublesAreWrittenAsTheDecimalOfTheirShortestText() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextInt(200);
                case 1 -> r.nextInt(20_000) / 100.0;
                case 2 -> r.nextGaussian() * 1e16;
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (!Double.isFinite(d)) continue;
            assertThat(CanonicalJson.write(d))
                    .as("%s", d)
                    .isEqualTo("\"" + CanonicalJson.decimal(new BigDecimal(Double.toString(d))) + "\"");
        }
        assertThat(CanonicalJson.write(-0.0)).isEqualTo("\"0\"");
        assertThat(CanonicalJson.write(0.1f)).isEqualTo("\"0.1\"");
        assertThat(CanonicalJson.write(1e15)).isEqualTo("\"1000000000000000\"");
    }

    private static final String NFD_E = Normalizer.normalize("é", Normalizer.Form.NFD);
    private static final List<Object> SCALARS = List.of(
            "a",
            "é",
            NFD_E,
            "83.33",
            "5",
            "true",
            new BigDecimal("83.330"),
            83.33,
            new Decimal128(new BigDecimal("83.33")),
            5,
            5L,
            BigInteger.valueOf(5),
            5.0,
            true,
            false,
            Thread.State.NEW,
            "NEW",
            "null",
            "a\"b");
    private static final List<String> KEYS = List.of("a", "b", "é", NFD_E);

    /** Small random trees from a small pool, so that equal canonical texts come up often. */
    private static Object tree(Random r, int depth) {
        int pick = r.nextInt(depth == 0 ? 3 : 5);
        if (pick == 3) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0, n = r.nextInt(3); i < n; i++) m.put(KEYS.get(r.nextInt(KEYS.size())), tree(r, depth - 1));
            return m;
        }
        if (pick == 4) {
            List<Object> l = new ArrayList<>();
            for (int i = 0, n = r.nextInt(3); i < n; i++) l.add(tree(r, depth - 1));
            return l;
        }
        return pick == 0 ? null : SCALARS.get(r.nextInt(SCALARS.size()));
    }

    private static String orFailure(Object v) {
        try {
            return CanonicalJson.write(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void sameIsTrueExactlyWhenBothCanonicalTextsExistAndAreEqual() {
        Random r = new Random(3);
        int equal = 0;
        for (int i = 0; i < 200_000; i++) {
            Object a = tree(r, 3);
            Object b = tree(r, 3);
            String x = orFailure(a);
            String y = orFailure(b);
            boolean expected = x != null && x.equals(y);
            boolean same;
            try {
                same = CanonicalJson.same(a, b);
            } catch (IllegalArgumentException e) {
                same = false;
            }
            assertThat(same).as("%s vs %s: %s vs %s", a, b, x, y).isEqualTo(expected);
            if (expected) equal++;
        }
        assertThat(equal).as("the generator makes equal pairs too").isGreaterThan(5_000);
    }
}
