package vn.ocop.service.evaluation;

import static com.mongodb.client.model.Filters.eq;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.Bson;

/**
 * Chain heads, collection {@code chains}: {_id: dossierId, lastSequence, lastHash}, read by _id. The head is only a
 * pointer: the records and their unique {dossierId, sequence} index are the truth. A writer that stopped between its
 * insert and the head update leaves the head behind; the next writer's insert then hits the unique index and
 * {@link #recover} probes the exact keys {dossierId, sequence + 1}, {dossierId, sequence + 2}, … forward.
 * The head moves by compare-and-set on {_id, lastSequence}, the keys of a unique index (served on the embedded store).
 * Each head carries a MAC ({@link RecordSeal#headMessage}); recovery adopts only records that are correctly hashed,
 * linked and signed (or unsigned after an unsigned record: older data), so a forged tail is never made the head.
 */
@Component
class EvaluationChain {
    static final String COLLECTION = "chains";
    private final MongoCollection<Document> chains;
    private final EvaluationRecords records;
    private final IntegrityKey key;

    /** A head; {@code mac} null when built in memory or stored before heads were signed. */
    record Head(long sequence, String hash, String mac) {
        static final Head EMPTY = new Head(0, RecordHash.GENESIS, null);

        Head(long sequence, String hash) {
            this(sequence, hash, null);
        }
    }

    EvaluationChain(MongoTemplate mongo, EvaluationRecords records, IntegrityKey key) {
        // heads are pointers, written after the record they name is durable: no commit wait of their own (Bson.POINTER)
        this.chains = mongo.getCollection(COLLECTION).withWriteConcern(Bson.POINTER);
        this.records = records;
        this.key = key;
        mongo.getCollection(COLLECTION)
                .createIndex(
                        Indexes.ascending("_id", "lastSequence"),
                        new IndexOptions().unique(true).name("id_sequence"));
    }

    /** The head as stored (no probing); EMPTY when the dossier has no chain document yet. */
    Head stored(String dossierId) {
        Document d = chains.find(eq("_id", dossierId)).first();
        if (d == null) return Head.EMPTY;
        return new Head(d.get("lastSequence", Number.class).longValue(), d.getString("lastHash"), d.getString("mac"));
    }

    /** SIGNED when the stored head's MAC is valid, UNSIGNED when it has none (older data), else INVALID. */
    RecordSeal.State headState(String dossierId, Head head) {
        if (head.mac() == null) return RecordSeal.State.UNSIGNED;
        return key.verify(head.mac(), EVIDENCE, RecordSeal.headMessage(dossierId, head.sequence(), head.hash()))
                ? RecordSeal.State.SIGNED
                : RecordSeal.State.INVALID;
    }

    /** Every stored head (a scan of the chains collection: anchoring only). */
    void forEach(java.util.function.BiConsumer<String, Head> consumer) {
        for (Document d : chains.find()) {
            Number n = d.get("lastSequence", Number.class);
            consumer.accept(
                    String.valueOf(d.get("_id")),
                    new Head(n == null ? 0 : n.longValue(), d.getString("lastHash"), d.getString("mac")));
        }
    }

    /**
     * Whether {@code next} may follow {@code head} as written by this service: its hash is that of its canonical form,
     * it links to the head's hash, and it is signed, or unsigned after an unsigned record (older data).
     */
    boolean adoptable(String dossierId, Head head, Document next) {
        String hash = next.getString("hash");
        if (hash == null || !head.hash().equals(next.getString("previousHash"))) return false;
        try {
            if (!RecordHash.hash(next).equals(hash)) return false;
        } catch (RuntimeException e) {
            return false;
        }
        RecordSeal.State state = RecordSeal.state(key, next);
        if (state == RecordSeal.State.SIGNED) return true;
        if (state == RecordSeal.State.INVALID) return false;
        // unsigned: only older data, i.e. after an unsigned record (or as the very first record of a chain)
        if (head.sequence() == 0) return true;
        Document previous = records.findBySequence(dossierId, head.sequence());
        return previous != null && previous.get("mac") == null;
    }

    /** The stored head moved forward past every record that exists after it (exact-key probes). */
    Head recover(String dossierId, Head from) {
        Head head = from;
        for (Document next = records.findBySequence(dossierId, head.sequence() + 1);
                next != null && adoptable(dossierId, head, next);
                next = records.findBySequence(dossierId, head.sequence() + 1)) {
            head = new Head(head.sequence() + 1, next.getString("hash"));
        }
        if (head.sequence() > from.sequence()) advance(dossierId, head);
        return head;
    }

    /** Heads of dossiers that had none, in one command (batch appends). */
    void createAll(java.util.Map<String, Head> heads) {
        if (heads.isEmpty()) return;
        chains.insertMany(heads.entrySet().stream()
                .map(e -> headDocument(e.getKey(), e.getValue()))
                .toList());
    }

    /**
     * Moves the head from {@code from}, the head as this writer read it, to {@code to} in one command (a compare-and-set,
     * or the insert of a dossier's first head); if another writer moved it meanwhile, as {@link #advance}.
     */
    void advanceFrom(String dossierId, Head from, Head to) {
        try {
            if (from == Head.EMPTY) {
                chains.insertOne(headDocument(dossierId, to));
                return;
            }
            if (chains.updateOne(
                                    new Document("_id", dossierId).append("lastSequence", from.sequence()),
                                    Updates.combine(
                                            Updates.set("lastSequence", to.sequence()),
                                            Updates.set("lastHash", to.hash()),
                                            Updates.set(
                                                    "mac",
                                                    key.mac(
                                                            EVIDENCE,
                                                            RecordSeal.headMessage(
                                                                    dossierId, to.sequence(), to.hash())))))
                            .getModifiedCount()
                    == 1) {
                return;
            }
        } catch (MongoException e) {
            if (!Bson.isDuplicateKey(e)) throw e;
        }
        advance(dossierId, to);
    }

    /** Moves the stored head to {@code to} unless it is already there or further. */
    void advance(String dossierId, Head to) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document d = chains.find(eq("_id", dossierId)).first();
            if (d == null) {
                try {
                    chains.insertOne(headDocument(dossierId, to));
                    return;
                } catch (MongoException e) {
                    if (!Bson.isDuplicateKey(e)) throw e;
                    continue;
                }
            }
            long current = d.get("lastSequence", Number.class).longValue();
            if (current >= to.sequence()) return;
            // a plain document with exactly the unique index's keys (an $and would be a scan on the embedded store)
            if (chains.updateOne(
                                    new Document("_id", dossierId).append("lastSequence", current),
                                    Updates.combine(
                                            Updates.set("lastSequence", to.sequence()),
                                            Updates.set("lastHash", to.hash()),
                                            Updates.set(
                                                    "mac",
                                                    key.mac(
                                                            EVIDENCE,
                                                            RecordSeal.headMessage(
                                                                    dossierId, to.sequence(), to.hash())))))
                            .getModifiedCount()
                    == 1) {
                return;
            }
        }
        // Only a pointer: the next writer recovers it from the records.
    }

    private Document headDocument(String dossierId, Head h) {
        return new Document("_id", dossierId)
                .append("lastSequence", h.sequence())
                .append("lastHash", h.hash())
                .append("mac", key.mac(EVIDENCE, RecordSeal.headMessage(dossierId, h.sequence(), h.hash())));
    }
}
