package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend that acknowledges a write command only after an MVStore commit that covers it.
 * The stock backend relies on MVStore's background auto-commit (about once a second), so a process killed right
 * after an acknowledged write could lose it (measured: see docs/operations.md).
 * <p>
 * Writes that arrive together share one commit ({@link GroupCommit}): each write command, once applied, waits
 * until a commit that started after it has completed; the first waiter commits for all of them. Commands run on
 * mongo-java-server's netty event-loop threads, which already do all the store's work (and, before, one commit
 * per write) synchronously; a waiting write blocks only its own event loop, and only while another event loop's
 * thread is committing, so this cannot deadlock however few event loops there are. The server is started with
 * more event loops than netty's default (see {@link EmbeddedMongoConfiguration}) so that more writes can queue
 * for one commit.
 * <p>
 * A write sent with the write concern {@code j: false} (journal not required, MongoDB's own meaning: acknowledged once
 * applied in memory) is answered without waiting: it becomes durable with the next commit, which any later write that
 * waits makes, and a commit stores everything applied before it started. For pointers that can be rebuilt from what
 * they point to (chain heads), written after the write they point to was made durable ({@link Bson#POINTER}).
 * <p>
 * Collections store their documents as BSON ({@link BsonValueType}) and keep their unique indexes in maps whose keys
 * compare without serialization ({@link OrderedUniqueIndex}) unless built with {@code bsonValues} false.
 * <p>
 * With {@code fsync} each commit is also forced to the disk (survives power loss; one sync per group, not per write).
 * It also answers {@code hello} like {@code isMaster}.
 */
class DurableH2Backend extends H2Backend {
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "createindexes",
            "dropindexes",
            "drop",
            "dropdatabase",
            "create",
            "renamecollection");
    /** Commands whose answers carry stored documents. */
    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "findandmodify", "distinct");

    private final GroupCommit group;
    private final LongAdder deferred = new LongAdder();
    private final MVStore store;
    /** Commands by name (the only client is this process's driver, so the names are few), logged at close. */
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    private final boolean bsonValues;
    /** {@code bsonValues} while H2Backend's constructor opens the databases already in the file. */
    private static final ThreadLocal<Boolean> OPENING_WITH_BSON = new ThreadLocal<>();

    DurableH2Backend(MVStore store, boolean fsync) {
        this(store, fsync, true);
    }

    /** {@code bsonValues}: documents of collections opened from now on are stored as BSON ({@link BsonValueType}). */
    DurableH2Backend(MVStore store, boolean fsync, boolean bsonValues) {
        super(opening(store, bsonValues));
        OPENING_WITH_BSON.remove();
        this.store = store;
        this.bsonValues = bsonValues;
        this.group = new GroupCommit(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // also called by H2Backend's constructor for the databases in the file, before this class's fields are set
        Boolean opening = OPENING_WITH_BSON.get();
        return (opening != null ? opening : bsonValues)
                ? new BsonValuesDatabase(databaseName, getMvStore(), getCursorRegistry())
                : super.openOrCreateDatabase(databaseName);
    }

    private static MVStore opening(MVStore store, boolean bsonValues) {
        OPENING_WITH_BSON.set(bsonValues);
        return store;
    }

    /** H2Database whose collections keep their documents as BSON; the maps and their names are the stock ones. */
    private final class BsonValuesDatabase extends H2Database {
        BsonValuesDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors); // opens the collections in the file: the outer instance is already set
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = openDocuments(store, namespace, true);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /** Unique indexes whose keys compare without Java serialization ({@link OrderedUniqueIndex}). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return OrderedUniqueIndex.open(
                    getMvStore(), stockIndexMapName(collectionName, indexName), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            OrderedUniqueIndex.remove(getMvStore(), stockIndexMapName(collection.getCollectionName(), indexName));
        }

        /** The map name mongo-java-server's H2Database gives an index (its mapNameForIndex is private). */
        private String stockIndexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * The map holding a collection's documents ({@code db.collection}), opened with the value type its collection
     * uses (or the collection's own map when it is open already), for reads that bypass the server
     * ({@link EmbeddedDocuments}).
     */
    MVMap<Object, Document> documents(String namespace) {
        return openDocuments(store, namespace, bsonValues);
    }

    private static MVMap<Object, Document> openDocuments(MVStore store, String namespace, boolean bson) {
        String name = "databases." + namespace; // the stock H2Database's name
        return bson
                ? store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new BsonValueType()))
                : store.openMap(name);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        commands.computeIfAbsent(command.toLowerCase(Locale.ROOT), k -> new LongAdder())
                .increment();
        try {
            if (command.equalsIgnoreCase("listDatabases") && database.equals("admin")) {
                // The server answers this by opening every database anew, which re-creates all its indexes and logs a
                // line per index (the health check asks it each time: 100 checks wrote 2,001 lines). The open ones do.
                return listOpenDatabases();
            }
            if (command.equalsIgnoreCase("hello")) {
                // the server knows only the older name of this handshake (used by the actuator's health check)
                return super.handleCommand(channel, database, "isMaster", query);
            }
            Document answer = onAVersionKept(() -> super.handleCommand(channel, database, command, query));
            return READS.contains(command.toLowerCase(Locale.ROOT)) ? detached(answer) : answer;
        } finally {
            // also after a failed write: part of it (e.g. of a batch) may have been applied
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                if (journalNotRequired(query)) deferred.increment();
                else group.awaitCommitted(group.applied());
            }
        }
    }

    /**
     * Runs {@code work} with the store's current version registered as in use, so that the chunks it reads are not
     * freed and overwritten meanwhile. With a retention time of 0 ({@link EmbeddedMongoConfiguration}) H2 reuses a
     * chunk as soon as no registered version needs it: a count over 100,000 records failed with "Chunk 329 not
     * found" while the background writer rewrote chunks (docs/benchmarks.md, target 5).
     */
    <T> T onAVersionKept(java.util.function.Supplier<T> work) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return work.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /** The command's write concern says {@code j: false} (or {@code w: 0}, unacknowledged). */
    static boolean journalNotRequired(Document command) {
        if (!(command.get("writeConcern") instanceof Document wc)) return false;
        return Boolean.FALSE.equals(wc.get("j")) || (wc.get("w") instanceof Number w && w.intValue() == 0);
    }

    /**
     * A copy of a read's answer that no other thread holds. The backend hands out the documents it keeps in memory;
     * a concurrent write changing one while the netty encoder iterates it threw ConcurrentModificationException in
     * the encoder and dropped the connection (issue 10; seen once under load, not reproduced on demand). The copy
     * is taken here, on the reading thread, and retried if a write interferes with the copy itself.
     */
    static Document detached(Document answer) {
        Document copy = unchangedWhileRead(answer::cloneDeeply);
        return copy != null ? copy : answer;
    }

    /**
     * {@code read} of a document the server keeps in memory, tried again (up to 5 times) when a concurrent write
     * changes the document under it; null when every attempt was disturbed.
     */
    static <T> @org.jspecify.annotations.Nullable T unchangedWhileRead(java.util.function.Supplier<T> read) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return read.get();
            } catch (java.util.ConcurrentModificationException e) {
                Thread.onSpinWait();
            }
        }
        return null;
    }

    private Document listOpenDatabases() {
        List<Document> databases = new ArrayList<>();
        for (String name : new TreeSet<>(listDatabaseNames())) {
            databases.add(new Document("name", name)
                    .append("empty", resolveDatabase(name).isEmpty()));
        }
        Document answer = new Document("databases", databases);
        Utils.markOkay(answer);
        return answer;
    }

    /** How many commands of this name (any case) the store has answered so far. */
    long commandCount(String name) {
        LongAdder n = commands.get(name.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.sum();
    }

    /** Write commands acknowledged and commits made so far (their ratio is the average group size). */
    long writes() {
        return group.writes();
    }

    long commits() {
        return group.commits();
    }

    /** Writes acknowledged without waiting ({@code j: false}): durable with the next commit. */
    long deferredWrites() {
        return deferred.sum();
    }

    @Override
    public void close() {
        Map<String, Long> counts = new TreeMap<>();
        commands.forEach((k, v) -> counts.put(k, v.sum()));
        log.info(
                "Embedded store: {} write commands, {} commits, {} writes with j: false (no commit wait); commands {}",
                group.writes(),
                group.commits(),
                deferred.sum(),
                counts);
        if (!store.isClosed()) store.commit();
        super.close();
    }
}
