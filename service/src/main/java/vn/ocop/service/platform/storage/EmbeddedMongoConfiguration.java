package vn.ocop.service.platform.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.mongodb.uri} (or the older {@code spring.data.mongodb.uri}), starts mongo-java-server
 * with its H2 backend in-process on the loopback address only (127.0.0.1; the store has no authentication), on a
 * random port unless {@code ocop.storage.embedded.port} names one, data in {@code ocop.storage.embedded.path},
 * and points Spring's MongoDB client at it. Who can reach it: processes of this machine (docs/security.md). The same code then runs on the embedded store and on MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoUri.class)
class EmbeddedMongoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String LOOPBACK = "127.0.0.1";

    /** The store itself; closed by the server's shutdown ({@link #embeddedMongoServer}). */
    @Bean(destroyMethod = "")
    DurableH2Backend embeddedStoreBackend(
            @Value("${ocop.storage.embedded.path:./data/ocop.mv}") String path,
            @Value("${ocop.storage.embedded.fsync:false}") boolean fsync,
            @Value("${ocop.storage.embedded.retention-time:0}") int retentionMillis,
            @Value("${ocop.storage.embedded.compression:high}") String compression,
            @Value("${ocop.storage.embedded.document-format:bson}") String documentFormat,
            ObjectProvider<MeterRegistry> meters) {
        Path file = Path.of(path).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + file.getParent(), e);
        }
        // Pages are compressed when written (MVStore reads compressed and uncompressed pages alike, so older files open
        // as they are): a stored evaluation's ~24 kB page deflates to ~5 kB. Measured in docs/benchmarks.md (store
        // size).
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString());
        switch (compression) {
            case "high" -> builder.compressHigh(); // Deflate
            case "fast" -> builder.compress(); // LZF
            case "none" -> {}
            default ->
                throw new IllegalArgumentException(
                        "ocop.storage.embedded.compression must be high, fast or none, not " + compression);
        }
        MVStore store = builder.open();
        // MVStore keeps replaced chunks for 45 s by default; with a commit per write that grew the file by ~37 kB
        // per write (740 MB after 20,000 writes). 0 lets freed space be reused at once (94 MB). See operations.md.
        store.setRetentionTime(retentionMillis);
        // bson: documents are written as BSON, not Java-serialized (BsonValueType; older files open as they are)
        boolean bson = switch (documentFormat) {
            case "bson" -> true;
            case "java" -> false;
            default ->
                throw new IllegalArgumentException(
                        "ocop.storage.embedded.document-format must be bson or java, not " + documentFormat);
        };
        DurableH2Backend backend = new DurableH2Backend(store, fsync, bson);
        // commits per write (the group size) while running, e.g. per benchmark phase (bench/stored.sh)
        meters.ifAvailable(r -> {
            FunctionCounter.builder("ocop.store.writes", backend, DurableH2Backend::writes)
                    .description("write commands of the embedded store that waited for a commit")
                    .register(r);
            FunctionCounter.builder("ocop.store.commits", backend, DurableH2Backend::commits)
                    .description("commits of the embedded store")
                    .register(r);
            FunctionCounter.builder("ocop.store.deferred.writes", backend, DurableH2Backend::deferredWrites)
                    .description("write commands with j: false, acknowledged without a commit wait")
                    .register(r);
        });
        return backend;
    }

    @Bean
    EmbeddedDocuments embeddedDocuments(DurableH2Backend backend) {
        return new EmbeddedDocuments(backend);
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(
            DurableH2Backend backend,
            @Value("${ocop.storage.embedded.path:./data/ocop.mv}") String path,
            @Value("${ocop.storage.embedded.threads:16}") int threads,
            @Value("${ocop.storage.embedded.port:0}") int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "ocop.storage.embedded.port must be 0 (a random port) or 1-65535, not " + port);
        }
        MongoServer server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        // Commands run on the server's netty event loops (netty's default: 2 per core). A write waiting for its group
        // commit blocks its event loop, so more event loops let more writes (and the reads queued behind them on the
        // same connection's loop) share one commit. See DurableH2Backend and operations.md.
        // loopback only, always: the store has no authentication, so nothing off this machine may reach it
        server.bind(new InetSocketAddress(LOOPBACK, port), 1, threads);
        InetSocketAddress address = server.getLocalAddress();
        log.info(
                "Embedded MongoDB-compatible store on {} with data in {}",
                address,
                Path.of(path).toAbsolutePath());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(
            MongoServer server, @Value("${spring.mongodb.database:ocop}") String database) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString cs = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + database);
        return () -> cs;
    }

    static class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return !env.containsProperty("spring.mongodb.uri") && !env.containsProperty("spring.data.mongodb.uri");
        }
    }
}
