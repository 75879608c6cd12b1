package vn.ocop.service.platform.storage;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * SHA-256 over the canonical form ({@link CanonicalJson}) of a stored document without some members (its own hash and
 * MAC): dates as UTC with three fraction digits, decimals as decimals. For the audit log, assessments and anchors.
 */
public final class DocumentHash {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DocumentHash() {}

    public static String sha256(Document d, Set<String> without) {
        return CanonicalJson.sha256Hex(canonical(d, without));
    }

    public static String canonical(Document d, Set<String> without) {
        Map<String, Object> m = new LinkedHashMap<>();
        d.forEach((k, v) -> {
            if (!without.contains(k)) m.put(k, plain(v));
        });
        return CanonicalJson.write(m);
    }

    /** Documents → maps, Decimal128 kept as a decimal, Date → UTC millisecond text; the rest as is (the records' hash too). */
    public static Object plain(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Decimal128 d) return d.bigDecimalValue();
        if (v instanceof Date d) return INSTANT.format(d.toInstant());
        return v;
    }
}
