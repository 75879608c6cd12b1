package vn.ocop.service.platform.text;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Vietnamese alphabetical order (ICU4J's {@code vi} collator: a ă â b c d đ e ê …, tones after the base letter), as a
 * {@link Comparator} and as a stored sort key: the collation key's bytes in hex sort byte-wise, hence in the same
 * order, on MongoDB and on the embedded store alike (neither needs collation support for it).
 */
public final class VietnameseCollation {
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(new ULocale("vi"));
        c.setStrength(Collator.TERTIARY);
        return c;
    });

    private VietnameseCollation() {}

    public static Comparator<String> comparator() {
        return (a, b) -> COLLATOR.get().compare(a, b);
    }

    /** Hex of the ICU collation key of the cleaned text; compares as the text does in Vietnamese order. */
    public static String sortKey(String s) {
        if (s == null) return null;
        byte[] key = COLLATOR.get().getCollationKey(TextNormalizer.clean(s)).toByteArray();
        // the key ends with a 0 terminator, which is not needed for comparison of hex strings
        int length = key.length > 0 && key[key.length - 1] == 0 ? key.length - 1 : key.length;
        return HexFormat.of().formatHex(key, 0, length);
    }
}
