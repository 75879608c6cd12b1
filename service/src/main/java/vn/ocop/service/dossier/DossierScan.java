package vn.ocop.service.dossier;

import static vn.ocop.service.platform.storage.Bson.plainMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.service.platform.storage.CollectionScan;

/**
 * Streams stored dossiers with what scores them now (declared facts and the council's current assessments), for
 * batch work such as ruleset simulations: one scan over the dossiers (batches of 500, never all in memory) and
 * the batch's assessments by their ids ({@link CollectionScan#byIds}).
 */
@Service
public class DossierScan {
    /** Equality filters and a range on registeredOn (inclusive); nulls are not filtered. */
    public record Filter(String province, String district, String group, LocalDate from, LocalDate to) {}

    /** A dossier ready to score. */
    public record Item(
            String id, String edition, String sheet, String group, String provinceCode, EvaluationRequest request) {}

    private final MongoCollection<Document> dossiers;
    private final MongoCollection<Document> assessments;
    private final JsonMapper json;
    private final CollectionScan scan;

    DossierScan(MongoTemplate mongo, JsonMapper json, CollectionScan scan) {
        this.scan = scan;
        this.dossiers = mongo.getCollection(DossierStore.COLLECTION);
        this.assessments = mongo.getCollection(Assessments.COLLECTION);
        this.json = json;
    }

    public long count(Filter f) {
        return scan.count(dossiers, filter(f));
    }

    /** Calls {@code each} for every matching dossier with at least one assessment, until it answers false. */
    public void forEach(Filter f, Predicate<Item> each) {
        forEachBatch(f, batch -> {
            for (Item item : batch) if (!each.test(item)) return false;
            return true;
        });
    }

    /**
     * Calls {@code each} with the matching dossiers in the store's order, {@value #BATCH} at a time, until it answers
     * false. Per batch: the dossiers come from one {@link CollectionScan} and their assessments by their ids
     * ({@link CollectionScan#byIds}: one query on MongoDB, reads by key on the embedded store). Only
     * one batch is in memory at a time.
     */
    public void forEachBatch(Filter f, Predicate<List<Item>> each) {
        List<Document> docs = new ArrayList<>(BATCH);
        boolean[] stopped = {false};
        scan.forEach(dossiers, filter(f), d -> {
            docs.add(d);
            if (docs.size() < BATCH) return true;
            List<Item> items = items(docs);
            docs.clear();
            stopped[0] = !each.test(items);
            return !stopped[0];
        });
        if (!stopped[0] && !docs.isEmpty()) each.test(items(docs));
    }

    static final int BATCH = 500;

    private List<Item> items(List<Document> docs) {
        List<String> all = new ArrayList<>();
        for (Document d : docs) all.addAll(d.getList("assessmentIds", String.class, List.of()));
        Map<String, Assessment> byId = assessments(all);
        List<Item> items = new ArrayList<>(docs.size());
        for (Document d : docs) {
            List<Assessment> list = new ArrayList<>();
            // the dossier's own order of assessmentIds, as before; ids without a stored assessment are skipped
            for (String id : d.getList("assessmentIds", String.class, List.of())) {
                Assessment a = byId.get(id);
                if (a != null) list.add(a);
            }
            Document location = d.get("location", Document.class);
            items.add(new Item(
                    d.getString("_id"),
                    d.getString("edition"),
                    d.getString("sheet"),
                    d.getString("group"),
                    location == null ? null : location.getString("provinceCode"),
                    new EvaluationRequest(
                            d.getString("edition"),
                            d.getString("group"),
                            d.getString("sheet"),
                            facts(d),
                            List.copyOf(list),
                            exclusions(d))));
        }
        return items;
    }

    private static List<vn.ocop.rules.api.Exclusion> exclusions(Document d) {
        return d.getList("exclusions", Document.class, List.of()).stream()
                .map(x -> new vn.ocop.rules.api.Exclusion(
                        x.getString("code"), x.getString("note"), x.getString("member")))
                .toList();
    }

    private Map<String, Assessment> assessments(List<String> ids) {
        Map<String, Assessment> byId = new HashMap<>();
        for (Document a : scan.byIds(assessments, ids)) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            for (Document s : a.getList("selections", Document.class, List.of())) {
                selections.put(s.getString("code"), ((Number) s.get("option")).intValue());
            }
            String role = a.getString("role");
            byId.put(
                    a.getString("_id"),
                    new Assessment(
                            a.getString("member"),
                            role == null ? CouncilRole.MEMBER : CouncilRole.valueOf(role),
                            selections));
        }
        return byId;
    }

    private DeclaredFacts facts(Document d) {
        Document facts = d.get("facts", Document.class);
        if (facts == null) return DeclaredFacts.none();
        return DeclaredFactsMapping.toEngine(json.convertValue(plainMap(facts), vn.ocop.api.model.DeclaredFacts.class));
    }

    private static Bson filter(Filter f) {
        List<Bson> and = new ArrayList<>();
        if (f != null) {
            if (f.province() != null) and.add(Filters.eq("location.provinceCode", f.province()));
            if (f.district() != null) and.add(Filters.eq("location.districtCode", f.district()));
            if (f.group() != null) and.add(Filters.eq("group", f.group()));
            if (f.from() != null) and.add(Filters.gte("registeredOn", f.from().toString()));
            if (f.to() != null) and.add(Filters.lte("registeredOn", f.to().toString()));
        }
        return and.isEmpty() ? new Document() : Filters.and(and);
    }
}
