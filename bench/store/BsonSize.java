import com.mongodb.client.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import org.bson.*;
import org.bson.codecs.*;
import org.h2.mvstore.MVStore;

/** BSON size of stored evaluation records, as the MongoDB Java driver encodes them (RawBsonDocument). */
public class BsonSize {
    public static void main(String[] a) throws Exception {
        MVStore store = new MVStore.Builder().fileName(a[0]).open();
        // the service's own backend: its collections hold BSON values (platform.storage.BsonValueType)
        var backend = Class.forName("vn.ocop.service.platform.storage.DurableH2Backend")
                .getDeclaredConstructor(MVStore.class, boolean.class);
        backend.setAccessible(true);
        MongoServer server = new MongoServer((MongoBackend) backend.newInstance(store, false));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<RawBsonDocument> c = client.getDatabase("ocop").getCollection("evaluations", RawBsonDocument.class);
            long n = 0, total = 0, min = Long.MAX_VALUE, max = 0;
            for (RawBsonDocument d : c.find().batchSize(500)) {
                int size = d.getByteBuffer().remaining();
                n++; total += size; min = Math.min(min, size); max = Math.max(max, size);
            }
            // the driver's codec on the same record read as a Document: encoded length
            org.bson.Document doc = client.getDatabase("ocop").getCollection("evaluations").find().first();
            org.bson.io.BasicOutputBuffer out = new org.bson.io.BasicOutputBuffer();
            new DocumentCodec().encode(new BsonBinaryWriter(out), doc, EncoderContext.builder().build());
            System.out.printf("evaluations: %d records, BSON bytes avg %d, min %d, max %d; DocumentCodec of the first: %d bytes; JSON %d chars%n",
                    n, total / n, min, max, out.getSize(), doc.toJson().length());
            for (String coll : new String[] {"audit_log", "dossiers", "assessments", "chains"}) {
                long m = 0, t = 0;
                for (RawBsonDocument d : client.getDatabase("ocop").getCollection(coll, RawBsonDocument.class).find().batchSize(500)) { m++; t += d.getByteBuffer().remaining(); }
                System.out.printf("%s: %d documents, BSON bytes avg %d%n", coll, m, m == 0 ? 0 : t / m);
            }
        }
        server.shutdownNow();
        System.exit(0); // the backend's commit thread is not a daemon
    }
}
