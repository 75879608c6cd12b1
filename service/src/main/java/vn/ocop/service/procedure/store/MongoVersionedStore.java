package vn.ocop.service.procedure.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.ocop.service.platform.storage.Bson;

/**
 * A collection of aggregates on MongoDB or the embedded store. The compare-and-set filter is a plain document with
 * exactly the keys of the unique index {_id, version}, which both stores serve from the index.
 */
public class MongoVersionedStore<T extends Versioned> implements VersionedStore<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;

    public MongoVersionedStore(MongoTemplate mongo, String collection, Class<T> type) {
        this.collection = mongo.getCollection(collection);
        this.type = type;
        this.collection.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version"));
    }

    /** A secondary index for MongoDB's lists (the embedded store ignores non-unique indexes and scans). */
    public MongoVersionedStore<T> withIndex(String name, String... fields) {
        collection.createIndex(Indexes.ascending(fields), new IndexOptions().name(name));
        return this;
    }

    @Override
    public boolean insert(T value) {
        value.version = 1;
        try {
            collection.insertOne(document(value));
            return true;
        } catch (MongoException e) {
            if (Bson.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(new Document("_id", id)).first())
                .map(this::value);
    }

    @Override
    public List<T> findAll(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        List<T> out = new ArrayList<>();
        collection.find(Filters.in("_id", ids)).forEach(d -> out.add(value(d)));
        return out;
    }

    @Override
    public boolean replace(T value) {
        long expected = value.version;
        value.version = expected + 1;
        Document doc = document(value);
        boolean replaced = collection
                        .replaceOne(new Document("_id", value.id).append("version", expected), doc)
                        .getMatchedCount()
                == 1;
        if (!replaced) value.version = expected;
        return replaced;
    }

    @Override
    public List<T> where(Map<String, Object> equalities, int limit) {
        List<T> out = new ArrayList<>();
        collection.find(new Document(equalities)).limit(limit).forEach(d -> out.add(value(d)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Document document(T value) {
        Map<String, Object> map = new LinkedHashMap<>(ProcedureJson.MAPPER.convertValue(value, Map.class));
        map.put("_id", map.remove("id"));
        map.values().removeIf(v -> v == null);
        return Bson.document(map);
    }

    private T value(Document d) {
        Map<String, Object> map = new LinkedHashMap<>(Bson.plainMap(d));
        map.put("id", map.remove("_id"));
        return ProcedureJson.MAPPER.convertValue(map, type);
    }
}
