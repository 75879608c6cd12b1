import org.h2.mvstore.*;
import org.h2.mvstore.type.*;
import java.io.*;
import java.util.*;

public class StoreInspect {
    /** The service's value type for documents (BSON, falling back to Java serialization): the file's own format. */
    @SuppressWarnings("unchecked")
    static DataType<Object> valueType() throws Exception {
        var c = Class.forName("vn.ocop.service.platform.storage.BsonValueType").getDeclaredConstructor();
        c.setAccessible(true);
        return (DataType<Object>) c.newInstance();
    }

    static MVMap<Object, Object> open(MVStore s, String name, DataType<Object> type) {
        return s.openMap(name, new MVMap.Builder<Object, Object>().valueType(type));
    }

    public static void main(String[] a) throws Exception {
        DataType<Object> type = valueType();
        String file = a[0];
        MVStore s = new MVStore.Builder().fileName(file).readOnly().open();
        System.out.printf("file %d bytes; fill rate %d%%%n", new File(file).length(), s.getFillRate());
        long total = 0;
        for (String name : new TreeSet<>(s.getMapNames())) {
            MVMap<Object, Object> m = open(s, name, type);
            long bytes = 0; int n = 0;
            for (var e : m.entrySet()) {
                WriteBuffer w = new WriteBuffer();
                type.write(w, e.getValue());
                bytes += w.position(); n++;
            }
            total += bytes;
            System.out.printf("%-60s %7d entries %10d bytes as stored, uncompressed (%d/entry)%n", name, n, bytes, n == 0 ? 0 : bytes / n);
        }
        System.out.printf("total values %d bytes%n", total);
        if (a.length > 1) {
            // a compacted copy: every map written once, optionally compressed
            new File(a[1]).delete();
            MVStore.Builder b = new MVStore.Builder().fileName(a[1]);
            if (a.length > 2 && a[2].equals("lzf")) b.compress();
            if (a.length > 2 && a[2].equals("deflate")) b.compressHigh();
            if (a.length > 3) b.pageSplitSize(Integer.parseInt(a[3]));
            MVStore t = b.open();
            for (String name : s.getMapNames()) {
                if (a.length > 4 && !name.contains(a[4])) continue;
                MVMap<Object, Object> m = open(s, name, type);
                MVMap<Object, Object> c = open(t, name, type);
                c.putAll(m);
            }
            t.commit(); t.close();
            System.out.printf("copy %s %s: %d bytes%n", a.length > 2 ? a[2] : "plain", a.length > 3 ? a[3] : "", new File(a[1]).length());
        }
    }
}
