import com.mongodb.client.*;
import com.mongodb.client.model.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import java.io.File;
import java.nio.file.*;
import java.util.*;

/** The app's write pattern per stored evaluation, commit after each write, with MVStore settings from args. */
public class Grow {
    public static void main(String[] a) throws Exception {
        String mode = a[0]; int n = Integer.parseInt(a[1]); int split = a.length > 2 ? Integer.parseInt(a[2]) : 0;
        String file = Files.createTempDirectory("grow").resolve(mode + ".mv").toString();
        MVStore.Builder b = new MVStore.Builder().fileName(file);
        if (mode.contains("lzf")) b.compress();
        if (mode.contains("deflate")) b.compressHigh();
        if (split > 0) b.pageSplitSize(split);
        MVStore store = b.open();
        store.setRetentionTime(0);
        H2Backend backend = new H2Backend(store) {
            @Override public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel c, String db, String cmd, de.bwaldvogel.mongo.bson.Document q) {
                var r = super.handleCommand(c, db, cmd, q);
                if (!cmd.equalsIgnoreCase("find")) store.commit();
                return r;
            }
        };
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        String json = Files.readString(Path.of(a.length > 3 ? a[3] : "bench/store/record.json"));
        long t0 = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            var db = client.getDatabase("ocop");
            var ev = db.getCollection("evaluations"); var dossiers = db.getCollection("dossiers"); var chains = db.getCollection("chains"); var audit = db.getCollection("audit_log");
            ev.createIndex(Indexes.ascending("dossierId", "sequence"), new IndexOptions().unique(true));
            audit.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true));
            for (int d = 0; d < 200; d++) {
                dossiers.insertOne(new Document("_id", "d" + d).append("version", 1L).append("name", "x".repeat(800)));
                chains.insertOne(new Document("_id", "d" + d).append("lastSequence", 0L).append("lastHash", "h".repeat(64)).append("mac", "m".repeat(64)));
            }
            for (int i = 0; i < n; i++) {
                Document r = Document.parse(json);
                r.put("_id", UUID.randomUUID().toString()); r.put("dossierId", "d" + (i % 200)); r.put("sequence", (long) (i / 200 + 1));
                ev.insertOne(r);
                chains.updateOne(new Document("_id", "d" + (i % 200)), Updates.set("lastSequence", (long) (i / 200 + 1)));
                dossiers.updateOne(new Document("_id", "d" + (i % 200)), Updates.inc("version", 1L));
                if (mode.contains("periodic") && i % 250 == 249) { long c0 = System.nanoTime(); store.compactFile(500); if (i % 1000 == 999) System.out.printf("compactFile at %d: %d ms, file %d%n", i, (System.nanoTime() - c0) / 1_000_000, new File(file).length()); }
                audit.insertOne(new Document("_id", UUID.randomUUID().toString()).append("sequence", (long) i).append("at", new Date()).append("actor", "admin").append("route", "/api/v1/dossiers/{id}/evaluations").append("path", "/api/v1/dossiers/" + UUID.randomUUID() + "/evaluations").append("hash", UUID.randomUUID().toString() + UUID.randomUUID()).append("mac", UUID.randomUUID().toString() + UUID.randomUUID()));
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long live = new File(file).length();
        int fill = store.getFillRate();
        if (mode.contains("compact")) store.compactFile(10_000);
        server.shutdownNow();
        System.out.printf("%s split %d: %d evaluations in %.1f s (%.0f/s); file live %d bytes = %d B/eval, fill %d%%; after close %d bytes = %d B/eval%n",
            mode, split, n, s, n / s, live, live / n, fill, new File(file).length(), new File(file).length() / n);
    }
}
