package vn.ocop.service.platform.storage;

import com.mongodb.client.MongoCollection;
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
