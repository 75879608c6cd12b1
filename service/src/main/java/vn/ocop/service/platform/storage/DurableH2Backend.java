package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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
    private final MVStore store;
    /** Commands by name (the only client is this process's driver, so the names are few), logged at close. */
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.group = new GroupCommit(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
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
            Document answer = super.handleCommand(channel, database, command, query);
            return READS.contains(command.toLowerCase(Locale.ROOT)) ? detached(answer) : answer;
        } finally {
            // also after a failed write: part of it (e.g. of a batch) may have been applied
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                group.awaitCommitted(group.applied());
            }
        }
    }

    /**
     * A copy of a read's answer that no other thread holds. The backend hands out the documents it keeps in memory;
     * a concurrent write changing one while the netty encoder iterates it threw ConcurrentModificationException in
     * the encoder and dropped the connection (issue 10; seen once under load, not reproduced on demand). The copy
     * is taken here, on the reading thread, and retried if a write interferes with the copy itself.
     */
    static Document detached(Document answer) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return answer.cloneDeeply();
            } catch (java.util.ConcurrentModificationException e) {
                Thread.onSpinWait();
            }
        }
        return answer;
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

    @Override
    public void close() {
        Map<String, Long> counts = new TreeMap<>();
        commands.forEach((k, v) -> counts.put(k, v.sum()));
        log.info("Embedded store: {} write commands, {} commits; commands {}", group.writes(), group.commits(), counts);
        if (!store.isClosed()) store.commit();
        super.close();
    }
}
