package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index of the embedded store kept in an H2 map keyed by {@link IndexKeyType}: mongo-java-server's own H2
 * index, with keys that compare without being serialized. The map has its own name ({@code …#ordered}), since the
 * stock map is sorted in another order; an index found under the stock name (a file of an older build) is copied
 * over when opened, and the stock map removed. A file opened this way cannot be used by an older build.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {
    static final String SUFFIX = "#ordered";

    private final MVMap<KeyValue, Object> map;

    private OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /** {@code stockName}: the map mongo-java-server's H2 backend keeps this index in. */
    static OrderedUniqueIndex open(MVStore store, String stockName, String name, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> map =
                store.openMap(stockName + SUFFIX, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        if (store.hasMap(stockName)) {
            MVMap<KeyValue, Object> stock = store.openMap(stockName);
            // also when both exist (a build with BSON documents but stock indexes wrote after this one): both stay
            for (Map.Entry<KeyValue, Object> e : stock.entrySet()) map.putIfAbsent(e.getKey(), e.getValue());
            store.removeMap(stock);
        }
        return new OrderedUniqueIndex(map, name, keys, sparse);
    }

    static void remove(MVStore store, String stockName) {
        if (store.hasMap(stockName + SUFFIX)) store.removeMap(stockName + SUFFIX);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
