package vn.ocop.service.platform.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Small helpers shared by the stores: plain Java values out of BSON, duplicate-key detection. */
public final class Bson {
    private Bson() {}

    /**
     * The write concern of a pointer that can be rebuilt from what it points to (a chain head, written after the record
     * or entry it names was stored durably): acknowledged once applied, without its own wait for the journal. On
     * MongoDB {@code j: false} means that; the journal, written in order, makes it durable at the latest with the next
     * write that waits for it. The embedded store answers it without a commit wait and stores it with the next commit
     * (DurableH2Backend). A crash may lose the pointer, never the record: the next writer recovers the head.
     */
    public static final com.mongodb.WriteConcern POINTER = com.mongodb.WriteConcern.W1.withJournal(false);

    /** Decimal128 → BigDecimal, Date → ISO-8601 UTC string, ObjectId → hex, documents → maps (recursively). */
    public static Object plain(Object value) {
        if (value instanceof Document d) {
            Map<String, Object> m = new LinkedHashMap<>();
            d.forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), plain(v)));
            return m;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(Document d) {
        return (Map<String, Object>) plain(d);
    }

    /** A copy of a map (from Jackson's convertValue) without null values, recursively. */
    @SuppressWarnings("unchecked")
    public static Document document(Map<String, Object> map) {
        Document d = new Document();
        map.forEach((k, v) -> {
            if (v != null) {
                d.put(
                        k,
                        v instanceof Map<?, ?> m
                                ? document((Map<String, Object>) m)
                                : v instanceof List<?> l ? list(l) : v);
            }
        });
        return d;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object v : list) {
            out.add(
                    v instanceof Map<?, ?> m
                            ? document((Map<String, Object>) m)
                            : v instanceof List<?> l ? list(l) : v);
        }
        return out;
    }

    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoCommandException c) {
            return c.getErrorCode() == 11000;
        }
        return e.getCode() == 11000;
    }
}
