package vn.ocop.service.audit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.platform.security.IntegrityKey;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.DocumentHash;

import static com.mongodb.client.model.Filters.eq;

/**
 * The audit log as one hash chain: each entry gets {@code sequence} (unique, sparse: entries from before have none),
 * {@code previousHash}, {@code hash} (SHA-256 of its canonical form without hash and mac) and {@code mac}. The head is
 * the document {@code audit_log} in {@code evidence_heads}. Same write order as the evaluation chain: the entry first,
 * then the head; a stopped writer's entry is adopted by the next writer or by verify. Appends in one process are
 * serialised; another process's entry makes the insert hit the unique index and the head is recovered by exact keys.
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
        this.heads = mongo.getCollection(HEADS);
        this.key = key;
        log.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true).sparse(true).name("sequence"));
        heads.createIndex(Indexes.ascending("_id", "lastSequence"), new IndexOptions().unique(true).name("id_sequence"));
    }

    record Head(long sequence, String hash, String mac) {}

    static String entryMessage(String hash) {
        return "ocop:audit-entry:" + hash;
    }

    static String headMessage(long sequence, String hash) {
        return "ocop:audit-head:" + sequence + ":" + hash;
    }

    synchronized void append(Document entry) {
        if (lastSequence < 0) {
            Head h = recover(stored());
            lastSequence = h.sequence();
            lastHash = h.hash();
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Document d = new Document(entry);
            d.put("sequence", lastSequence + 1);
            d.put("previousHash", lastHash);
            d.put("hash", DocumentHash.sha256(d, NOT_HASHED));
            d.put("mac", key.mac(EVIDENCE, entryMessage(d.getString("hash"))));
            try {
                log.insertOne(d);
            } catch (MongoException e) {
                if (!Bson.isDuplicateKey(e)) throw e;
                Head h = recover(new Head(lastSequence, lastHash, null));
                if (h.sequence() == lastSequence) throw new IllegalStateException("audit log entry " + (lastSequence + 1)
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
        return hash != null && previousHash.equals(next.getString("previousHash"))
                && hash.equals(DocumentHash.sha256(next, NOT_HASHED)) && key.verify(next.getString("mac"), EVIDENCE, entryMessage(hash));
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
        Document update = new Document("lastSequence", sequence).append("lastHash", hash)
                .append("mac", key.mac(EVIDENCE, headMessage(sequence, hash)));
        for (int attempt = 0; attempt < 10; attempt++) {
            Document d = heads.find(eq("_id", HEAD_ID)).first();
            if (d == null) {
                try {
                    heads.insertOne(new Document("_id", HEAD_ID).append("lastSequence", sequence).append("lastHash", hash)
                            .append("mac", update.getString("mac")));
                    return;
                } catch (MongoException e) {
                    if (!Bson.isDuplicateKey(e)) throw e;
                    continue;
                }
            }
            long current = d.get("lastSequence", Number.class).longValue();
            if (current >= sequence) return;
            if (heads.updateOne(new Document("_id", HEAD_ID).append("lastSequence", current),
                    Updates.combine(Updates.set("lastSequence", sequence), Updates.set("lastHash", hash),
                            Updates.set("mac", update.getString("mac")))).getModifiedCount() == 1) {
                return;
            }
        }
    }

    /** Forget the cached head (after the store was changed underneath, e.g. in tests). */
    synchronized void forgetCachedHead() {
        lastSequence = -1;
    }
}
