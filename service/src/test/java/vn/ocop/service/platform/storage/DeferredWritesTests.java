package vn.ocop.service.platform.storage;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes with {@code j: false} (Bson.POINTER) are answered without a commit of their own, and the next write that waits
 * makes them durable with it: what a crash right after that write's answer keeps. The crash is a close without commit
 * (MVStore.closeImmediately), as a kill leaves the file.
 */
class DeferredWritesTests {

    @Test
    void aPointerWriteWaitsForNoCommitAndTheNextDurableWriteCommitsItToo(@TempDir Path dir) {
        Path file = dir.resolve("ocop.mv");
        MVStore mv = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        DurableH2Backend backend = new DurableH2Backend(mv, false);
        MongoServer server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(EmbeddedMongoConfiguration.LOOPBACK, 0));
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> records = client.getDatabase("ocop").getCollection("records");
            MongoCollection<Document> heads =
                    client.getDatabase("ocop").getCollection("heads").withWriteConcern(Bson.POINTER);
            records.insertOne(new Document("_id", "r1"));
            heads.insertOne(new Document("_id", "d1").append("last", "r1"));
            long commits = backend.commits();

            heads.updateOne(eq("_id", "d1"), Updates.set("last", "r2"));
            assertThat(backend.commits()).as("no commit for a pointer").isEqualTo(commits);
            assertThat(backend.deferredWrites()).isEqualTo(2);
            assertThat(heads.find(eq("_id", "d1")).first().getString("last"))
                    .as("applied at once: readers see it")
                    .isEqualTo("r2");

            records.insertOne(new Document("_id", "r3"));
            assertThat(backend.commits()).isEqualTo(commits + 1);
            heads.updateOne(eq("_id", "d1"), Updates.set("last", "r3")); // not waited for: lost by the crash
            mv.closeImmediately(); // no final commit, as a kill leaves the file: before the server's shutdown commits
        }
        try {
            server.shutdownNow();
        } catch (RuntimeException alreadyClosed) {
            // the store is closed under it, as intended
        }

        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        DurableH2Backend again = new DurableH2Backend(reopened, false);
        MongoServer second = new MongoServer(again.version(ServerVersion.MONGO_5_0));
        second.bind(new InetSocketAddress(EmbeddedMongoConfiguration.LOOPBACK, 0));
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + second.getLocalAddress().getPort())) {
            var db = client.getDatabase("ocop");
            assertThat(db.getCollection("records").countDocuments()).isEqualTo(2);
            assertThat(db.getCollection("heads").find(eq("_id", "d1")).first().getString("last"))
                    .as("the pointer write before the durable one was committed with it; the one after is lost")
                    .isEqualTo("r2");
        } finally {
            second.shutdown();
        }
    }

    @Test
    void onlyJournalFalseOrUnacknowledgedSkipsTheWait() {
        assertThat(DurableH2Backend.journalNotRequired(command(WriteConcern.W1.withJournal(false))))
                .isTrue();
        assertThat(DurableH2Backend.journalNotRequired(command(WriteConcern.UNACKNOWLEDGED)))
                .isTrue();
        assertThat(DurableH2Backend.journalNotRequired(command(WriteConcern.JOURNALED)))
                .isFalse();
        assertThat(DurableH2Backend.journalNotRequired(command(WriteConcern.W1)))
                .isFalse();
        assertThat(DurableH2Backend.journalNotRequired(new de.bwaldvogel.mongo.bson.Document("insert", "x")))
                .isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document command(WriteConcern wc) {
        de.bwaldvogel.mongo.bson.Document concern = new de.bwaldvogel.mongo.bson.Document();
        wc.asDocument()
                .forEach((k, v) -> concern.append(
                        k,
                        v.isBoolean()
                                ? v.asBoolean().getValue()
                                : v.isNumber() ? v.asNumber().intValue() : v.toString()));
        return new de.bwaldvogel.mongo.bson.Document("insert", "x").append("writeConcern", concern);
    }
}
