package vn.ocop.service.audit;

import static com.mongodb.client.model.Filters.eq;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.Anchor;
import vn.ocop.api.model.AnchoredHead;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.CanonicalJson;

/**
 * Anchors: signed digests of chain heads, kept outside the records they protect. Each anchor lists the heads that
 * moved since the previous one and links to its digest, so the latest anchor commits to every head ever anchored.
 * {@code anchored_heads} keeps, per chain, the last anchored head (signed) so verify can look it up by _id: a head
 * behind it, or a record at its sequence with another hash, is a break no rewriting of the chain can hide. Written
 * anchor first, then the anchored heads: a stop in between leaves those heads for the next anchor.
 */
@Service
class Anchors {
    static final String ANCHORS = "anchors";
    static final String ANCHORED = "anchored_heads";
    static final String AUDIT_CHAIN = "audit_log";
    /** Keeps each anchor document far below MongoDB's 16 MB limit; more moved heads make consecutive anchors. */
    static final int MAX_HEADS = 20_000;

    private final MongoCollection<Document> anchors;
    private final MongoCollection<Document> anchored;
    private final EvaluationLedger ledger;
    private final AuditChain audit;
    private final IntegrityKey key;

    Anchors(MongoTemplate mongo, EvaluationLedger ledger, AuditChain audit, IntegrityKey key) {
        this.anchors = mongo.getCollection(ANCHORS);
        this.anchored = mongo.getCollection(ANCHORED);
        this.ledger = ledger;
        this.audit = audit;
        this.key = key;
    }

    static String evaluationChain(String dossierId) {
        return "evaluations:" + dossierId;
    }

    record Anchored(long anchor, long sequence, String hash, boolean signed) {}

    /** The head of {@code chain} as last anchored; {@code signed} false when its MAC does not hold. */
    Optional<Anchored> anchored(String chain) {
        Document d = anchored.find(eq("_id", chain)).first();
        if (d == null) return Optional.empty();
        long anchor = d.get("anchor", Number.class).longValue();
        long sequence = d.get("sequence", Number.class).longValue();
        String hash = d.getString("hash");
        return Optional.of(new Anchored(
                anchor,
                sequence,
                hash,
                key.verify(d.getString("mac"), EVIDENCE, anchoredMessage(chain, anchor, sequence, hash))));
    }

    /**
     * Anchors the heads that moved since the last anchor. With nothing moved: a new (empty) anchor only when
     * {@code always}, else the latest anchor (the scheduled job then writes nothing).
     */
    synchronized Anchor anchor(String by, boolean always) {
        Map<String, Document> previous = new HashMap<>();
        for (Document d : anchored.find()) previous.put(d.getString("_id"), d);
        TreeMap<String, long[]> seqs = new TreeMap<>();
        Map<String, String> hashes = new HashMap<>();
        ledger.forEachHead((dossierId, h) -> {
            seqs.put(evaluationChain(dossierId), new long[] {h.sequence()});
            hashes.put(evaluationChain(dossierId), h.hash());
        });
        AuditChain.Head auditHead = audit.stored();
        if (auditHead.sequence() > 0) {
            seqs.put(AUDIT_CHAIN, new long[] {auditHead.sequence()});
            hashes.put(AUDIT_CHAIN, auditHead.hash());
        }
        List<Document> moved = new ArrayList<>();
        seqs.forEach((chain, seq) -> {
            Document p = previous.get(chain);
            // only forward: a head behind its anchor is verify's business, never re-anchored lower
            if (p == null || p.get("sequence", Number.class).longValue() < seq[0]) {
                moved.add(
                        new Document("chain", chain).append("sequence", seq[0]).append("hash", hashes.get(chain)));
            }
        });
        Document latest = latestDocument();
        if (moved.isEmpty() && !always && latest != null) return view(latest);
        Document last = null;
        for (int from = 0; from == 0 || from < moved.size(); from += MAX_HEADS) {
            last = write(moved.subList(from, Math.min(moved.size(), from + MAX_HEADS)), by);
        }
        return view(last);
    }

    private Document write(List<Document> heads, String by) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document latest = latestDocument();
            long sequence = latest == null ? 1 : latest.get("_id", Number.class).longValue() + 1;
            Document d = new Document("_id", sequence)
                    .append("at", new Date())
                    .append("createdBy", by)
                    .append("previousDigest", latest == null ? RecordHash.GENESIS : latest.getString("digest"))
                    .append("heads", heads);
            d.append("digest", digest(d));
            d.append("mac", key.mac(EVIDENCE, anchorMessage(d.getString("digest"))));
            try {
                anchors.insertOne(d);
            } catch (MongoException e) {
                if (Bson.isDuplicateKey(e)) continue;
                throw e;
            }
            for (Document h : heads) {
                String chain = h.getString("chain");
                long seq = h.get("sequence", Number.class).longValue();
                anchored.replaceOne(
                        eq("_id", chain),
                        new Document("_id", chain)
                                .append("anchor", sequence)
                                .append("sequence", seq)
                                .append("hash", h.getString("hash"))
                                .append(
                                        "mac",
                                        key.mac(EVIDENCE, anchoredMessage(chain, sequence, seq, h.getString("hash")))),
                        new ReplaceOptions().upsert(true));
            }
            return d;
        }
        throw new IllegalStateException("could not take an anchor number");
    }

    Optional<Anchor> latest() {
        return Optional.ofNullable(latestDocument()).map(this::view);
    }

    Optional<Anchor> get(long sequence) {
        return Optional.ofNullable(anchors.find(eq("_id", sequence)).first()).map(this::view);
    }

    private Document latestDocument() {
        // few documents (one per interval); a sort is a scan on the embedded store
        return anchors.find().sort(Sorts.descending("_id")).limit(1).first();
    }

    /** SHA-256 of the canonical JSON of {sequence, at, previousDigest, heads}. */
    static String digest(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", d.get("_id", Number.class).longValue());
        m.put("at", RecordHash.INSTANT.format(d.getDate("at").toInstant()));
        m.put("previousDigest", d.getString("previousDigest"));
        List<Map<String, Object>> heads = new ArrayList<>();
        for (Document h : d.getList("heads", Document.class, List.of())) {
            heads.add(Map.of(
                    "chain",
                    h.getString("chain"),
                    "sequence",
                    h.get("sequence", Number.class).longValue(),
                    "hash",
                    h.getString("hash")));
        }
        m.put("heads", heads);
        return CanonicalJson.sha256Hex(CanonicalJson.write(m));
    }

    static String anchorMessage(String digest) {
        return "ocop:anchor:" + digest;
    }

    static String anchoredMessage(String chain, long anchor, long sequence, String hash) {
        return "ocop:anchored-head:" + chain + ":" + anchor + ":" + sequence + ":" + hash;
    }

    private Anchor view(Document d) {
        String digest = d.getString("digest");
        boolean verified = digest != null
                && digest.equals(digest(d))
                && key.verify(d.getString("mac"), EVIDENCE, anchorMessage(digest));
        List<AnchoredHead> heads = new ArrayList<>();
        for (Document h : d.getList("heads", Document.class, List.of())) {
            heads.add(new AnchoredHead()
                    .chain(h.getString("chain"))
                    .sequence(h.get("sequence", Number.class).longValue())
                    .hash(h.getString("hash")));
        }
        return new Anchor()
                .sequence(d.get("_id", Number.class).longValue())
                .at(OffsetDateTime.ofInstant(d.getDate("at").toInstant(), ZoneOffset.UTC))
                .createdBy(d.getString("createdBy"))
                .previousDigest(d.getString("previousDigest"))
                .digest(digest)
                .mac(d.getString("mac"))
                .verified(verified)
                .heads(heads);
    }
}
