package vn.ocop.service.evaluation;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.storage.Bson;

import static com.mongodb.client.model.Filters.eq;

/**
 * Chain heads, collection {@code chains}: {_id: dossierId, lastSequence, lastHash}, read by _id. The head is only a
 * pointer: the records and their unique {dossierId, sequence} index are the truth. A writer that stopped between its
 * insert and the head update leaves the head behind; the next writer's insert then hits the unique index and
 * {@link #recover} probes the exact keys {dossierId, sequence + 1}, {dossierId, sequence + 2}, … forward.
 * The head moves by compare-and-set on {_id, lastSequence}, the keys of a unique index (served on the embedded store).
 */
@Component
class EvaluationChain {
    static final String COLLECTION = "chains";
    private final MongoCollection<Document> chains;
    private final EvaluationRecords records;

    record Head(long sequence, String hash) {
        static final Head EMPTY = new Head(0, RecordHash.GENESIS);
    }

    EvaluationChain(MongoTemplate mongo, EvaluationRecords records) {
        this.chains = mongo.getCollection(COLLECTION);
        this.records = records;
        chains.createIndex(Indexes.ascending("_id", "lastSequence"), new IndexOptions().unique(true).name("id_sequence"));
    }

    /** The head as stored (no probing); EMPTY when the dossier has no chain document yet. */
    Head stored(String dossierId) {
        Document d = chains.find(eq("_id", dossierId)).first();
        if (d == null) return Head.EMPTY;
        return new Head(d.get("lastSequence", Number.class).longValue(), d.getString("lastHash"));
    }

    /** The stored head moved forward past every record that exists after it (exact-key probes). */
    Head recover(String dossierId, Head from) {
        Head head = from;
        for (Document next = records.findBySequence(dossierId, head.sequence() + 1); next != null;
             next = records.findBySequence(dossierId, head.sequence() + 1)) {
            head = new Head(head.sequence() + 1, next.getString("hash"));
        }
        if (head.sequence() > from.sequence()) advance(dossierId, head);
        return head;
    }

    /** Heads of dossiers that had none, in one command (batch appends). */
    void createAll(java.util.Map<String, Head> heads) {
        if (heads.isEmpty()) return;
        chains.insertMany(heads.entrySet().stream().map(e -> new Document("_id", e.getKey())
                .append("lastSequence", e.getValue().sequence()).append("lastHash", e.getValue().hash())).toList());
    }

    /** Moves the stored head to {@code to} unless it is already there or further. */
    void advance(String dossierId, Head to) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document d = chains.find(eq("_id", dossierId)).first();
            if (d == null) {
                try {
                    chains.insertOne(new Document("_id", dossierId).append("lastSequence", to.sequence()).append("lastHash", to.hash()));
                    return;
                } catch (MongoException e) {
                    if (!Bson.isDuplicateKey(e)) throw e;
                    continue;
                }
            }
            long current = d.get("lastSequence", Number.class).longValue();
            if (current >= to.sequence()) return;
            // a plain document with exactly the unique index's keys (an $and would be a scan on the embedded store)
            if (chains.updateOne(new Document("_id", dossierId).append("lastSequence", current),
                    Updates.combine(Updates.set("lastSequence", to.sequence()), Updates.set("lastHash", to.hash())))
                    .getModifiedCount() == 1) {
                return;
            }
        }
        // Only a pointer: the next writer recovers it from the records.
    }
}
