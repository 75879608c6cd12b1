import com.mongodb.client.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.*;
import org.bson.codecs.*;
import org.h2.mvstore.MVStore;

/** BSON size of stored evaluation records, as the MongoDB Java driver encodes them (RawBsonDocument). */
public class BsonSize {
    public static void main(String[] a) throws Exception {
        MVStore store = new MVStore.Builder().fileName(a[0]).open();
        MongoServer server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<RawBsonDocument> c = client.getDatabase("ocop").getCollection("evaluations", RawBsonDocument.class);
            long n = 0, total = 0, min = Long.MAX_VALUE, max = 0;
            for (RawBsonDocument d : c.find()) {
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
                for (RawBsonDocument d : client.getDatabase("ocop").getCollection(coll, RawBsonDocument.class).find()) { m++; t += d.getByteBuffer().remaining(); }
                System.out.printf("%s: %d documents, BSON bytes avg %d%n", coll, m, m == 0 ? 0 : t / m);
            }
        }
        server.shutdownNow();
    }
}
