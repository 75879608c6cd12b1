package vn.ocop.service.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;

/**
 * Issue 14: a health check (Spring Boot's own MongoDB health indicator, as /actuator/health runs it) on the embedded
 * store creates nothing and logs nothing: no index re-created, no collection, no line at INFO or above, on a fresh
 * store and after a restart over existing data. The last test shows the check would see the old fault: the stock
 * backend re-opens every database on each check and logs its indexes again.
 */
class EmbeddedStoreHealthCheckTests {
    @TempDir
    Path dir;

    ListAppender<ILoggingEvent> events;
    Logger root;
    Logger database;
    Level rootLevel;
    Level databaseLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        database = (Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase");
        rootLevel = root.getLevel();
        databaseLevel = database.getLevel();
        // the test logback file silences the store; here its INFO lines (indexes created) count
        root.setLevel(Level.INFO);
        database.setLevel(null);
        events = new ListAppender<>();
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
        root.setLevel(rootLevel);
        database.setLevel(databaseLevel);
    }

    @Test
    void healthChecksOnAFreshStoreCreateAndLogNothing() {
        try (Store store = Store.open(dir.resolve("ocop.mv"), mv -> new DurableH2Backend(mv, false))) {
            store.useLikeTheService();
            assertHealthChecksCreateAndLogNothing(store);
        }
    }

    @Test
    void healthChecksAfterARestartCreateAndLogNothing() {
        Path file = dir.resolve("ocop.mv");
        try (Store store = Store.open(file, mv -> new DurableH2Backend(mv, false))) {
            store.useLikeTheService();
        }
        try (Store store = Store.open(file, mv -> new DurableH2Backend(mv, false))) {
            store.useLikeTheService(); // the service's start-up declares its indexes again (they exist: nothing new)
            assertHealthChecksCreateAndLogNothing(store);
        }
    }

    @Test
    void theCheckWouldSeeTheStockBackendReCreatingIndexes() {
        try (Store store = Store.open(dir.resolve("ocop.mv"), StockBackendThatSaysHello::new)) {
            store.useLikeTheService();
            events.list.clear();
            for (int i = 0; i < 5; i++) assertThat(store.health().getStatus()).isEqualTo(Status.UP);
            assertThat(lines())
                    .as("the stock backend logs index lines on health checks")
                    .isNotEmpty();
        }
    }

    private void assertHealthChecksCreateAndLogNothing(Store store) {
        long createIndexes = store.durable.commandCount("createIndexes");
        List<String> collections =
                store.client.getDatabase("ocop").listCollectionNames().into(new java.util.ArrayList<>());
        events.list.clear();
        for (int i = 0; i < 50; i++) {
            Health health = store.health();
            assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
        }
        assertThat(lines())
                .as("log lines at INFO and above during 50 health checks")
                .isEmpty();
        assertThat(store.durable.commandCount("createIndexes"))
                .as("createIndexes commands")
                .isEqualTo(createIndexes);
        assertThat(store.client.getDatabase("ocop").listCollectionNames().into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(collections);
    }

    private List<String> lines() {
        return events.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }

    /** The stock backend, taught only the {@code hello} handshake (else the health indicator says DOWN). */
    private static final class StockBackendThatSaysHello extends H2Backend {
        StockBackendThatSaysHello(MVStore store) {
            super(store);
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(
                io.netty.channel.Channel channel,
                String database,
                String command,
                de.bwaldvogel.mongo.bson.Document query) {
            return super.handleCommand(
                    channel, database, command.equalsIgnoreCase("hello") ? "isMaster" : command, query);
        }
    }

    /** A store like EmbeddedMongoConfiguration's (loopback, H2 file) and a driver client on it. */
    private static final class Store implements AutoCloseable {
        final MongoServer server;
        final MongoClient client;
        final DurableH2Backend durable;

        private Store(MongoServer server, MongoClient client, DurableH2Backend durable) {
            this.server = server;
            this.client = client;
            this.durable = durable;
        }

        static Store open(Path file, Function<MVStore, H2Backend> backend) {
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            MVStore mv = new MVStore.Builder().fileName(file.toString()).open();
            H2Backend b = backend.apply(mv);
            MongoServer server = new MongoServer(b.version(ServerVersion.MONGO_5_0));
            server.bind(new InetSocketAddress(EmbeddedMongoConfiguration.LOOPBACK, 0));
            MongoClient client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            return new Store(server, client, b instanceof DurableH2Backend d ? d : null);
        }

        /** What the service's stores do at start: a unique and a secondary index (the secondary one logs a WARN). */
        void useLikeTheService() {
            var things = client.getDatabase("ocop").getCollection("things");
            things.createIndex(
                    Indexes.ascending("_id", "version"),
                    new IndexOptions().unique(true).name("id_version"));
            things.createIndex(Indexes.ascending("provinceCode", "status"), new IndexOptions().name("province_status"));
            things.insertOne(
                    new Document("version", 1).append("provinceCode", "82").append("status", "DRAFT"));
        }

        Health health() {
            return new MongoHealthIndicator(client).health(true);
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
        }
    }
}
