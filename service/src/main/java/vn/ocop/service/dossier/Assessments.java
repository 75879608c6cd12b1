package vn.ocop.service.dossier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.StoredAssessment;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.web.ApiException;

import static com.mongodb.client.model.Filters.in;

/**
 * Council members' sheets (phiếu chấm điểm), one per member per dossier: the unique index {dossierId, member}
 * refuses a second one. The dossier lists its assessment ids, so reading them is a lookup by _id, never a scan.
 */
@Service
public class Assessments {
    static final String COLLECTION = "assessments";
    private final MongoCollection<Document> assessments;
    private final Dossiers dossiers;
    private final JsonMapper json;

    Assessments(MongoTemplate mongo, Dossiers dossiers, JsonMapper json) {
        this.assessments = mongo.getCollection(COLLECTION);
        this.dossiers = dossiers;
        this.json = json;
        assessments.createIndex(Indexes.ascending("dossierId", "member"),
                new IndexOptions().unique(true).name("dossier_member"));
    }

    StoredAssessment add(String dossierId, AssessmentInput input, String user) {
        dossiers.checkDirectScoring(dossierId);
        String member = input.getMember() == null ? "" : input.getMember().strip();
        if (member.isEmpty()) {
            throw ApiException.invalidField("member", "must not be blank");
        }
        List<Document> selections = new ArrayList<>();
        input.getSelections().forEach((code, option) -> {
            if (code == null || code.isBlank() || code.length() > 20) {
                throw ApiException.invalidField("selections", "criterion codes must be 1-20 characters");
            }
            if (option == null) {
                throw ApiException.invalidField("selections." + code, "must be an option number");
            }
            selections.add(new Document("code", code).append("option", option));
        });
        Document d = new Document("_id", UUID.randomUUID().toString())
                .append("dossierId", dossierId)
                .append("member", member)
                .append("role", input.getRole() == null ? "MEMBER" : input.getRole().getValue())
                .append("selections", selections)
                .append("createdBy", user)
                .append("createdAt", new Date());
        try {
            assessments.insertOne(d);
        } catch (MongoException e) {
            if (!Bson.isDuplicateKey(e)) throw e;
            // Link the existing one in case an earlier request stopped between its two writes, then refuse.
            Document existing = assessments.find(new Document("dossierId", dossierId).append("member", member)).first(); // the unique index's keys
            if (existing != null) dossiers.linkAssessment(dossierId, existing.getString("_id"));
            throw new ApiException(HttpStatus.CONFLICT, "DUPLICATE_ASSESSMENT",
                    "Member " + member + " has already assessed this dossier");
        }
        dossiers.linkAssessment(dossierId, d.getString("_id"));
        return view(d);
    }

    /** The dossier's assessments in the order they were added. */
    public List<StoredAssessment> forDossier(String dossierId) {
        dossiers.checkRead(dossierId);
        return byIds(dossiers.assessmentIds(dossierId));
    }

    /** Assessments by id (one `_id $in` query), in the order of {@code ids}. */
    public List<StoredAssessment> byIds(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, StoredAssessment> byId = new LinkedHashMap<>();
        assessments.find(in("_id", ids)).forEach(d -> byId.put(d.getString("_id"), view(d)));
        return ids.stream().map(byId::get).filter(a -> a != null).toList();
    }

    private StoredAssessment view(Document d) {
        Map<String, Object> m = new LinkedHashMap<>(Bson.plainMap(d));
        m.put("id", m.remove("_id"));
        Map<String, Object> selections = new LinkedHashMap<>();
        for (Document s : d.getList("selections", Document.class, List.of())) {
            selections.put(s.getString("code"), s.get("option"));
        }
        m.put("selections", selections);
        return json.convertValue(m, StoredAssessment.class);
    }
}
