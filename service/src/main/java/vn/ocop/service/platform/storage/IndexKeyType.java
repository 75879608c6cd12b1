package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes ({@link OrderedUniqueIndex}). H2's default type has no order
 * for mongo-java-server's {@link KeyValue} (not Comparable), so it Java-serialized both keys at every comparison of a
 * tree search: a third of the store thread's CPU in a seeding profile (docs/benchmarks.md, target 5). This type
 * orders keys by their values directly and writes them exactly as the default type does.
 * <p>
 * The order is total and agrees with {@link KeyValue#equals}: values compare by kind (null, missing, number, string,
 * boolean, anything else), integers as longs, other numbers as doubles, a tie between two kinds of number by class
 * name; values of any other kind compare equal when equal, else by their serialized bytes (the default type's order).
 */
final class IndexKeyType extends BasicDataType<Object> {
    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int getMemory(Object key) {
        return serialized.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        serialized.write(buff, key);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return serialized.read(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) return 0;
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(x.get(i), y.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
        return compareValues(a, b);
    }

    private int compareValues(Object a, Object b) {
        if (a == b) return 0;
        int kind = Integer.compare(kind(a), kind(b));
        if (kind != 0) return kind;
        if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y);
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return x.compareTo(y);
        if (a.equals(b)) return 0;
        return Arrays.compare(bytes(a), bytes(b));
    }

    private static int kind(Object v) {
        if (v == null) return 0;
        if (v instanceof Missing) return 1;
        if (v instanceof Number) return 2;
        if (v instanceof String) return 3;
        if (v instanceof Boolean) return 4;
        return 5;
    }

    private static int compareNumbers(Number x, Number y) {
        int c = integral(x) && integral(y)
                ? Long.compare(x.longValue(), y.longValue())
                : Double.compare(x.doubleValue(), y.doubleValue());
        // equal values of two classes (1 and 1L) are different keys for KeyValue.equals: order them by class
        return c != 0 ? c : x.getClass().getName().compareTo(y.getClass().getName());
    }

    private static boolean integral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private byte[] bytes(Object v) {
        WriteBuffer buff = new WriteBuffer(64);
        serialized.write(buff, v);
        ByteBuffer b = buff.getBuffer().flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
