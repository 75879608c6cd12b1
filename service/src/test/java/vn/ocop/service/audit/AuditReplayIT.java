package vn.ocop.service.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.Location;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.ruleset.RulesetRegistry;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Tamper-evidence, replay, verify, explanation and the audit log, on the real Drools engine and the embedded store.
 * The cheating is done directly in the database, as an insider with database access would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class AuditReplayIT {
    static final String EDITION = "ocop-2023";
    static final String SHEET = "food";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-audit");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RulesetRegistry engine;

    @Autowired
    Replays replays;

    @Autowired
    EvaluationLedger ledger;

    @Autowired
    BatchReplay batchReplay;

    @Autowired
    Verification verification;

    Http http;
    SheetInfo sheet;
    final Random random = new Random(20261130);

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sheet = engine.sheet(EDITION, SHEET).orElseThrow();
    }

    /** A dossier with three assessments (one member name needing escaping) and {@code n} evaluations; their ids. */
    List<String> dossierWithEvaluations(String dossierIdHolder[], int n) {
        String body = """
                {"product":{"name":"Mật ong hoa nhãn"},
                 "producer":{"name":"HTX Ong mật Hưng Yên","type":"COOPERATIVE"},
                 "location":{"provinceCode":"33","communeCode":"11953"},
                 "edition":"%s","sheet":"%s","facts":{"rawMaterialInProvincePct":80.5,"certifications":["VIETGAP"]}}
                """.formatted(EDITION, SHEET);
        Response d = http.post("/api/v1/dossiers", "integration", body);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String dossierId = d.json().get("id").asString();
        dossierIdHolder[0] = dossierId;
        for (String member : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê <b>Cường</b> & \"Co\"")) {
            String a = "{\"member\":" + Http.JSON.writeValueAsString(member) + ",\"selections\":"
                    + AuditTestSupport.selectionsJson(AuditTestSupport.randomSelections(sheet, random)) + "}";
            Response r = http.post("/api/v1/dossiers/" + dossierId + "/assessments", "council", a);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Response e = http.post("/api/v1/dossiers/" + dossierId + "/evaluations", "council", null);
            assertThat(e.status()).as(e.body()).isEqualTo(201);
            ids.add(e.json().get("id").asString());
        }
        return ids;
    }

    JsonNode replay(String id) {
        Response r = http.post("/api/v1/evaluations/" + id + "/replay", "auditor", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode verify(String dossierId) {
        Response r = http.get("/api/v1/dossiers/" + dossierId + "/evaluations/verify", "auditor");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> checks(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("failures").forEach(f -> out.add(f.get("check").asString()));
        return out;
    }

    static List<String> paths(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("differences").forEach(f -> out.add(f.get("path").asString()));
        return out;
    }

    Document stored(String id) {
        return mongo.getCollection("evaluations").find(eq("_id", id)).first();
    }

    void replace(Document d) {
        mongo.getCollection("evaluations").replaceOne(eq("_id", d.get("_id")), d);
    }

    @Test
    void untouchedChainsMatchAndHashesAreRecomputable() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 3);
        JsonNode first =
                http.get("/api/v1/evaluations/" + ids.get(0), "auditor").json();
        JsonNode second =
                http.get("/api/v1/evaluations/" + ids.get(1), "auditor").json();
        assertThat(first.get("previousHash").asString()).isEqualTo(RecordHash.GENESIS);
        assertThat(second.get("previousHash").asString())
                .isEqualTo(first.get("hash").asString());
        assertThat(first.get("engineVersion").asString()).startsWith("ocop-rules ");
        assertThat(first.get("evaluationDate").asString()).isNotBlank();
        assertThat(first.get("location").get("provinceCode").asString()).isEqualTo("33");
        assertThat(first.get("group").asString()).isEqualTo("FOOD");
        // an outside tool's view: the stored hash is SHA-256 over the canonical form of the record without it
        Document doc = stored(ids.get(0));
        assertThat(RecordHash.hash(doc)).isEqualTo(doc.getString("hash"));

        for (String id : ids) {
            JsonNode r = replay(id);
            assertThat(r.get("outcome").asString()).as(r.toString()).isEqualTo("MATCH");
            assertThat(r.get("differences")).isEmpty();
        }
        JsonNode v = verify(dossier[0]);
        assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("INTACT");
        assertThat(v.get("records").asLong()).isEqualTo(3);
        assertThat(v.get("headSequence").asLong()).isEqualTo(3);
        assertThat(http.post("/api/v1/evaluations/nope/replay", "auditor", null).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/evaluations/" + ids.get(0) + "/replay", "council", null)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/evaluations/" + ids.get(0) + "/replay", "admin", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void afterANewerRulesetIsPublishedOldRecordsStillMatchOnTheirOwnVersion() {
        String[] dossier = new String[1];
        String old = dossierWithEvaluations(dossier, 1).get(0);
        JsonNode oldRecord = http.get("/api/v1/evaluations/" + old, "auditor").json();
        String oldVersion = oldRecord.get("rulesetVersion").asString();
        String oldSha = oldRecord.get("rulesetSha256").asString();
        // a new version of the edition (same rules, new version number, so a new SHA-256), validated, tested, published
        // today
        // the draft re-uploads one file unchanged: the rules stay, the version number in edition.yaml (so the SHA-256)
        // moves
        Response spread =
                http.get("/api/v1/rulesets/" + EDITION + "@" + oldVersion + "/files/council/spread.drl", "policy");
        assertThat(spread.status()).as(spread.body()).isEqualTo(200);
        Response draft = http.post(
                "/api/v1/rulesets",
                "policy",
                "{\"edition\":\"" + EDITION
                        + "\",\"note\":\"audit test: a newer version\",\"files\":{\"council/spread.drl\":"
                        + Http.JSON.writeValueAsString(spread.body()) + "}}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String rulesetId = draft.json().get("id").asString();
        // compiling, running the scenarios and loading the kjars to publish take minutes on a loaded machine (a CI run
        // passed 30 s on publish): a patient client for the lifecycle calls
        Http patient = new Http(port, java.time.Duration.ofMinutes(10));
        Response validated = patient.post("/api/v1/rulesets/" + rulesetId + "/validate", "policy", null);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        Response tested = patient.post("/api/v1/rulesets/" + rulesetId + "/test", "policy", null);
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        Response published = patient.post(
                "/api/v1/rulesets/" + rulesetId + "/publish",
                "policy2",
                "{\"effectiveFrom\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        Response next = http.post("/api/v1/dossiers/" + dossier[0] + "/evaluations", "council", null);
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().get("rulesetVersion").asString()).isNotEqualTo(oldVersion);
        assertThat(next.json().get("rulesetSha256").asString()).isNotEqualTo(oldSha);

        JsonNode r = replay(old);
        assertThat(r.get("outcome").asString()).as(r.toString()).isEqualTo("MATCH");
        assertThat(r.get("rulesetVersion").asString()).isEqualTo(oldVersion);
        assertThat(replay(next.json().get("id").asString()).get("outcome").asString())
                .isEqualTo("MATCH");
        assertThat(verify(dossier[0]).get("outcome").asString()).isEqualTo("INTACT");
    }

    @Test
    void aChangedPointIsCaught() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 2);
        Document d = stored(ids.get(1));
        Document member = d.get("result", Document.class)
                .getList("members", Document.class)
                .get(0);
        // format 4 stores no criterion score its sheet gives (docs/audit.md): a member's total is what is left to
        // change
        member.put("total", member.getInteger("total") + 1);
        replace(d);

        JsonNode r = replay(ids.get(1));
        assertThat(r.get("outcome").asString()).isEqualTo("INTEGRITY_FAILED");
        assertThat(checks(r)).containsExactly("HASH");
        assertThat(paths(r)).contains("result.members[0].total");
        assertThat(checks(verify(dossier[0]))).containsExactly("HASH");
    }

    @Test
    void aChangedOptionIsCaught() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 1);
        Document d = stored(ids.get(0));
        Document selection = d.getList("assessments", Document.class)
                .get(0)
                .getList("selections", Document.class)
                .get(0);
        int option = selection.getInteger("option");
        selection.put("option", option == 1 ? 2 : option - 1);
        replace(d);

        JsonNode r = replay(ids.get(0));
        assertThat(r.get("outcome").asString()).isEqualTo("INTEGRITY_FAILED");
        assertThat(checks(r)).containsExactly("HASH");
        // the snapshot now re-scores differently from the stored totals; the criterion's own option is not among the
        // differences, as format 4 reads it from the (changed) snapshot: the hash is what guards it
        assertThat(paths(r)).contains("result.members[0].total");
        assertThat(verify(dossier[0]).get("outcome").asString()).isEqualTo("BROKEN");
    }

    @Test
    void aChangedHashIsCaughtOnTheRecordAndOnTheNextLink() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 3);
        Document d = stored(ids.get(1));
        d.put("hash", "f".repeat(64));
        replace(d);
        // the MAC was made over the old hash, so it no longer holds either
        assertThat(checks(replay(ids.get(1)))).containsExactly("HASH", "MAC");
        assertThat(checks(replay(ids.get(2)))).containsExactly("CHAIN_LINK");
        assertThat(checks(verify(dossier[0]))).containsExactly("HASH", "MAC", "CHAIN_LINK");
    }

    @Test
    void aResultRewrittenWithARecomputedHashIsCaughtByReplayAndByTheNextLink() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 2);
        Document d = stored(ids.get(0));
        Document result = d.get("result", Document.class);
        result.put("stars", result.getInteger("stars") == null || result.getInteger("stars") < 5 ? 5 : 4);
        d.put("hash", RecordHash.hash(d));
        replace(d);
        JsonNode r = replay(ids.get(0));
        // without the integrity key the forger cannot make the MAC of the new hash
        assertThat(r.get("outcome").asString()).isEqualTo("INTEGRITY_FAILED");
        assertThat(checks(r)).containsExactly("MAC");
        assertThat(r.get("failures").get(0).get("reason").asString()).isEqualTo("RECORD_MAC_INVALID");
        assertThat(paths(r)).containsExactly("result.stars");
        assertThat(checks(replay(ids.get(1)))).containsExactly("CHAIN_LINK");
    }

    @Test
    void aRecordDeletedFromTheMiddleIsCaught() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 3);
        mongo.getCollection("evaluations").deleteOne(eq("_id", ids.get(1)));
        assertThat(checks(replay(ids.get(2)))).containsExactly("SEQUENCE_GAP");
        JsonNode v = verify(dossier[0]);
        assertThat(v.get("outcome").asString()).isEqualTo("BROKEN");
        assertThat(checks(v)).containsExactly("SEQUENCE_GAP");
        assertThat(v.get("failures").get(0).get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void aLastRecordDeletedIsCaughtByTheHead() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 2);
        mongo.getCollection("evaluations").deleteOne(eq("_id", ids.get(1)));
        assertThat(checks(verify(dossier[0]))).containsExactly("SEQUENCE_GAP");
    }

    @Test
    void aForgedRecordIsCaught() {
        String[] dossier = new String[1];
        List<String> ids = dossierWithEvaluations(dossier, 2);
        // a careful forger: the next sequence, linked to the real last hash, a better result, a correctly computed hash
        Document forged = stored(ids.get(1));
        String forgedId = UUID.randomUUID().toString();
        forged.put("_id", forgedId);
        forged.put("sequence", 3L);
        forged.put("previousHash", forged.getString("hash"));
        Document result = forged.get("result", Document.class);
        result.put("stars", result.getInteger("stars") == null || result.getInteger("stars") < 5 ? 5 : 4);
        forged.put("hash", RecordHash.hash(forged));
        mongo.getCollection("evaluations").insertOne(forged);

        JsonNode r = replay(forgedId);
        assertThat(r.get("outcome").asString()).isEqualTo("INTEGRITY_FAILED");
        assertThat(checks(r)).containsExactly("MAC");
        assertThat(paths(r)).containsExactly("result.stars");
        JsonNode v = verify(dossier[0]);
        assertThat(checks(v)).containsExactly("MAC", "HEAD");

        // a clumsy forger: a record with an invented hash in the middle of nowhere
        Document clumsy = stored(ids.get(0));
        clumsy.put("_id", UUID.randomUUID().toString());
        clumsy.put("sequence", 7L);
        mongo.getCollection("evaluations").insertOne(clumsy);
        assertThat(checks(replay(clumsy.getString("_id")))).contains("HASH", "SEQUENCE_GAP");
    }

    @Test
    void explanationInVietnameseAndAPrintableSheet() {
        String[] dossier = new String[1];
        String id = dossierWithEvaluations(dossier, 1).get(0);
        Response json = http.get("/api/v1/evaluations/" + id + "/explanation", "council");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode e = json.json();
        assertThat(e.get("members")).hasSize(3);
        JsonNode row = e.get("members").get(0).get("criteria").get(0);
        assertThat(row.get("optionLabel").asString()).isNotBlank();
        assertThat(row.get("name").asString()).isNotBlank();
        assertThat(row.get("rule").asString()).isNotBlank();
        assertThat(row.get("explanation").asString()).startsWith("Thành viên Nguyễn Văn An chọn phương án");
        assertThat(e.get("council").get("summary").asString()).contains("Hội đồng có 3 thành viên chấm điểm");
        assertThat(e.get("council").get("averageTotalRounded").asString()).matches("\\d+\\.\\d\\d");

        for (Response html : List.of(
                http.send(
                        "GET",
                        "/api/v1/evaluations/" + id + "/explanation",
                        "council",
                        null,
                        null,
                        "Accept",
                        "text/html"),
                http.get("/api/v1/evaluations/" + id + "/explanation?format=html", "council"))) {
            assertThat(html.status()).isEqualTo(200);
            assertThat(html.contentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
            assertThat(html.body())
                    .contains(
                            "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
                            "Tổng hợp kết quả của Hội đồng",
                            "Lê &lt;b&gt;Cường&lt;/b&gt; &amp; &quot;Co&quot;")
                    .doesNotContain("<b>Cường</b>");
        }
    }

    @Test
    void stateChangingCallsAreLoggedWithWhoWhatOutcomeAndRequestId() {
        String[] dossier = new String[1];
        String id = dossierWithEvaluations(dossier, 1).get(0);
        Response posted = http.send(
                "POST", "/api/v1/evaluations/" + id + "/replay", "auditor", null, null, "X-Request-Id", "req-audit-42");
        assertThat(posted.status()).isEqualTo(200);
        Response refused = http.post("/api/v1/evaluations/" + id + "/replay", "integration", null);
        assertThat(refused.status()).isEqualTo(403);

        Response page = http.get("/api/v1/audit?target=" + id + "&size=50", "auditor");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.json().get("items").forEach(entries::add);
        assertThat(entries).anySatisfy(en -> {
            assertThat(en.get("requestId").asString()).isEqualTo("req-audit-42");
            assertThat(en.get("actor").asString()).isEqualTo("auditor");
            assertThat(en.get("roles").get(0).asString()).isEqualTo("AUDITOR");
            assertThat(en.get("route").asString()).isEqualTo("/api/v1/evaluations/{id}/replay");
            assertThat(en.get("method").asString()).isEqualTo("POST");
            assertThat(en.get("status").asInt()).isEqualTo(200);
        });
        assertThat(entries).anySatisfy(en -> {
            assertThat(en.get("actor").asString()).isEqualTo("integration");
            assertThat(en.get("status").asInt()).isEqualTo(403);
        });
        // the evaluation itself: target = the dossier, by council
        JsonNode byCouncil = http.get("/api/v1/audit?actor=council&target=" + dossier[0], "admin")
                .json();
        assertThat(byCouncil.get("items")).anySatisfy(en -> {
            assertThat(en.get("route").asString()).isEqualTo("/api/v1/dossiers/{id}/evaluations");
            assertThat(en.get("status").asInt()).isEqualTo(201);
        });
        // a created dossier's target is its new id (from Location)
        JsonNode creations = http.get("/api/v1/audit?target=" + dossier[0] + "&actor=integration", "auditor")
                .json();
        assertThat(creations.get("items"))
                .anySatisfy(en -> assertThat(en.get("route").asString()).isEqualTo("/api/v1/dossiers"));
        assertThat(posted.contentType()).isNotNull();
        assertThat(http.get("/api/v1/audit", "council").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit?size=101", "auditor").status()).isEqualTo(400);
        // no API path updates or deletes records or entries
        assertThat(http.send("DELETE", "/api/v1/evaluations/" + id, "admin", null, null)
                        .status())
                .isIn(404, 405);
        assertThat(http.send("PUT", "/api/v1/evaluations/" + id, "admin", "application/json", "{}".getBytes())
                        .status())
                .isIn(404, 405);
    }

    @Test
    void aThousandRandomStoredEvaluationsAllMatch() {
        List<EvaluationLedger.Inputs> inputs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) inputs.add(randomInputs("bulk-" + (i % 250), "99", random));
        List<String> ids = new ArrayList<>(ledger.appendAll(inputs, "bulk").stream()
                .map(EvaluationRecord::getId)
                .toList());
        Collections.shuffle(ids, random);
        Map<ReplayReport.OutcomeEnum, Long> outcomes = new java.util.EnumMap<>(ReplayReport.OutcomeEnum.class);
        for (String id : ids) {
            ReplayReport r = replays.replay(id);
            outcomes.merge(r.getOutcome(), 1L, Long::sum);
            assertThat(r.getOutcome()).as(r.toString()).isEqualTo(ReplayReport.OutcomeEnum.MATCH);
        }
        assertThat(outcomes).containsEntry(ReplayReport.OutcomeEnum.MATCH, 1000L);
        // the same records as one streamed batch
        BatchReplay.Report batch =
                batchReplay.run(new BatchReplay.Filter("99", null, "FOOD", EDITION, null, null), null);
        assertThat(batch.replayed()).isEqualTo(1000);
        assertThat(batch.match()).isEqualTo(1000);
        // and each bulk dossier's chain is intact
        assertThat(verification.dossier("bulk-7").getOutcome())
                .isEqualTo(vn.ocop.api.model.ChainReport.OutcomeEnum.INTACT);

        // the same through the API, as a background job
        Response started = http.post("/api/v1/replays", "auditor", "{\"province\":\"99\",\"edition\":\"ocop-2023\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        JsonNode j = null;
        for (int i = 0; i < 600; i++) {
            j = http.get("/api/v1/jobs/" + job, "auditor").json();
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(j.get("state").asString())) break;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(j.get("state").asString()).as(j.toString()).isEqualTo("SUCCEEDED");
        assertThat(j.get("total").asLong()).isEqualTo(1000);
        assertThat(j.get("result").get("match").asLong()).isEqualTo(1000);
        assertThat(j.get("result").get("integrityFailed").asLong()).isZero();
        assertThat(j.get("counts").get("MATCH").asLong()).isEqualTo(1000);
        assertThat(http.post("/api/v1/replays", "council", "{}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/replays", "auditor", "{\"from\":\"2026-12-01\",\"to\":\"2026-11-01\"}")
                        .status())
                .isEqualTo(400);
    }

    EvaluationLedger.Inputs randomInputs(String dossierId, String province, Random random) {
        List<AssessmentInput> assessments = new ArrayList<>();
        int members = 3 + random.nextInt(3);
        for (int m = 0; m < members; m++) {
            assessments.add(new AssessmentInput()
                    .member("Thành viên " + m)
                    .role(m == 0 ? CouncilRole.CHAIR : CouncilRole.MEMBER)
                    .selections(AuditTestSupport.randomSelections(sheet, random)));
        }
        DeclaredFacts facts = new DeclaredFacts()
                .rawMaterialInProvincePct(java.math.BigDecimal.valueOf(random.nextInt(1001), 1))
                .certifications(random.nextBoolean() ? List.of("VIETGAP") : List.of());
        return new EvaluationLedger.Inputs(
                dossierId,
                EDITION,
                "FOOD",
                SHEET,
                LocalDate.of(2026, 11, 30),
                new Location().provinceCode(province).communeCode("12345"),
                facts,
                assessments);
    }
}
