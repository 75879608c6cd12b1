package vn.ocop.service.platform.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/** The embedded store on a file, served on loopback and reached through the MongoDB driver; closing it commits. */
record RunningStore(MVStore mv, DurableH2Backend backend, MongoServer server, MongoClient client)
        implements AutoCloseable {
    /** {@code bson}: this service's storage format (BSON documents, ordered indexes); false: mongo-java-server's. */
    static RunningStore open(Path file, boolean bson) {
        MVStore mv = new MVStore.Builder().fileName(file.toString()).open();
        DurableH2Backend backend = new DurableH2Backend(mv, false, bson);
        MongoServer server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(EmbeddedMongoConfiguration.LOOPBACK, 0));
        MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        return new RunningStore(mv, backend, server, client);
    }

    MongoCollection<Document> things() {
        return client.getDatabase("ocop").getCollection("things");
    }

    @Override
    public void close() {
        client.close();
        server.shutdown(); // closes the backend, which commits and closes the store
    }
}
