package vn.ocop.service;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Which edition scores, and the transition deadline of Điều 12, on the real engine and the embedded store: through
 * the stateless evaluate and through stored dossiers, whose records replay MATCH (and so do records of format 1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class EditionChoiceApiIT {
    static final String OLD = "ocop-2023";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-edition-choice");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** Every criterion of a catalogue sheet at its highest-scoring option (one case of each two-case pair). */
    String bestSelections(String edition, String sheet) {
        Response r = http.get("/api/v1/editions/" + edition + "/sheets/" + sheet, "council");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        StringBuilder sb = new StringBuilder("{");
        List<String> pairs = new ArrayList<>();
        for (JsonNode c : r.json().get("criteria")) {
            JsonNode alt = c.get("alternativeOf");
            if (alt != null && !alt.isNull()) {
                if (pairs.contains(alt.asString())) continue;
                pairs.add(alt.asString());
            }
            int best = 1;
            int bestPoints = -1;
            for (JsonNode o : c.get("options")) {
                if (o.get("points").asInt() > bestPoints) {
                    bestPoints = o.get("points").asInt();
                    best = o.get("number").asInt();
                }
            }
            sb.append(sb.length() > 1 ? "," : "")
                    .append('"')
                    .append(c.get("code").asString())
                    .append("\":")
                    .append(best);
        }
        return sb.append('}').toString();
    }

    Response evaluate(String fields, String selections) {
        return http.post(
                "/api/v1/evaluate",
                "integration",
                "{" + fields + ",\"assessments\":["
                        + "{\"member\":\"Nguyễn Văn An\",\"selections\":" + selections + "},"
                        + "{\"member\":\"Trần Thị Bình\",\"role\":\"CHAIR\",\"selections\":" + selections + "}]}");
    }

    static boolean hasFinding(JsonNode result, String code) {
        for (JsonNode f : result.get("findings")) if (f.get("code").asString().equals(code)) return true;
        return false;
    }

    @Test
    void theTransitionWarningAppearsExactlyWhenTheDatesSay() {
        String s = bestSelections(OLD, "food");
        record Case(String kind, String date, boolean warns) {}
        for (Case c : List.of(
                new Case("FIRST", "2026-07-20", false),
                new Case("FIRST", "2026-07-21", true),
                new Case("UPGRADE", "2026-07-20", false),
                new Case("UPGRADE", "2026-07-21", true),
                new Case("RE_EVALUATION", "2026-06-20", false),
                new Case("RE_EVALUATION", "2026-06-21", true))) {
            Response r = evaluate(
                    "\"sheet\":\"food\",\"registeredOn\":\"2026-05-01\",\"evaluationDate\":\"" + c.date()
                            + "\",\"evaluationKind\":\"" + c.kind() + "\"",
                    s);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode result = r.json();
            assertThat(result.get("edition").asString()).as(c.toString()).isEqualTo(OLD);
            assertThat(result.get("status").asString()).isEqualTo("VALID");
            assertThat(hasFinding(result, "TRANSITION_DEADLINE_PASSED"))
                    .as(c.toString())
                    .isEqualTo(c.warns());
            if (c.warns()) {
                JsonNode f = null;
                for (JsonNode x : result.get("findings"))
                    if (x.get("code").asString().equals("TRANSITION_DEADLINE_PASSED")) f = x;
                assertThat(f.get("severity").asString()).isEqualTo("WARNING");
                assertThat(f.get("message").asString()).contains("Quá thời hạn chuyển tiếp", "Điều 12");
            }
        }
    }

    @Test
    void withoutAnEditionAFilingBefore22May2026IsScoredOnOcop2023() {
        Response r = evaluate(
                "\"sheet\":\"food\",\"registeredOn\":\"2026-05-01\",\"evaluationDate\":\"2026-05-10\"",
                bestSelections(OLD, "food"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("edition").asString()).isEqualTo(OLD);
        assertThat(hasFinding(r.json(), "TRANSITION_DEADLINE_PASSED")).isFalse();
    }

    @Test
    void badDatesAreProblemsNotErrors() {
        String s = bestSelections(OLD, "food");
        Response after =
                evaluate("\"sheet\":\"food\",\"registeredOn\":\"2026-06-02\",\"evaluationDate\":\"2026-06-01\"", s);
        assertThat(after.status()).as(after.body()).isEqualTo(400);
        assertThat(after.isProblem()).isTrue();
        assertThat(after.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(after.body()).contains("registeredOn");
        for (String bad : List.of(
                "\"registeredOn\":\"2026-13-01\"",
                "\"evaluationDate\":\"01/06/2026\"",
                "\"registeredOn\":20260601",
                "\"evaluationKind\":\"SECOND\"")) {
            Response r = evaluate("\"sheet\":\"food\"," + bad, s);
            assertThat(r.status()).as(bad + " → " + r.body()).isBetween(400, 499);
            assertThat(r.isProblem()).as(bad).isTrue();
        }
        Response none =
                evaluate("\"sheet\":\"food\",\"registeredOn\":\"2010-01-01\",\"evaluationDate\":\"2010-01-02\"", s);
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.json().get("code").asString()).isEqualTo("NO_EDITION_IN_FORCE");
    }

    String dossier(String registeredOn, String kind, String province) {
        String body = """
                {"product":{"name":"Mật ong hoa nhãn"},
                 "producer":{"name":"HTX Ong mật Hưng Yên","type":"COOPERATIVE"},
                 "location":{"provinceCode":"%s","communeCode":"%s"},
                 "registeredOn":"%s","evaluationKind":"%s","sheet":"food"}
                """.formatted(province, vn.ocop.testsupport.Http.communeOf(province), registeredOn, kind);
        Response d = http.post("/api/v1/dossiers", "integration", body);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return d.json().get("id").asString();
    }

    @Test
    void aStoredDossierFiledBefore22MayIsOnOcop2023AndItsRecordCarriesTheTransitionWarningAndReplays() {
        String id = dossier("2026-05-01", "RE_EVALUATION", "33");
        JsonNode d = http.get("/api/v1/dossiers/" + id, "auditor").json();
        assertThat(d.get("edition").asString()).isEqualTo(OLD);
        assertThat(d.get("evaluationKind").asString()).isEqualTo("RE_EVALUATION");
        Response a = http.post(
                "/api/v1/dossiers/" + id + "/assessments",
                "council",
                "{\"member\":\"Nguyễn Văn An\",\"selections\":" + bestSelections(OLD, "food") + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Response e = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        JsonNode record = e.json();
        assertThat(record.get("registeredOn").asString()).isEqualTo("2026-05-01");
        assertThat(record.get("evaluationKind").asString()).isEqualTo("RE_EVALUATION");
        assertThat(record.get("recordFormat").asInt()).isEqualTo(4);
        // stored evaluations are dated today (Vietnam time): the warning follows the real date
        LocalDate today = LocalDate.parse(record.get("evaluationDate").asString());
        assertThat(today).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(hasFinding(record.get("result"), "TRANSITION_DEADLINE_PASSED"))
                .isEqualTo(today.isAfter(LocalDate.of(2026, 6, 20)));
        Response replay = http.post("/api/v1/evaluations/" + record.get("id").asString() + "/replay", "auditor", null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().get("outcome").asString()).as(replay.body()).isEqualTo("MATCH");
    }

    @Test
    void aRecordOfFormat1StillVerifiesAndReplaysMatch() {
        String id = dossier("2026-05-01", "FIRST", "33");
        http.post(
                "/api/v1/dossiers/" + id + "/assessments",
                "council",
                "{\"member\":\"Nguyễn Văn An\",\"selections\":" + bestSelections(OLD, "food") + "}");
        JsonNode written = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null)
                .json();
        String recordId = written.get("id").asString();
        // rewrite it as the code before format 2 wrote it: no recordFormat, registeredOn, evaluationKind; the result
        // as the API gives it (every score whole) but without starsByAverage and the service's findings; hashed as then
        Document doc =
                mongo.getCollection("evaluations").find(eq("_id", recordId)).first();
        Document result = Document.parse(written.get("result").toString());
        doc.put("result", result);
        assertThat(result.get("starsByAverage"))
                .as("the current engine gives starsByAverage")
                .isNotNull();
        for (String k : List.of("recordFormat", "registeredOn", "evaluationKind")) doc.remove(k);
        result.remove("starsByAverage");
        result.remove("roadToNextStar");
        result.getList("findings", Document.class)
                .removeIf(f -> "TRANSITION_DEADLINE_PASSED".equals(f.getString("code")));
        // ... and, like every record of that time, unsigned: no record MAC, no head MAC (docs/audit.md)
        doc.remove("mac");
        doc.put("hash", RecordHash.hash(doc));
        mongo.getCollection("evaluations").replaceOne(eq("_id", recordId), doc);
        mongo.getCollection("chains")
                .updateOne(
                        eq("_id", id),
                        new Document("$set", new Document("lastHash", doc.getString("hash")))
                                .append("$unset", new Document("mac", "")));

        JsonNode replay = http.post("/api/v1/evaluations/" + recordId + "/replay", "auditor", null)
                .json();
        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("MATCH");
        JsonNode verify = http.get("/api/v1/dossiers/" + id + "/evaluations/verify", "auditor")
                .json();
        assertThat(verify.get("outcome").asString()).as(verify.toString()).isEqualTo("INTACT_UNSIGNED");
        // and a format-2 record whose new members were removed is caught by its hash
        doc.put("recordFormat", 2);
        mongo.getCollection("evaluations").replaceOne(eq("_id", recordId), doc);
        JsonNode tampered = http.post("/api/v1/evaluations/" + recordId + "/replay", "auditor", null)
                .json();
        assertThat(tampered.get("outcome").asString()).isEqualTo("INTEGRITY_FAILED");
    }
}
