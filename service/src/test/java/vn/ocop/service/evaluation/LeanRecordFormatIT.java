package vn.ocop.service.evaluation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.ChainReport;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.CriterionScore;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.Location;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.audit.Replays;
import vn.ocop.service.audit.Verification;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.ruleset.RulesetRegistry;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Record formats 3 and 4 (docs/audit.md, "Record formats"): criterion scores stored as code and option, points and
 * rule only where the ruleset's sheet does not give them, and (4) a member's criteria only where its own sheet in the
 * snapshot does not give them; read back, replayed and verified exactly as the API gave the result. Format-2 and
 * format-3 records written before keep verifying and replaying.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LeanRecordFormatIT {
    static final LocalDate ON = LocalDate.of(2026, 11, 30);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-lean-record");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RulesetRegistry engine;

    @Autowired
    EvaluationLedger ledger;

    @Autowired
    Replays replays;

    @Autowired
    Verification verification;

    @Autowired
    JsonMapper json;

    @Autowired
    IntegrityKey key;

    final Random random = new Random(20261203);

    @Test
    void aStoredRecordReadsBackExactlyAsThePostAnswered() {
        Http http = new Http(port);
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        Response d = http.post("/api/v1/dossiers", "integration", """
                {"product":{"name":"Mật ong hoa nhãn"},
                 "producer":{"name":"HTX Ong mật Hưng Yên","type":"COOPERATIVE"},
                 "location":{"provinceCode":"33","communeCode":"11953"},
                 "edition":"ocop-2023","sheet":"food","facts":{"rawMaterialInProvincePct":80.5}}
                """);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String dossierId = d.json().get("id").asString();
        for (String member : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
            Response a = http.post(
                    "/api/v1/dossiers/" + dossierId + "/assessments",
                    "council",
                    "{\"member\":\"" + member + "\",\"selections\":" + json.writeValueAsString(selections(sheet))
                            + "}");
            assertThat(a.status()).as(a.body()).isEqualTo(201);
        }
        Response posted = http.post("/api/v1/dossiers/" + dossierId + "/evaluations", "council", null);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().get("id").asString();

        Response got = http.get("/api/v1/evaluations/" + id, "council");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(posted.json());
        assertThat(got.json().get("recordFormat").asInt()).isEqualTo(4);
        JsonNode first =
                got.json().get("result").get("members").get(0).get("criteria").get(0);
        assertThat(first.get("points").isNumber()).isTrue();
        assertThat(first.get("rule").asString()).isNotBlank();

        Document stored = stored(id);
        for (Document m : stored.get("result", Document.class).getList("members", Document.class))
            assertThat(m)
                    .as("2023 has no condition rule: each member's own sheet gives its criteria")
                    .doesNotContainKey("criteria");
        assertThat(replays.replay(id).getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        assertThat(verification.dossier(dossierId).getOutcome()).isEqualTo(ChainReport.OutcomeEnum.INTACT);

        // what formats 2 and 3 stored for the same record
        EvaluationRecord api = ledger.record(id).orElseThrow().record();
        int format2 = bsonSize(asFormat(2, stored, api));
        int format3 = bsonSize(asFormat(3, stored, api));
        int format4 = bsonSize(stored);
        System.out.printf(
                "BSON size of a stored evaluation (ocop-2023/food, 3 members × %d criteria): format 2 %d B, format 3 %d B, format 4 %d B%n",
                sheet.criteria().size(), format2, format3, format4);
        assertThat(format3).isLessThan(format2 * 2 / 3);
        assertThat(format4).isLessThan(format3 * 3 / 4);
    }

    @Test
    void scoresAreLeftOutOnlyWhenExactlyOneSheetByThatMemberGivesThem() {
        // the engine refuses two sheets by one name (DUPLICATE_MEMBER), so this guard is met only in a hand-made record
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        Map<String, Integer> selections = selections(sheet);
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria())
            if (selections.containsKey(c.code()))
                criteria.add(new LinkedHashMap<>(Map.of("code", c.code(), "option", selections.get(c.code()))));
        Map<String, Object> result =
                Map.of("members", List.of(new LinkedHashMap<>(Map.of("member", "An", "criteria", criteria))));
        Map<String, Object> sheetByAn = Map.of("member", "An", "selections", selections);

        assertThat(memberOf(DerivedCriteria.leaveOut(result, sheet, List.of(sheetByAn))))
                .doesNotContainKey("criteria");
        assertThat(memberOf(DerivedCriteria.leaveOut(result, sheet, List.of(sheetByAn, sheetByAn))))
                .containsEntry("criteria", criteria);
        assertThat(memberOf(DerivedCriteria.leaveOut(
                        result, sheet, List.of(Map.of("member", "Bình", "selections", selections)))))
                .containsEntry("criteria", criteria);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> memberOf(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("members")).get(0);
    }

    @Test
    void theOrderOfTheStoredSelectionsDoesNotChangeTheRecord() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-order", sheet);
        Document d = stored(r.getId());
        List<Document> selections =
                d.getList("assessments", Document.class).get(0).getList("selections", Document.class);
        Collections.reverse(selections);
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        StoredEvaluation s = ledger.record(r.getId()).orElseThrow();
        assertThat(s.computedHash()).isEqualTo(s.hash());
        assertThat(json.writeValueAsString(s.record().getResult())).isEqualTo(json.writeValueAsString(r.getResult()));
    }

    @Test
    void anAwardAConditionOverrodeKeepsItsPointsAndRule() {
        SheetInfo sheet = engine.sheet("ocop-2026", "rau-cu-qua-hat-tuoi").orElseThrow();
        List<AssessmentInput> members = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            Map<String, Integer> s = selections(sheet);
            s.put("5.1", 1); // «Không có câu chuyện sản phẩm»: 5.2 then scores 0 whatever its option
            s.put("5.2", 2 + m % 2);
            members.add(new AssessmentInput()
                    .member("Thành viên " + m)
                    .role(m == 0 ? CouncilRole.CHAIR : CouncilRole.MEMBER)
                    .selections(s));
        }
        EvaluationRecord appended = ledger.append(
                "lean-2026",
                "ocop-2026",
                sheet.group(),
                sheet.id(),
                ON,
                new Location().provinceCode("01").communeCode("00004"),
                new DeclaredFacts(),
                members,
                "council");
        assertThat(appended.getResult().getStatus().getValue()).isEqualTo("VALID");
        CriterionScore overridden = appended.getResult().getMembers().get(0).getCriteria().stream()
                .filter(c -> c.getCode().equals("5.2"))
                .findFirst()
                .orElseThrow();
        assertThat(overridden.getPoints()).isZero();

        Document stored = stored(appended.getId());
        Document c52 = stored
                .get("result", Document.class)
                .getList("members", Document.class)
                .get(0)
                .getList("criteria", Document.class)
                .stream()
                .filter(c -> c.getString("code").equals("5.2"))
                .findFirst()
                .orElseThrow();
        assertThat(c52.getInteger("points")).isZero();
        assertThat(c52.getString("rule")).isEqualTo(overridden.getRule()).contains("5.2 chỉ áp dụng");

        EvaluationRecord read = ledger.record(appended.getId()).orElseThrow().record();
        assertThat(json.writeValueAsString(read)).isEqualTo(json.writeValueAsString(appended));
        assertThat(replays.replay(appended.getId()).getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        assertThat(verification.dossier("lean-2026").getOutcome()).isEqualTo(ChainReport.OutcomeEnum.INTACT);
    }

    @Test
    void aRecordWhoseMemberSheetWasRemovedStillReadsAndFailsItsHash() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-sheet-removed", sheet);
        Document d = stored(r.getId());
        d.getList("assessments", Document.class).remove(0);
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        // nothing to put that member's criteria back from: it reads without them, and only that member lacks them
        EvaluationRecord read = ledger.record(r.getId()).orElseThrow().record();
        assertThat(read.getResult().getMembers().get(0).getCriteria()).isNullOrEmpty();
        assertThat(read.getResult().getMembers().get(1).getCriteria())
                .hasSize(sheet.criteria().size());
        failsOnlyTheHash(r.getId());
        assertThat(verification.dossier("lean-sheet-removed").getOutcome()).isEqualTo(ChainReport.OutcomeEnum.BROKEN);
    }

    @Test
    void aChangedStoredOptionBreaksTheRecord() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-tamper", sheet);
        Document d = stored(r.getId());
        changeFirstOption(d.getList("assessments", Document.class).get(0).getList("selections", Document.class));
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        // the stored criteria come from the changed sheet as the re-scored ones do: only the hash can tell
        ReplayReport replay = failsOnlyTheHash(r.getId());
        ChainReport verify = verification.dossier("lean-tamper");
        assertThat(verify.getOutcome()).isEqualTo(ChainReport.OutcomeEnum.BROKEN);
        assertThat(verify.getFailures()).extracting(f -> f.getReason()).containsExactly("RECORD_HASH_MISMATCH");
    }

    @Test
    void aChangedKeptScoreBreaksTheRecordAndShowsInTheReplay() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-tamper-kept", sheet);
        // rewritten as format 3 wrote it (every member's criteria kept), hashed and signed, then one option changed
        Document d = resealed("lean-tamper-kept", asFormat(3, stored(r.getId()), r));
        changeFirstOption(d.get("result", Document.class)
                .getList("members", Document.class)
                .get(0)
                .getList("criteria", Document.class));
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        ReplayReport replay = failsOnlyTheHash(r.getId());
        assertThat(replay.getDifferences())
                .extracting(x -> x.getPath())
                .contains("result.members[0].criteria[0].option", "result.members[0].criteria[0].rule");
        assertThat(verification.dossier("lean-tamper-kept").getOutcome()).isEqualTo(ChainReport.OutcomeEnum.BROKEN);
    }

    private static void changeFirstOption(List<Document> scores) {
        Document first = scores.get(0);
        first.put("option", first.getInteger("option") == 1 ? 2 : 1);
    }

    private ReplayReport failsOnlyTheHash(String id) {
        ReplayReport replay = replays.replay(id);
        assertThat(replay.getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.INTEGRITY_FAILED);
        assertThat(replay.getFailures())
                .extracting(f -> f.getCheck().getValue())
                .containsExactly("HASH");
        return replay;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void olderFormatRecordsStillVerifyAndReplay(int format) {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        String dossierId = "lean-format" + format;
        EvaluationRecord r = append(dossierId, sheet);
        // rewritten as that format wrote it, hashed and signed, the head on it
        Document d = resealed(dossierId, asFormat(format, stored(r.getId()), r));
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        StoredEvaluation s = ledger.record(r.getId()).orElseThrow();
        assertThat(s.recordFormat()).isEqualTo(format);
        assertThat(s.computedHash()).isEqualTo(s.hash());
        assertThat(json.writeValueAsString(s.record().recordFormat(4).hash(null).mac(null)))
                .isEqualTo(json.writeValueAsString(r.hash(null).mac(null)));
        assertThat(replays.replay(r.getId()).getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        assertThat(verification.dossier(dossierId).getOutcome()).isEqualTo(ChainReport.OutcomeEnum.INTACT);
    }

    /** The document hashed and signed anew, and the dossier's chain head (one record) on it. */
    Document resealed(String dossierId, Document d) {
        d.put("hash", RecordHash.hash(d));
        d.put("mac", RecordSeal.mac(key, d.getString("hash")));
        mongo.getCollection("chains")
                .updateOne(
                        eq("_id", dossierId),
                        new Document(
                                "$set",
                                new Document("lastHash", d.getString("hash"))
                                        .append(
                                                "mac",
                                                key.mac(
                                                        EVIDENCE,
                                                        RecordSeal.headMessage(dossierId, 1, d.getString("hash"))))));
        return d;
    }

    @Test
    void withoutTheSheetNothingIsLeftOut() {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("code", "A1.1");
        score.put("option", 2);
        score.put("points", 3);
        score.put("rule", "r");
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("member", "An");
        member.put("criteria", List.of(score));
        Map<String, Object> result = Map.of("members", List.of(member));
        List<Map<String, Object>> assessments = List.of(Map.of("member", "An", "selections", Map.of("A1.1", 2)));
        assertThat(LeanResult.compact(result, Optional.empty(), assessments)).isEqualTo(result);
        assertThat(LeanResult.expand(result, Optional.empty(), assessments)).isEqualTo(result);
    }

    EvaluationRecord append(String dossierId, SheetInfo sheet) {
        List<AssessmentInput> members = new ArrayList<>();
        for (int m = 0; m < 3; m++)
            members.add(new AssessmentInput().member("Thành viên " + m).selections(selections(sheet)));
        return ledger.append(
                dossierId,
                "ocop-2023",
                "FOOD",
                sheet.id(),
                ON,
                new Location().provinceCode("01").communeCode("00004"),
                new DeclaredFacts(),
                members,
                "council");
    }

    /** Random valid options; of each "one of two cases" pair only the first case. */
    Map<String, Integer> selections(SheetInfo sheet) {
        Map<String, Integer> s = new LinkedHashMap<>();
        Set<String> pairs = new HashSet<>();
        for (CriterionInfo c : sheet.criteria()) {
            if (c.alternativeOf() != null && !pairs.add(c.alternativeOf())) continue;
            s.put(c.code(), 1 + random.nextInt(c.options().size()));
        }
        return s;
    }

    Document stored(String id) {
        return mongo.getCollection("evaluations").find(eq("_id", id)).first();
    }

    /**
     * The record as an older format stored it: 2, the result as the API gives it; 3, each criterion score lean but
     * every member's criteria kept.
     */
    @SuppressWarnings("unchecked")
    Document asFormat(int format, Document stored, EvaluationRecord api) {
        Document d = new Document(stored);
        d.put("recordFormat", format);
        Map<String, Object> result = json.convertValue(api.getResult(), Map.class);
        if (format == 3) result = LeanResult.compact(result, engine.sheet("ocop-2023", "food"), List.of());
        d.put("result", Bson.document(result));
        return d;
    }

    static int bsonSize(Document d) {
        return new RawBsonDocument(d, new DocumentCodec()).getByteBuffer().remaining();
    }
}
