package vn.ocop.service.platform.storage;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Streams the documents of a collection that match a filter, in the store's natural order and in constant memory,
 * for jobs over a whole history (batch replay, simulation). On MongoDB a driver cursor does that; on the embedded
 * store a cursor holds every match in memory, so the scan reads the store's file directly ({@link EmbeddedDocuments}).
 */
@Component
public class CollectionScan {
    private static final int BATCH = 1000;
    private final @Nullable EmbeddedDocuments embedded;

    CollectionScan(ObjectProvider<EmbeddedDocuments> embedded) {
        this.embedded = embedded.getIfAvailable();
    }

    /**
     * The first document matching an exact-key filter, for the lookups a history job makes while it scans. On the
     * embedded store it is found in-process, without a round trip through the wire protocol.
     */
    public Optional<Document> first(MongoCollection<Document> collection, Bson filter) {
        if (embedded != null) return embedded.first(collection, filter);
        return Optional.ofNullable(collection.find(filter).first());
    }

    /**
     * The documents with these {@code _id}s (those that exist, in no set order), for the batch lookups a history job
     * makes while it scans: on MongoDB one {@code _id $in} query, on the embedded store a read by key per id.
     */
    public List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        if (embedded != null) return embedded.byIds(collection, ids);
        return collection.find(new Document("_id", new Document("$in", ids))).into(new ArrayList<>());
    }

    /** How many documents match, in constant memory. */
    public long count(MongoCollection<Document> collection, Bson filter) {
        return embedded != null ? embedded.count(collection, filter) : collection.countDocuments(filter);
    }

    /** Calls {@code each} with every matching document until it answers false. */
    public void forEach(MongoCollection<Document> collection, Bson filter, Predicate<Document> each) {
        if (embedded != null) {
            embedded.forEach(collection, filter, each);
            return;
        }
        try (var cursor = collection.find(filter).batchSize(BATCH).iterator()) {
            while (cursor.hasNext()) {
                if (!each.test(cursor.next())) return;
            }
        }
    }
}
