package vn.ocop.service;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the measurements behind docs/operations.md. Run with
 * {@code mvn -q -o -pl service -am -Pbench test -Dtest=EmbeddedStoreMeasurements -Docop.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "ocop.measure", matches = "true")
class EmbeddedStoreMeasurements {
    static final int DOCS = Integer.getInteger("ocop.measure.docs", 20_000);

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("ocop-measure");
        for (boolean commitEachWrite : new boolean[] {false, true}) {
            MVStore store = new MVStore.Builder()
                    .fileName(dir.resolve("m" + commitEachWrite + ".mv").toString())
                    .open();
            H2Backend backend = commitEachWrite ? newDurable(store) : new H2Backend(store);
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                var db = client.getDatabase("m");
                MongoCollection<Document> indexed = db.getCollection("indexed");
                MongoCollection<Document> plain = db.getCollection("plain");
                indexed.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
                indexed.createIndex(Indexes.ascending("dossierId", "sequence"), new IndexOptions().unique(true));
                fill(indexed);
                fill(plain);
                System.out.printf(
                        "%n== %s, %d documents per collection%n",
                        commitEachWrite ? "commit after each write" : "stock H2 backend", DOCS);
                time(
                        "insertOne",
                        500,
                        i -> indexed.insertOne(new Document("_id", "new-" + i)
                                .append("version", 1L)
                                .append("dossierId", "new-" + i)
                                .append("sequence", 1L)));
                time(
                        "find by _id",
                        500,
                        i -> indexed.find(eq("_id", "d" + (i * 37 % DOCS))).first());
                time(
                        "update Filters.and(_id, version) ($and form) with that index",
                        50,
                        i -> indexed.updateOne(
                                and(eq("_id", "d" + (i * 37 % DOCS)), eq("version", 1L)), Updates.set("x", i)));
                time(
                        "update {_id, version} with unique index {_id, version}",
                        200,
                        i -> indexed.updateOne(
                                new Document("_id", "d" + (i * 37 % DOCS)).append("version", 1L), Updates.set("x", i)));
                time(
                        "update {_id, version} without that index",
                        20,
                        i -> plain.updateOne(
                                new Document("_id", "d" + (i * 37 % DOCS)).append("version", 1L), Updates.set("x", i)));
                time(
                        "find {dossierId, sequence $in [1..5]} with unique index",
                        200,
                        i -> indexed.find(new Document("dossierId", "d" + (i * 37 % DOCS))
                                        .append(
                                                "sequence",
                                                new Document(
                                                        "$in",
                                                        LongStream.rangeClosed(1, 5)
                                                                .boxed()
                                                                .toList())))
                                .first());
                time(
                        "find {dossierId, sequence} exact with unique index",
                        200,
                        i -> indexed.find(new Document("dossierId", "d" + (i * 37 % DOCS)).append("sequence", 1L))
                                .first());
                time(
                        "find {dossierId} alone (not the index's keys: scan)",
                        20,
                        i -> indexed.find(eq("dossierId", "d" + (i * 37 % DOCS)))
                                .first());
                time(
                        "find by _id $in [3 ids]",
                        200,
                        i -> indexed.find(in("_id", List.of("d" + i, "d" + (i + 1), "d" + (i + 2))))
                                .into(new ArrayList<>()));
                // every timed insert landed (500 timed plus time()'s warm-up call): the figures measured real writes
                assertThat(indexed.countDocuments()).isEqualTo(DOCS + 501L);
            } finally {
                server.shutdown();
            }
        }
    }

    /**
     * Concurrent inserts from 8 client threads (own connections from the driver's pool): one commit per write (the
     * former DurableH2Backend, inlined below) against group commit (DurableH2Backend now), each with netty's default
     * event loops (2 per core) and with 16 (the service's default, ocop.storage.embedded.threads).
     */
    @Test
    void concurrentInserts() throws Exception {
        Path dir = Files.createTempDirectory("ocop-concurrent");
        int threads = 8;
        int perThread = Integer.getInteger("ocop.measure.inserts", 300);
        String[] modes = {
            "commit per write, default event loops",
            "group commit, default event loops",
            "commit per write, 16 event loops",
            "group commit, 16 event loops"
        };
        for (int round = 0; round < 2; round++) {
            for (int mode = 0; mode < modes.length; mode++) {
                MVStore store = new MVStore.Builder()
                        .fileName(dir.resolve("c" + round + mode + ".mv").toString())
                        .open();
                store.setRetentionTime(0);
                H2Backend backend = mode % 2 == 0 ? new CommitPerWrite(store) : newDurable(store);
                MongoServer server = new MongoServer(backend);
                server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 0, mode < 2 ? 0 : 16);
                try (MongoClient client = MongoClients.create(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                    MongoCollection<Document> c = client.getDatabase("c").getCollection("c");
                    c.createIndex(Indexes.ascending("dossierId", "sequence"), new IndexOptions().unique(true));
                    for (int i = 0; i < 200; i++)
                        c.insertOne(new Document("_id", "warm" + i)
                                .append("dossierId", "w" + i)
                                .append("sequence", 1L));
                    long[] latencies = new long[threads * perThread];
                    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                    List<Thread> workers = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int me = t;
                        Thread w = new Thread(() -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            for (int i = 0; i < perThread; i++) {
                                long s = System.nanoTime();
                                c.insertOne(new Document("_id", "t" + me + "-" + i)
                                        .append("dossierId", "t" + me)
                                        .append("sequence", (long) i)
                                        .append("payload", "x".repeat(500)));
                                latencies[me * perThread + i] = System.nanoTime() - s;
                            }
                        });
                        w.start();
                        workers.add(w);
                    }
                    long start = System.nanoTime();
                    go.countDown();
                    for (Thread w : workers) w.join();
                    assertThat(c.countDocuments())
                            .as("every acknowledged insert is stored")
                            .isEqualTo(200L + (long) threads * perThread);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    java.util.Arrays.sort(latencies);
                    String groups = "";
                    if (mode % 2 == 1) {
                        var writes = backend.getClass().getDeclaredMethod("writes");
                        var commits = backend.getClass().getDeclaredMethod("commits");
                        writes.setAccessible(true);
                        commits.setAccessible(true);
                        long w = (long) writes.invoke(backend);
                        long k = (long) commits.invoke(backend);
                        groups = String.format(", %d writes / %d commits = %.1f per commit", w, k, (double) w / k);
                    }
                    System.out.printf(
                            "%-40s %6.0f inserts/s, p50 %.2f ms, p99 %.2f ms%s%n",
                            modes[mode],
                            latencies.length / seconds,
                            latencies[latencies.length / 2] / 1e6,
                            latencies[(int) (latencies.length * 0.99)] / 1e6,
                            groups);
                } finally {
                    server.shutdown();
                }
            }
        }
    }

    /** The former DurableH2Backend: one commit per write command, on the thread that ran it. */
    private static final class CommitPerWrite extends H2Backend {
        private final MVStore store;

        CommitPerWrite(MVStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(
                io.netty.channel.Channel channel,
                String database,
                String command,
                de.bwaldvogel.mongo.bson.Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                if (command.equalsIgnoreCase("insert")) store.commit();
            }
        }
    }

    /** File size of the embedded store while writing one document per commit. */
    @Test
    void fileGrowth() throws Exception {
        Path file = Files.createTempDirectory("ocop-growth").resolve("g.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.setRetentionTime(Integer.getInteger("ocop.measure.retention", 45_000));
        System.out.printf("%nretention time %d ms%n", store.getRetentionTime());
        MongoServer server = new MongoServer(newDurable(store));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> c = client.getDatabase("g").getCollection("c");
            long start = System.nanoTime();
            for (int i = 1; i <= 20_000; i++) {
                c.insertOne(new Document("_id", "d" + i).append("payload", "x".repeat(2000)));
                if (i % 2000 == 0) {
                    System.out.printf(
                            "%6d writes: file %6.1f MB, fill rate %d%%, %.2f ms/write%n",
                            i, Files.size(file) / 1e6, store.getFillRate(), (System.nanoTime() - start) / 1e6 / i);
                }
            }
            assertThat(c.countDocuments()).isEqualTo(20_000L);
        } finally {
            server.shutdown();
        }
        System.out.printf("after close: %.1f MB%n", Files.size(file) / 1e6);
    }

    private static H2Backend newDurable(MVStore store) throws Exception {
        var c = Class.forName("vn.ocop.service.platform.storage.DurableH2Backend")
                .getDeclaredConstructor(MVStore.class, boolean.class);
        c.setAccessible(true);
        return (H2Backend) c.newInstance(store, false);
    }

    private static void fill(MongoCollection<Document> c) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            batch.add(new Document("_id", "d" + i)
                    .append("version", 1L)
                    .append("dossierId", "d" + i)
                    .append("sequence", 1L)
                    .append("payload", "x".repeat(500)));
            if (batch.size() == 1000) {
                c.insertMany(batch);
                batch.clear();
            }
        }
    }

    interface Op {
        void run(int i);
    }

    private static void time(String what, int n, Op op) {
        op.run(0);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) op.run(i);
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("%-60s %10.3f ms/op (%d ops)%n", what, ms, n);
    }
}
