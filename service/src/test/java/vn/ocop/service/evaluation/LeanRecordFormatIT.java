package vn.ocop.service.evaluation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
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
 * Record format 3 (docs/audit.md, "Record formats"): criterion scores stored as code and option, points and rule only
 * where the ruleset's sheet does not give them; read back, replayed and verified exactly as the API gave the result.
 * Format-2 records written before keep verifying and replaying.
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
        assertThat(got.json().get("recordFormat").asInt()).isEqualTo(3);
        JsonNode first =
                got.json().get("result").get("members").get(0).get("criteria").get(0);
        assertThat(first.get("points").isNumber()).isTrue();
        assertThat(first.get("rule").asString()).isNotBlank();

        Document stored = stored(id);
        for (Document m : stored.get("result", Document.class).getList("members", Document.class)) {
            for (Document c : m.getList("criteria", Document.class))
                assertThat(c.keySet()).as("2023 has no condition rule").containsExactly("code", "option");
        }
        assertThat(replays.replay(id).getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        assertThat(verification.dossier(dossierId).getOutcome()).isEqualTo(ChainReport.OutcomeEnum.INTACT);

        // what format 2 stored for the same record: the result as the API gives it
        Document format2 = asFormat2(stored, ledger.record(id).orElseThrow().record());
        int before = bsonSize(format2);
        int after = bsonSize(stored);
        System.out.printf(
                "BSON size of a stored evaluation (ocop-2023/food, 3 members × %d criteria): format 2 %d B, format 3 %d B%n",
                sheet.criteria().size(), before, after);
        assertThat(after).isLessThan(before * 2 / 3);
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
    void aChangedStoredOptionBreaksTheRecord() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-tamper", sheet);
        Document d = stored(r.getId());
        Document criterion = d.get("result", Document.class)
                .getList("members", Document.class)
                .get(0)
                .getList("criteria", Document.class)
                .get(0);
        int option = criterion.getInteger("option");
        criterion.put("option", option == 1 ? 2 : 1);
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);

        ReplayReport replay = replays.replay(r.getId());
        assertThat(replay.getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.INTEGRITY_FAILED);
        assertThat(replay.getFailures())
                .extracting(f -> f.getCheck().getValue())
                .containsExactly("HASH");
        assertThat(replay.getDifferences())
                .extracting(x -> x.getPath())
                .contains("result.members[0].criteria[0].option", "result.members[0].criteria[0].rule");
        ChainReport verify = verification.dossier("lean-tamper");
        assertThat(verify.getOutcome()).isEqualTo(ChainReport.OutcomeEnum.BROKEN);
        assertThat(verify.getFailures()).extracting(f -> f.getReason()).containsExactly("RECORD_HASH_MISMATCH");
    }

    @Test
    void formatTwoRecordsStillVerifyAndReplay() {
        SheetInfo sheet = engine.sheet("ocop-2023", "food").orElseThrow();
        EvaluationRecord r = append("lean-format2", sheet);
        // rewritten as format 2 wrote it: the full result, recordFormat 2, hashed and signed, the head on it
        Document d = asFormat2(stored(r.getId()), r);
        d.put("hash", RecordHash.hash(d));
        d.put("mac", RecordSeal.mac(key, d.getString("hash")));
        mongo.getCollection("evaluations").replaceOne(eq("_id", r.getId()), d);
        mongo.getCollection("chains")
                .updateOne(
                        eq("_id", "lean-format2"),
                        new Document(
                                "$set",
                                new Document("lastHash", d.getString("hash"))
                                        .append(
                                                "mac",
                                                key.mac(
                                                        EVIDENCE,
                                                        RecordSeal.headMessage(
                                                                "lean-format2", 1, d.getString("hash"))))));

        StoredEvaluation s = ledger.record(r.getId()).orElseThrow();
        assertThat(s.recordFormat()).isEqualTo(2);
        assertThat(s.computedHash()).isEqualTo(s.hash());
        assertThat(json.writeValueAsString(s.record().recordFormat(3).hash(null).mac(null)))
                .isEqualTo(json.writeValueAsString(r.hash(null).mac(null)));
        assertThat(replays.replay(r.getId()).getOutcome()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        assertThat(verification.dossier("lean-format2").getOutcome()).isEqualTo(ChainReport.OutcomeEnum.INTACT);
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
        assertThat(LeanResult.compact(result, java.util.Optional.empty())).isEqualTo(result);
        assertThat(LeanResult.expand(result, java.util.Optional.empty())).isEqualTo(result);
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

    /** The record as format 2 stored it: the result as the API gives it, recordFormat 2. */
    @SuppressWarnings("unchecked")
    Document asFormat2(Document stored, EvaluationRecord api) {
        Document d = new Document(stored);
        d.put("recordFormat", 2);
        d.put("result", Bson.document(json.convertValue(api.getResult(), Map.class)));
        return d;
    }

    static int bsonSize(Document d) {
        return new RawBsonDocument(d, new DocumentCodec()).getByteBuffer().remaining();
    }
}
