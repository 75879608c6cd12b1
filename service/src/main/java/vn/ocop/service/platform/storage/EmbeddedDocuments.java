package vn.ocop.service.platform.storage;

import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;

/**
 * Reads the embedded store's documents straight from its H2 maps, for scans over a whole collection. The server
 * answers a find with every matching document held in memory at once (mongo-java-server's in-memory cursor): a batch
 * replay of 100,000 records ran out of heap (docs/benchmarks.md, target 5). Here a scan walks the map's current
 * version lazily, matches each document with the server's own query matcher and hands it over as the driver would
 * have decoded it (the same BSON codec both ways), so only the document at hand is in memory.
 */
final class EmbeddedDocuments {
    private final DurableH2Backend backend;

    EmbeddedDocuments(DurableH2Backend backend) {
        this.backend = backend;
    }

    /** How many documents match, counted over the map (the server's count holds every match in memory). */
    long count(MongoCollection<Document> collection, Bson filter) {
        return backend.onAVersionKept(() -> {
            if (filter.toBsonDocument().isEmpty())
                return backend.documents(collection.getNamespace().getFullName())
                        .sizeAsLong();
            long[] n = {0};
            walk(collection, filter, stored -> ++n[0] > 0);
            return n[0];
        });
    }

    /** Calls {@code each} with every matching document until it answers false, on one version of the store. */
    void forEach(MongoCollection<Document> collection, Bson filter, Predicate<Document> each) {
        backend.onAVersionKept(() -> {
            scan(collection, filter, each);
            return null;
        });
    }

    private void scan(MongoCollection<Document> collection, Bson filter, Predicate<Document> each) {
        Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
        ByteBuf buf = Unpooled.buffer(16 * 1024);
        walk(collection, filter, stored -> each.test(toDriver(stored, buf, codec)));
    }

    /** The collection's map in order, each document the filter matches as the server holds it, until told to stop. */
    private void walk(
            MongoCollection<Document> collection, Bson filter, Predicate<de.bwaldvogel.mongo.bson.Document> each) {
        de.bwaldvogel.mongo.bson.Document query =
                toServer(filter.toBsonDocument(Document.class, collection.getCodecRegistry()));
        QueryMatcher matcher = new DefaultQueryMatcher();
        for (de.bwaldvogel.mongo.bson.Document stored :
                backend.documents(collection.getNamespace().getFullName()).values()) {
            if (matcher.matches(stored, query) && !each.test(stored)) return;
        }
    }

    /**
     * The documents with these {@code _id}s that exist, each read by its key from the collection's map: the map is
     * keyed by {@code _id} (the server's own layout), so no query, index or matcher is needed.
     */
    List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        return backend.onAVersionKept(() -> {
            var map = backend.documents(collection.getNamespace().getFullName());
            Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
            ByteBuf buf = Unpooled.buffer(16 * 1024);
            List<Document> out = new ArrayList<>(ids.size());
            // each stored document once, as an _id $in gives it; a null id names no document (and no map key)
            for (Object id : new LinkedHashSet<>(ids)) {
                de.bwaldvogel.mongo.bson.Document stored = id == null ? null : map.get(id);
                if (stored != null) out.add(toDriver(stored, buf, codec));
            }
            return out;
        });
    }

    /**
     * The first document matching the filter, found by the server's own query code in-process (its indexes too),
     * without the wire protocol.
     */
    Optional<Document> first(MongoCollection<Document> collection, Bson filter) {
        return backend.onAVersionKept(() -> {
            var namespace = collection.getNamespace();
            var stored = backend.resolveDatabase(namespace.getDatabaseName())
                    .resolveCollection(namespace.getCollectionName(), false);
            if (stored == null) return Optional.<Document>empty();
            Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
            var query = toServer(filter.toBsonDocument(Document.class, collection.getCodecRegistry()));
            for (de.bwaldvogel.mongo.bson.Document d : stored.handleQuery(query, 0, 1))
                return Optional.of(toDriver(d, Unpooled.buffer(16 * 1024), codec));
            return Optional.<Document>empty();
        });
    }

    private static de.bwaldvogel.mongo.bson.Document toServer(BsonDocument filter) {
        RawBsonDocument raw = new RawBsonDocument(filter, new BsonDocumentCodec());
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(raw.getByteBuffer().asNIO()));
    }

    /**
     * The document as the driver decodes it. The server may change a document it keeps in memory while this thread
     * encodes it, as for the server's own answers ({@link DurableH2Backend#unchangedWhileRead}).
     */
    private static Document toDriver(de.bwaldvogel.mongo.bson.Document stored, ByteBuf buf, Codec<Document> codec) {
        boolean encoded = DurableH2Backend.unchangedWhileRead(() -> {
                    BsonEncoder.encodeDocument(stored, buf.clear());
                    return true;
                })
                != null;
        if (!encoded) {
            throw new ConcurrentModificationException("a stored document kept changing while it was read");
        }
        try (BsonBinaryReader reader = new BsonBinaryReader(buf.nioBuffer())) {
            return codec.decode(reader, DecoderContext.builder().build());
        }
    }
}
