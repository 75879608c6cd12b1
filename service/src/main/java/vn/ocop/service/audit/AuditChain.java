package vn.ocop.service.audit;

import static com.mongodb.client.model.Filters.eq;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.DocumentHash;

/**
 * The audit log as one hash chain: each entry gets {@code sequence} (unique, sparse: entries from before have none),
 * {@code previousHash}, {@code hash} (SHA-256 of its canonical form without hash and mac) and {@code mac}. The head is
 * the document {@code audit_log} in {@code evidence_heads}. Same write order as the evaluation chain: the entry first,
 * then the head; a stopped writer's entry is adopted by the next writer or by verify. Appends in one process are
 * serialised and grouped ({@link #append}); another process's entry makes the insert hit the unique index and the head
 * is recovered by exact keys.
 */
@Component
class AuditChain {
    static final String HEADS = "evidence_heads";
    static final String HEAD_ID = "audit_log";
    static final Set<String> NOT_HASHED = Set.of("hash", "mac");
    private final MongoCollection<Document> log;
    private final MongoCollection<Document> heads;
    private final IntegrityKey key;
    private long lastSequence = -1;
    private String lastHash;

    AuditChain(MongoTemplate mongo, IntegrityKey key) {
        this.log = mongo.getCollection(AuditLog.COLLECTION);
        // the head is a pointer, moved after the entries it covers are durable: no commit wait of its own
        // (Bson.POINTER)
        this.heads = mongo.getCollection(HEADS).withWriteConcern(Bson.POINTER);
        this.key = key;
        log.createIndex(
                Indexes.ascending("sequence"),
                new IndexOptions().unique(true).sparse(true).name("sequence"));
        mongo.getCollection(HEADS)
                .createIndex(
                        Indexes.ascending("_id", "lastSequence"),
                        new IndexOptions().unique(true).name("id_sequence"));
    }

    record Head(long sequence, String hash, String mac) {}

    static String entryMessage(String hash) {
        return "ocop:audit-entry:" + hash;
    }

    static String headMessage(long sequence, String hash) {
        return "ocop:audit-head:" + sequence + ":" + hash;
    }

    /** Entries waiting to be written, in arrival order; guarded by {@code this}. */
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();

    private boolean writing; // guarded by this: a leader is writing a batch

    private static final class Pending {
        final Document entry;
        boolean done;
        RuntimeException failure;

        Pending(Document entry) {
            this.entry = entry;
        }
    }

    /**
     * Appends the entry and returns once it is stored. Concurrent callers share the work (group append, as the store's
     * group commit): one of them, the leader, takes every waiting entry, chains them in arrival order, inserts them in
     * one ordered command and moves the head once; the others wait for their entry. Before, every entry paid an insert
     * and a head update one after another, under one lock: at most one entry per two store commits (docs/benchmarks.md).
     */
    void append(Document entry) {
        Pending mine = new Pending(entry);
        synchronized (this) {
            pending.add(mine);
        }
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                while (writing && !mine.done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while the audit log entry was written", e);
                    }
                }
                if (mine.done) break;
                writing = true;
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            try {
                writeBatch(batch); // outside the monitor, so that the next entries can queue meanwhile
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
        if (mine.failure != null) throw mine.failure;
    }

    /** Called by the leader only: the chain state is touched by one thread at a time, handed over through the monitor. */
    private void writeBatch(List<Pending> batch) {
        try {
            if (lastSequence < 0) {
                Head h = recover(stored());
                lastSequence = h.sequence();
                lastHash = h.hash();
            }
            long headBefore = lastSequence;
            List<Document> docs = new ArrayList<>(batch.size());
            long seq = lastSequence;
            String hash = lastHash;
            for (Pending p : batch) {
                Document d = link(p.entry, seq + 1, hash);
                docs.add(d);
                seq++;
                hash = d.getString("hash");
            }
            try {
                if (docs.size() == 1) log.insertOne(docs.get(0));
                else log.insertMany(docs);
                lastSequence = seq;
                lastHash = hash;
                advanceFrom(headBefore, lastSequence, lastHash);
            } catch (MongoException e) {
                if (!Bson.isDuplicateKey(e) && !(e instanceof com.mongodb.MongoBulkWriteException)) throw e;
                // another process took a number: the ones of this batch that are in are adopted by recovery, the rest
                // are appended one by one after the recovered head
                lastSequence = -1;
                for (Pending p : batch) {
                    if (log.find(eq("_id", p.entry.get("_id"))).first() == null) appendOne(p.entry);
                }
            }
            for (Pending p : batch) p.done = true;
        } catch (RuntimeException e) {
            lastSequence = -1; // re-read the head next time
            for (Pending p : batch) {
                p.failure = e;
                p.done = true;
            }
        }
    }

    private Document link(Document entry, long sequence, String previousHash) {
        Document d = new Document(entry);
        d.put("sequence", sequence);
        d.put("previousHash", previousHash);
        d.put("hash", DocumentHash.sha256(d, NOT_HASHED));
        d.put("mac", key.mac(EVIDENCE, entryMessage(d.getString("hash"))));
        return d;
    }

    /** One entry after the stored head, recovering past entries other processes wrote. */
    private void appendOne(Document entry) {
        if (lastSequence < 0) {
            Head h = recover(stored());
            lastSequence = h.sequence();
            lastHash = h.hash();
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Document d = link(entry, lastSequence + 1, lastHash);
            try {
                log.insertOne(d);
            } catch (MongoException e) {
                if (!Bson.isDuplicateKey(e)) throw e;
                Head h = recover(new Head(lastSequence, lastHash, null));
                if (h.sequence() == lastSequence)
                    throw new IllegalStateException("audit log entry " + (lastSequence + 1)
                            + " is taken by an entry this service did not sign; verify the audit log");
                lastSequence = h.sequence();
                lastHash = h.hash();
                continue;
            }
            lastSequence = d.getLong("sequence");
            lastHash = d.getString("hash");
            advance(lastSequence, lastHash);
            return;
        }
        throw new IllegalStateException("could not take an audit log number");
    }

    /** Moves the head from the sequence this process last stored (one compare-and-set), else as {@link #advance}. */
    private void advanceFrom(long current, long sequence, String hash) {
        if (current > 0
                && heads.updateOne(
                                        new Document("_id", HEAD_ID).append("lastSequence", current),
                                        Updates.combine(
                                                Updates.set("lastSequence", sequence),
                                                Updates.set("lastHash", hash),
                                                Updates.set("mac", key.mac(EVIDENCE, headMessage(sequence, hash)))))
                                .getModifiedCount()
                        == 1) {
            return;
        }
        advance(sequence, hash);
    }

    /** The stored head; sequence 0 and the genesis hash when there is none yet. */
    Head stored() {
        Document d = heads.find(eq("_id", HEAD_ID)).first();
        if (d == null) return new Head(0, RecordHash.GENESIS, null);
        return new Head(d.get("lastSequence", Number.class).longValue(), d.getString("lastHash"), d.getString("mac"));
    }

    boolean headSigned(Head h) {
        return h.mac() != null && key.verify(h.mac(), EVIDENCE, headMessage(h.sequence(), h.hash()));
    }

    Document entryAt(long sequence) {
        return log.find(new Document("sequence", sequence)).first();
    }

    /** The entry is hashed correctly, linked to {@code previousHash} and signed: written by this service. */
    boolean adoptable(String previousHash, Document next) {
        String hash = next.getString("hash");
        return hash != null
                && previousHash.equals(next.getString("previousHash"))
                && hash.equals(DocumentHash.sha256(next, NOT_HASHED))
                && key.verify(next.getString("mac"), EVIDENCE, entryMessage(hash));
    }

    boolean adoptableMac(Document entry) {
        return key.verify(entry.getString("mac"), EVIDENCE, entryMessage(entry.getString("hash")));
    }

    /** The head moved forward over every entry after it that this service wrote (exact-key probes). */
    Head recover(Head from) {
        long seq = from.sequence();
        String hash = from.hash();
        for (Document next = entryAt(seq + 1); next != null && adoptable(hash, next); next = entryAt(seq + 1)) {
            seq++;
            hash = next.getString("hash");
        }
        if (seq > from.sequence()) advance(seq, hash);
        return new Head(seq, hash, null);
    }

    void advance(long sequence, String hash) {
        Document update = new Document("lastSequence", sequence)
                .append("lastHash", hash)
                .append("mac", key.mac(EVIDENCE, headMessage(sequence, hash)));
        for (int attempt = 0; attempt < 10; attempt++) {
            Document d = heads.find(eq("_id", HEAD_ID)).first();
            if (d == null) {
                try {
                    heads.insertOne(new Document("_id", HEAD_ID)
                            .append("lastSequence", sequence)
                            .append("lastHash", hash)
                            .append("mac", update.getString("mac")));
                    return;
                } catch (MongoException e) {
                    if (!Bson.isDuplicateKey(e)) throw e;
                    continue;
                }
            }
            long current = d.get("lastSequence", Number.class).longValue();
            if (current >= sequence) return;
            if (heads.updateOne(
                                    new Document("_id", HEAD_ID).append("lastSequence", current),
                                    Updates.combine(
                                            Updates.set("lastSequence", sequence),
                                            Updates.set("lastHash", hash),
                                            Updates.set("mac", update.getString("mac"))))
                            .getModifiedCount()
                    == 1) {
                return;
            }
        }
    }

    /** Forget the cached head (after the store was changed underneath, e.g. in tests). */
    synchronized void forgetCachedHead() {
        lastSequence = -1;
    }
}
