package vn.ocop.service.evaluation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.CollectionScan;
import vn.ocop.service.ruleset.RulesetVersions;

/**
 * The evaluations collection: insert-only. Each record has a per-dossier sequence; the unique index
 * {dossierId, sequence} means two writers cannot both take the same number, so the hash chain cannot fork.
 */
@Component
class EvaluationRecords {
    static final String COLLECTION = "evaluations";
    private final MongoCollection<Document> records;
    private final JsonMapper json;
    private final RulesetVersions versions;
    private final CollectionScan scan;

    EvaluationRecords(MongoTemplate mongo, JsonMapper json, RulesetVersions versions, CollectionScan scan) {
        this.records = mongo.getCollection(COLLECTION);
        this.scan = scan;
        this.json = json;
        this.versions = versions;
        records.createIndex(
                Indexes.ascending("dossierId", "sequence"),
                new IndexOptions().unique(true).name("dossier_sequence"));
    }

    /** Inserts the record; false when its (dossierId, sequence) is taken. */
    boolean insert(Document record) {
        try {
            records.insertOne(record);
            return true;
        } catch (MongoException e) {
            if (Bson.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    /** Inserts the records in order in one command; a taken (dossierId, sequence) fails the rest of the batch. */
    void insertAll(List<Document> docs) {
        if (!docs.isEmpty()) records.insertMany(docs);
    }

    EvaluationRecord find(String id) {
        Document d = findDocument(id);
        return d == null ? null : view(d);
    }

    Document findDocument(String id) {
        return records.find(eq("_id", id)).first();
    }

    /**
     * The record with exactly these unique-index keys, or null. A plain document, not Filters.and: the embedded store
     * scans for an $and but uses the index for a filter holding exactly its keys.
     */
    Document findBySequence(String dossierId, long sequence) {
        return records.find(bySequence(dossierId, sequence)).first();
    }

    /**
     * The filter of exactly the unique index's keys: the embedded store serves such a plain document from the index
     * but scans for an $and or $in form.
     */
    private static Document bySequence(String dossierId, long sequence) {
        return new Document("dossierId", dossierId).append("sequence", sequence);
    }

    /** The stored hash of record {@code sequence} of a dossier (null member: ""); empty when there is no such record. */
    Optional<String> hashAt(String dossierId, long sequence) {
        return scan.first(records, bySequence(dossierId, sequence))
                .map(d -> d.get("hash") instanceof String h ? h : "");
    }

    long count(org.bson.conversions.Bson filter) {
        return scan.count(records, filter);
    }

    /** Every matching record, streamed in the store's natural order, in constant memory (for history jobs). */
    void forEach(org.bson.conversions.Bson filter, java.util.function.Predicate<Document> consumer) {
        scan.forEach(records, filter, consumer);
    }

    /**
     * Records 1..upTo of a dossier, by sequence. One exact lookup per number: the embedded store serves
     * {dossierId, sequence} from the unique index, but scans for $in or $and forms (measured, docs/operations.md).
     */
    List<EvaluationRecord> forDossier(String dossierId, long upTo) {
        List<EvaluationRecord> out = new ArrayList<>();
        for (long sequence = 1; sequence <= upTo; sequence++) {
            Document d = records.find(bySequence(dossierId, sequence)).first();
            if (d != null) out.add(view(d));
        }
        return out;
    }

    /** The stored form: API models as documents; selections as [{code, option}] since codes contain dots. */
    @SuppressWarnings("unchecked")
    Document document(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        List<Map<String, Object>> assessments = (List<Map<String, Object>>) copy.get("assessments");
        if (assessments != null) {
            List<Map<String, Object>> stored = new ArrayList<>();
            for (Map<String, Object> a : assessments) {
                Map<String, Object> s = new LinkedHashMap<>(a);
                List<Map<String, Object>> selections = new ArrayList<>();
                ((Map<String, Object>) a.getOrDefault("selections", Map.of()))
                        .forEach((code, option) -> selections.add(Map.of("code", code, "option", option)));
                s.put("selections", selections);
                stored.add(s);
            }
            copy.put("assessments", stored);
        }
        return Bson.document(copy);
    }

    /**
     * The sheet of exactly the ruleset version that scored (edition, version and SHA-256 as recorded), whose catalogue
     * gives a format-3 or -4 record the points and rule names it leaves out; built-in packs are cached by the registry.
     */
    Optional<SheetInfo> sheetOf(String edition, String version, String sha256, String sheet) {
        if (sheet == null) return Optional.empty();
        return versions.find(edition, version, sha256).flatMap(p -> p.sheet(sheet));
    }

    private Optional<SheetInfo> sheetOf(Document d) {
        return sheetOf(
                string(d, "edition"), string(d, "rulesetVersion"), string(d, "rulesetSha256"), string(d, "sheet"));
    }

    private static String string(Document d, String key) {
        return d.get(key) instanceof String s ? s : null;
    }

    /** A stored result tree (plain maps) in the API's shape: a format-3 or -4 result re-expanded from its sheet. */
    Map<String, Object> apiResult(Document stored, Map<String, Object> result) {
        return RecordFormat.of(stored) >= 3
                ? LeanResult.expand(result, sheetOf(stored), RecordFormat.criteriaSource(stored))
                : result;
    }

    @SuppressWarnings("unchecked")
    EvaluationRecord view(Document d) {
        Map<String, Object> m = new LinkedHashMap<>(Bson.plainMap(d));
        m.put("id", m.remove("_id"));
        if (m.get("result") instanceof Map<?, ?> result) m.put("result", apiResult(d, (Map<String, Object>) result));
        List<Map<String, Object>> assessments = (List<Map<String, Object>>) m.get("assessments");
        if (assessments != null) {
            for (Map<String, Object> a : assessments) {
                Map<String, Object> selections = new LinkedHashMap<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) a.getOrDefault("selections", List.of())) {
                    selections.put((String) s.get("code"), s.get("option"));
                }
                a.put("selections", selections);
            }
        }
        return json.convertValue(m, EvaluationRecord.class);
    }
}
