package vn.ocop.service.platform.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend that commits the MVStore after every write command, before the reply
 * is sent. The stock backend relies on MVStore's background auto-commit (about once a second), so a
 * process killed right after an acknowledged write could lose it (measured: see docs/operations.md).
 * It also answers {@code hello} like {@code isMaster}. With {@code fsync} the commit is also forced to the disk (survives power loss, costs a sync per write).
 */
class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    private final MVStore store;
    private final boolean fsync;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            if (command.equalsIgnoreCase("hello")) {
                // the server knows only the older name of this handshake (used by the actuator's health check)
                return super.handleCommand(channel, database, "isMaster", query);
            }
            return super.handleCommand(channel, database, command, query);
        } finally {
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                store.commit();
                if (fsync) {
                    store.sync();
                }
            }
        }
    }
}
