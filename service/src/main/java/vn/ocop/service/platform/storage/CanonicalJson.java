package vn.ocop.service.platform.storage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.types.Decimal128;

/**
 * A small writer of canonical JSON: RFC 8785 (JSON Canonicalization Scheme) restricted to the values our records hold,
 * so that an outside tool can recompute a record's hash (docs/audit.md).
 * <ul>
 *   <li>object members sorted by their names' UTF-16 code units; no whitespace;</li>
 *   <li>members whose value is null, an empty array or an empty object are left out (storage drops them anyway);</li>
 *   <li>strings in Unicode NFC, escaped as RFC 8785 / ECMAScript JSON.stringify does ({@code \" \\ \b \f \n \r \t},
 *       other controls as {@code \\u00xx}; everything else literal);</li>
 *   <li>integers (int, long, BigInteger) as plain digits; decimals (BigDecimal, Decimal128, double, float) as
 *       strings: plain notation, no exponent, no trailing zeros after the point, no trailing point, "0" for zero;</li>
 *   <li>booleans as true/false; the whole text is UTF-8.</li>
 * </ul>
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, value);
        return sb.toString();
    }

    /**
     * Whether the two values have the same canonical text, {@code write(a).equals(write(b))}, found without writing
     * either (a replay compares two 13 kB results per record; writing them was a third of its CPU). True only when
     * both have a canonical text; false, or the exception {@link #write} throws, otherwise.
     */
    public static boolean same(Object a, Object b) {
        // the common pairs first, without building their texts
        if (a instanceof String s && b instanceof String t) return s.equals(t) || nfc(s).equals(nfc(t));
        if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long))
            return ((Number) a).longValue() == ((Number) b).longValue();
        if (a instanceof Double x && b instanceof Double y && x.equals(y)) return Double.isFinite(x);
        if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n && asciiNames(m) && asciiNames(n)) {
            return sameMembersByAsciiName(m, n);
        }
        String x = scalar(a);
        String y = scalar(b);
        if (x != null || y != null) return x != null && x.equals(y);
        if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n) {
            Map<String, Object> mine = members(m);
            Map<String, Object> theirs = members(n);
            if (mine.size() != theirs.size()) return false;
            for (Map.Entry<String, Object> e : mine.entrySet()) {
                if (!theirs.containsKey(e.getKey()) || !same(e.getValue(), theirs.get(e.getKey()))) return false;
            }
            return true;
        }
        if (a instanceof Collection<?> c && b instanceof Collection<?> d) {
            if (c.size() != d.size()) return false;
            var other = d.iterator();
            for (Object item : c) if (!same(item, other.next())) return false;
            return true;
        }
        return false; // an object against an array
    }

    /**
     * A scalar's canonical text tagged by its kind ({@code s}: written quoted, i.e. strings, decimals and enum names;
     * {@code n}: written bare, i.e. integers, booleans and null), or null for a map or a collection; throws for a
     * value {@link #write} refuses.
     */
    private static String scalar(Object v) {
        if (v == null) return "nnull";
        if (v instanceof String s) return "s" + nfc(s);
        if (v instanceof Boolean b) return b ? "ntrue" : "nfalse";
        if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) return "n" + v;
        if (v instanceof BigDecimal d) return "s" + decimal(d);
        if (v instanceof Decimal128 d) return "s" + decimal(d.bigDecimalValue());
        if (v instanceof Double || v instanceof Float) return "s" + decimal((Number) v);
        if (v instanceof Enum<?> e) return "s" + e.name();
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) return null;
        throw new IllegalArgumentException(
                "no canonical form for " + v.getClass().getName());
    }

    /** Every member name is an ASCII string (its own NFC form, and distinct from the others): field names. */
    private static boolean asciiNames(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String s) || !ascii(s)) return false;
        }
        return true;
    }

    private static boolean sameMembersByAsciiName(Map<?, ?> m, Map<?, ?> n) {
        int present = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (isAbsent(e.getValue())) continue;
            present++;
            Object other = n.get(e.getKey());
            if (isAbsent(other) || !same(e.getValue(), other)) return false;
        }
        for (Object v : n.values()) if (!isAbsent(v)) present--;
        return present == 0;
    }

    /** The members {@link #object} writes, by NFC name; a duplicate name throws as it does there. */
    private static Map<String, Object> members(Map<?, ?> m) {
        Map<String, Object> out = new HashMap<>(m.size() * 2);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (isAbsent(e.getValue())) continue;
            if (out.put(nfc(String.valueOf(e.getKey())), e.getValue()) != null)
                throw new IllegalArgumentException("duplicate member " + e.getKey());
        }
        return out;
    }

    private static String nfc(String s) {
        return ascii(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)
                ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    public static String sha256Hex(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') return true;
        }
        return false;
    }

    /** ASCII text is its own NFC form. */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** The canonical decimal text: plain, no exponent, trailing zeros stripped, "0" for any zero. */
    public static String decimal(BigDecimal d) {
        if (d.signum() == 0) return "0";
        return d.stripTrailingZeros().toPlainString();
    }

    /**
     * A double's or float's canonical text: {@code decimal(new BigDecimal(value.toString()))}, without the BigDecimal
     * for whole doubles (most points and averages); not for NaN or infinities.
     */
    private static String decimal(Number floating) {
        double d = floating.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d))
            throw new IllegalArgumentException("not a finite number: " + floating);
        if (d == 0) return "0";
        if (floating instanceof Double && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return decimal(new BigDecimal(floating.toString()));
    }

    /** True when the value would be left out of an object (null, empty array, empty object). */
    public static boolean isAbsent(Object v) {
        return v == null || (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof Collection<?> c && c.isEmpty());
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            string(sb, decimal(d));
        } else if (v instanceof Decimal128 d) {
            string(sb, decimal(d.bigDecimalValue()));
        } else if (v instanceof Double || v instanceof Float) {
            string(sb, decimal((Number) v));
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m);
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) sb.append(',');
                first = false;
                write(sb, item);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + v.getClass().getName());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (isAbsent(e.getValue())) continue;
            entries.add(Map.entry(nfc(String.valueOf(e.getKey())), e.getValue()));
        }
        // String.compareTo compares UTF-16 code units: the order RFC 8785 prescribes
        entries.sort(Map.Entry.comparingByKey());
        sb.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                if (entries.get(i).getKey().equals(entries.get(i - 1).getKey())) {
                    throw new IllegalArgumentException(
                            "duplicate member " + entries.get(i).getKey());
                }
                sb.append(',');
            }
            string(sb, entries.get(i).getKey());
            sb.append(':');
            write(sb, entries.get(i).getValue());
        }
        sb.append('}');
    }

    private static void string(StringBuilder sb, String raw) {
        String s = nfc(raw);
        sb.append('"');
        if (!needsEscape(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
