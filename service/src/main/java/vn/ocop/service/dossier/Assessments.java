package vn.ocop.service.dossier;

import static com.mongodb.client.model.Filters.in;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.StoredAssessment;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.catalogue.Catalogue;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.storage.DocumentHash;
import vn.ocop.service.platform.storage.DocumentIds;
import vn.ocop.service.platform.web.ApiException;

/**
 * Council members' sheets (phiếu chấm điểm), one per member per dossier: the unique index {dossierId, member}
 * refuses a second one. The dossier lists its assessment ids, so reading them is a lookup by _id, never a scan.
 * Each sheet is stored as submitted with {@code hash} (SHA-256 of its canonical form) and {@code mac} (integrity key):
 * a sheet rewritten in the database is refused for scoring and reported by verify.
 */
@Service
public class Assessments {
    static final String COLLECTION = "assessments";
    private final MongoCollection<Document> assessments;
    private final Dossiers dossiers;
    private final JsonMapper json;
    private final IntegrityKey key;
    // memberKey is derived from member (and backfilled on older sheets), so it stays out of the hash
    private static final Set<String> NOT_HASHED = Set.of("hash", "mac", MemberKeys.FIELD);

    private final Catalogue catalogue;

    Assessments(MongoTemplate mongo, Dossiers dossiers, JsonMapper json, IntegrityKey key, Catalogue catalogue) {
        this.key = key;
        this.assessments = mongo.getCollection(COLLECTION);
        this.dossiers = dossiers;
        this.json = json;
        this.catalogue = catalogue;
        assessments.createIndex(
                Indexes.ascending("dossierId", "member"),
                new IndexOptions().unique(true).name("dossier_member"));
        MemberKeys.backfill(assessments);
        // one person, one sheet, however the name is spelled (case, spaces, invisible characters)
        assessments.createIndex(
                Indexes.ascending("dossierId", MemberKeys.FIELD),
                new IndexOptions().unique(true).name("dossier_member_key"));
    }

    StoredAssessment add(String dossierId, AssessmentInput input, String user) {
        dossiers.checkDirectScoring(dossierId);
        Document dossier = dossiers.require(dossierId);
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        String member = SheetInputCheck.member("member", input.getMember(), errors);
        Map<String, Integer> chosen = SheetInputCheck.selections("selections", input.getSelections(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(
                    "VALIDATION_FAILED", "Phiếu chấm điểm có trường không hợp lệ (invalid fields)", errors);
        }
        SheetInfo sheet = catalogue
                .sheet(dossier.getString("edition"), dossier.getString("sheet"))
                .orElse(null);
        if (sheet == null) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "UNKNOWN_SHEET",
                    "Phiếu " + dossier.getString("sheet") + " của hồ sơ không còn trong bộ tiêu chí "
                            + dossier.getString("edition") + " (the dossier's sheet is unknown)");
        }
        // an incomplete sheet would leave the dossier INVALID at every evaluation: refuse it, naming each criterion
        SheetInputCheck.complete("selections", chosen, sheet, errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(
                    "INCOMPLETE_ASSESSMENT",
                    "Phiếu chấm điểm chưa đầy đủ hoặc sai so với phiếu " + sheet.id() + ": " + errors.size()
                            + " tiêu chí (incomplete or wrong sheet)",
                    errors);
        }
        List<Document> selections = new ArrayList<>();
        chosen.forEach((code, option) -> selections.add(new Document("code", code).append("option", option)));
        Document d = new Document("_id", DocumentIds.next())
                .append("dossierId", dossierId)
                .append("member", member)
                .append(MemberKeys.FIELD, MemberKeys.of(member))
                .append(
                        "role",
                        input.getRole() == null ? "MEMBER" : input.getRole().getValue())
                .append("selections", selections)
                .append("createdBy", user)
                .append("createdAt", new Date());
        d.append("hash", DocumentHash.sha256(d, NOT_HASHED));
        d.append("mac", key.mac(EVIDENCE, message(d.getString("hash"))));
        try {
            assessments.insertOne(d);
        } catch (MongoException e) {
            if (!Bson.isDuplicateKey(e)) throw e;
            // Link the existing one in case an earlier request stopped between its two writes, then refuse.
            Document existing = assessments
                    .find(new Document("dossierId", dossierId).append(MemberKeys.FIELD, MemberKeys.of(member)))
                    .first(); // the unique index's keys
            if (existing != null) dossiers.linkAssessment(dossierId, existing.getString("_id"));
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "DUPLICATE_ASSESSMENT",
                    "Thành viên " + member + " đã chấm hồ sơ này (member has already assessed this dossier)",
                    List.of(new ApiException.FieldProblem(
                            "member",
                            "DUPLICATE_MEMBER",
                            "trùng với " + (existing == null ? member : existing.getString("member"))
                                    + " (cùng tên, khác cách viết)")));
        }
        dossiers.linkAssessment(dossierId, d.getString("_id"));
        return view(d);
    }

    private static String message(String hash) {
        return "ocop:assessment:" + hash;
    }

    private AssessmentIntegrity.State state(Document d) {
        if (d.get("hash") == null && d.get("mac") == null) return AssessmentIntegrity.State.UNSIGNED;
        if (!DocumentHash.sha256(d, NOT_HASHED).equals(d.getString("hash"))) return AssessmentIntegrity.State.ALTERED;
        return key.verify(d.getString("mac"), EVIDENCE, message(d.getString("hash")))
                ? AssessmentIntegrity.State.SIGNED
                : AssessmentIntegrity.State.MAC_INVALID;
    }

    /** Each assessment the dossier lists, in order, with whether it is still as submitted. */
    public List<AssessmentIntegrity> integrity(String dossierId) {
        List<String> ids = dossiers.assessmentIds(dossierId);
        Map<String, Document> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) assessments.find(in("_id", ids)).forEach(d -> byId.put(d.getString("_id"), d));
        return ids.stream()
                .map(id -> {
                    Document d = byId.get(id);
                    return d == null
                            ? new AssessmentIntegrity(id, null, AssessmentIntegrity.State.MISSING)
                            : new AssessmentIntegrity(id, d.getString("member"), state(d));
                })
                .toList();
    }

    /** Like {@link #byIds}, but refuses (409 ASSESSMENT_ALTERED) when a sheet is no longer as it was submitted. */
    public List<StoredAssessment> intactByIds(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, Document> byId = new LinkedHashMap<>();
        assessments.find(in("_id", ids)).forEach(d -> byId.put(d.getString("_id"), d));
        for (Document d : byId.values()) {
            AssessmentIntegrity.State s = state(d);
            if (s == AssessmentIntegrity.State.ALTERED || s == AssessmentIntegrity.State.MAC_INVALID) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "ASSESSMENT_ALTERED",
                        "The sheet of " + d.getString("member") + " is no longer as it was submitted (" + s
                                + "); an auditor should verify the dossier");
            }
        }
        return ids.stream()
                .map(byId::get)
                .filter(d -> d != null)
                .map(this::view)
                .toList();
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
        m.remove("hash");
        m.remove("mac");
        m.remove(MemberKeys.FIELD);
        Map<String, Object> selections = new LinkedHashMap<>();
        for (Document s : d.getList("selections", Document.class, List.of())) {
            selections.put(s.getString("code"), s.get("option"));
        }
        m.put("selections", selections);
        return json.convertValue(m, StoredAssessment.class);
    }
}
