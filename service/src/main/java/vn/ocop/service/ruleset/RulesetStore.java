package vn.ocop.service.ruleset;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.storage.Bson;

/**
 * Collections {@code rulesets} (one document per version, _id "edition@version", unique {edition, version} and
 * {_id, rev} for optimistic updates) and {@code ruleset_kjars} (compiled kjar bytes of uploaded versions, _id "version id:group"; built-in
 * packs load from the jar). Kjars are trusted only through {@link RulesetSeals}.
 * The rulesets collection stays small (tens of versions), so listing it is a cheap scan even on the embedded store;
 * the poll projects the files and reports away. The documents are mapped to and from {@link Ruleset} here (by
 * {@link RulesetDocuments}): nothing above the store sees BSON.
 */
@Component
class RulesetStore {
    static final String RULESETS = "rulesets";
    static final String KJARS = "ruleset_kjars";
    private final MongoCollection<Document> rulesets;
    private final MongoCollection<Document> kjars;

    RulesetStore(MongoTemplate mongo) {
        this.rulesets = mongo.getCollection(RULESETS);
        this.kjars = mongo.getCollection(KJARS);
        rulesets.createIndex(
                Indexes.ascending("edition", "version"),
                new IndexOptions().unique(true).name("edition_version"));
        rulesets.createIndex(
                Indexes.ascending("_id", "rev"), new IndexOptions().unique(true).name("id_rev"));
    }

    static String id(String edition, int version) {
        return Ruleset.id(edition, version);
    }

    /** Inserts a new version; false when that edition/version exists already (another instance was first). */
    boolean insert(Ruleset r) {
        try {
            rulesets.insertOne(RulesetDocuments.toDocument(r));
            return true;
        } catch (MongoException e) {
            if (Bson.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    Ruleset find(String id) {
        Document d = rulesets.find(eq("_id", id)).first();
        return d == null ? null : RulesetDocuments.fromDocument(d);
    }

    /** Every version without files, kjars or reports: for the poll and the list. */
    List<Ruleset> headers() {
        return rulesets
                .find()
                .projection(Projections.exclude("files", "validation", "tests"))
                .into(new ArrayList<>())
                .stream()
                .map(RulesetDocuments::fromDocument)
                .toList();
    }

    /**
     * Writes a step of the lifecycle: the fields {@code after} changed against {@code before}, if the stored version
     * is still at {@code before}'s revision (one compare-and-set; the files never change). Null when it changed
     * meanwhile.
     */
    Ruleset save(Ruleset before, Ruleset after) {
        if (!before.hasFiles() || !before.id().equals(after.id()))
            throw new IllegalArgumentException("a step of " + before);
        org.bson.conversions.Bson update = RulesetDocuments.changes(before, after);
        Document d = rulesets.findOneAndUpdate(
                and(eq("_id", before.id()), eq("rev", before.rev())),
                Updates.combine(update, Updates.inc("rev", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return d == null ? null : RulesetDocuments.fromDocument(d);
    }

    /** Stores (or replaces, when a draft is validated again) a version's kjars under "version id:group". */
    void putKjars(String versionId, Map<String, byte[]> byGroup) {
        byGroup.forEach((group, bytes) -> kjars.replaceOne(
                eq("_id", versionId + ":" + group),
                new Document("_id", versionId + ":" + group)
                        .append("version", versionId)
                        .append("group", group)
                        .append("bytes", new Binary(bytes)),
                new com.mongodb.client.model.ReplaceOptions().upsert(true)));
    }

    /** Deletes a version if it is still at revision {@code rev}; false when it changed meanwhile. */
    boolean deleteIfRev(String id, long rev) {
        return rulesets.deleteOne(and(eq("_id", id), eq("rev", rev))).getDeletedCount() == 1;
    }

    void deleteKjars(String versionId, List<String> groups) {
        if (groups != null) groups.forEach(g -> kjars.deleteOne(eq("_id", versionId + ":" + g)));
    }

    /** The kjars of a version, or null when any group's is missing. */
    Map<String, byte[]> kjars(String versionId, List<String> groups) {
        if (groups == null || groups.isEmpty()) return null;
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String g : groups) {
            Document d = kjars.find(eq("_id", versionId + ":" + g)).first();
            if (d == null) return null;
            out.put(g, d.get("bytes", Binary.class).getData());
        }
        return out;
    }

    static boolean isBinary(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }
}
