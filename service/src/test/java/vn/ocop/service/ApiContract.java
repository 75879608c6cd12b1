package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.testsupport.Http.assessmentJson;
import static vn.ocop.testsupport.Http.dossierJson;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * The storage and API suite. It runs against the embedded store ({@link EmbeddedStoreApiIT}) and against
 * MongoDB 7 in a container ({@link MongoDbContainerApiIT}, skipped without Docker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEngineConfiguration.class)
@ActiveProfiles("local")
abstract class ApiContract {
    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    String createDossier(String name, String province) {
        Response r = http.post("/api/v1/dossiers", "integration", dossierJson(name, province, null));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void dossierUpdatesNeedTheCurrentEtag() {
        Response created = http.post("/api/v1/dossiers", "integration", dossierJson("Bưởi Năm Roi", "82", null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"1\"");
        String id = created.json().get("id").asString();
        assertThat(created.location()).endsWith("/api/v1/dossiers/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("group").asString()).isEqualTo("FOOD");
        assertThat(created.json().get("createdBy").asString()).isEqualTo("integration");

        Response read = http.get("/api/v1/dossiers/" + id, "auditor");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"1\"");
        assertThat(read.json().get("facts").get("rawMaterialInProvincePct").decimalValue())
                .isEqualByComparingTo("80.5");

        String changed = dossierJson("Bưởi Năm Roi loại 1", "82", "\"status\":\"SUBMITTED\"");
        Response missing = http.put("/api/v1/dossiers/" + id, "integration", changed);
        assertProblem(missing, 428, "PRECONDITION_REQUIRED");
        assertProblem(
                http.put("/api/v1/dossiers/" + id, "integration", changed, "If-Match", "\"7\""),
                412,
                "PRECONDITION_FAILED");
        assertProblem(
                http.put("/api/v1/dossiers/" + id, "integration", changed, "If-Match", "garbage"),
                412,
                "PRECONDITION_FAILED");

        Response updated = http.put("/api/v1/dossiers/" + id, "integration", changed, "If-Match", "\"1\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.etag()).isEqualTo("\"2\"");
        assertThat(updated.json().get("product").get("name").asString()).isEqualTo("Bưởi Năm Roi loại 1");
        assertThat(updated.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(updated.json().get("createdBy").asString()).isEqualTo("integration");
        // a second writer holding the old ETag loses
        assertProblem(
                http.put("/api/v1/dossiers/" + id, "integration", changed, "If-Match", "\"1\""),
                412,
                "PRECONDITION_FAILED");
        assertProblem(http.put("/api/v1/dossiers/nope", "integration", changed, "If-Match", "\"1\""), 404, "NOT_FOUND");
    }

    @Test
    void vietnameseTextIsStoredInNfc() {
        String decomposed = Normalizer.normalize("Nước mắm Phú Quốc", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        String id = createDossier(decomposed, "91");
        String name = http.get("/api/v1/dossiers/" + id, "integration")
                .json()
                .get("product")
                .get("name")
                .asString();
        assertThat(name)
                .isEqualTo("Nước mắm Phú Quốc")
                .isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        Document stored =
                mongo.getCollection("dossiers").find(new Document("_id", id)).first();
        assertThat(stored.get("product", Document.class).getString("name")).isEqualTo("Nước mắm Phú Quốc");
    }

    @Test
    void councilAssessesAndEvaluationRecordsAreKept() {
        String id = createDossier("Gạo ST25", "92");
        assertProblem(http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null), 422, "NO_ASSESSMENTS");

        assertThat(http.post(
                                "/api/v1/dossiers/" + id + "/assessments",
                                "council",
                                assessmentJson("Nguyễn Văn An", 3, 3, 3))
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                "/api/v1/dossiers/" + id + "/assessments",
                                "council",
                                assessmentJson("Trần Thị Bình", 3, 2, 3))
                        .status())
                .isEqualTo(201);
        // the same member written decomposed is still the same member
        String again = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        assertProblem(
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessmentJson(again, 1, 1, 1)),
                409,
                "DUPLICATE_ASSESSMENT");
        assertThat(http.post(
                                "/api/v1/dossiers/" + id + "/assessments",
                                "council",
                                assessmentJson("Lê Văn Cường", 3, 3, 2))
                        .status())
                .isEqualTo(201);
        assertProblem(
                http.post("/api/v1/dossiers/nope/assessments", "council", assessmentJson("X", 1, 1, 1)),
                404,
                "NOT_FOUND");

        JsonNode list =
                http.get("/api/v1/dossiers/" + id + "/assessments", "council").json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("member").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(list.get(2).get("member").asString()).isEqualTo("Lê Văn Cường");
        assertThat(list.get(1).get("selections").get("B1").asInt()).isEqualTo(2);

        Response first = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode record = first.json();
        // ocop-2023 test sheet: A1 40, B1 25, C1 35 → 100, 25*0.6=15 → 90, 35*0.6=21 → 86; average 92 → 5 stars
        assertThat(record.get("sequence").asLong()).isEqualTo(1);
        assertThat(record.get("edition").asString()).isEqualTo("ocop-2023");
        assertThat(record.get("rulesetSha256").asString()).isEqualTo("sha-ocop-2023");
        assertThat(record.get("result").get("stars").asInt()).isEqualTo(5);
        assertThat(record.get("result").get("averageTotal").decimalValue()).isEqualByComparingTo("92");
        assertThat(record.get("assessments")).hasSize(3);
        assertThat(record.get("assessments").get(1).get("selections").get("B1").asInt())
                .isEqualTo(2);
        assertThat(record.get("facts").get("certifications").get(0).asString()).isEqualTo("VIETGAP");
        assertThat(record.get("requestedBy").asString()).isEqualTo("council");
        assertThat(first.location())
                .endsWith("/api/v1/evaluations/" + record.get("id").asString());

        JsonNode read = http.get("/api/v1/evaluations/" + record.get("id").asString(), "auditor")
                .json();
        assertThat(read).isEqualTo(record);
        Response dossier = http.get("/api/v1/dossiers/" + id, "integration");
        assertThat(dossier.json().get("status").asString()).isEqualTo("EVALUATED");
        assertThat(dossier.json().get("stars").asInt()).isEqualTo(5);
        assertThat(dossier.json().get("latestEvaluationId").asString())
                .isEqualTo(record.get("id").asString());
        assertThat(dossier.etag()).isEqualTo("\"2\"");

        Response second = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(second.json().get("sequence").asLong()).isEqualTo(2);
        JsonNode records =
                http.get("/api/v1/dossiers/" + id + "/evaluations", "auditor").json();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("id").asString())
                .isEqualTo(record.get("id").asString());
        assertThat(records.get(1).get("sequence").asLong()).isEqualTo(2);
        assertProblem(http.get("/api/v1/evaluations/nope", "auditor"), 404, "NOT_FOUND");
    }

    @Test
    void concurrentEvaluationsTakeDistinctSequenceNumbers() throws Exception {
        String id = createDossier("Cá khô Cà Mau", "96");
        http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessmentJson("Nguyễn Văn An", 3, 3, 3));
        int n = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null)));
            }
            List<Long> sequences = new ArrayList<>();
            for (var f : futures) {
                Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                sequences.add(r.json().get("sequence").asLong());
            }
            assertThat(sequences).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        } finally {
            pool.shutdown();
        }
        JsonNode records =
                http.get("/api/v1/dossiers/" + id + "/evaluations", "auditor").json();
        assertThat(records).hasSize(n);
        assertThat(records.get(n - 1).get("sequence").asLong()).isEqualTo(n);
        JsonNode dossier = http.get("/api/v1/dossiers/" + id, "auditor").json();
        assertThat(dossier.get("latestEvaluationId").asString())
                .isEqualTo(records.get(n - 1).get("id").asString());
    }

    @Test
    void theSequenceIndexRefusesASecondRecordWithTheSameNumber() {
        Document a = new Document("_id", UUID.randomUUID().toString())
                .append("dossierId", "d-seq")
                .append("sequence", 1L);
        Document b = new Document("_id", UUID.randomUUID().toString())
                .append("dossierId", "d-seq")
                .append("sequence", 1L);
        mongo.getCollection("evaluations").insertOne(a);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> mongo.getCollection("evaluations").insertOne(b))
                .hasMessageContaining("E11000");
    }

    @Test
    void listFiltersArePlainValuesAndSortIsWhitelisted() {
        // province codes are checked against the administrative units: a unique word in the names isolates this test
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String province = "20";
        createDossier("Chè Thái Nguyên " + tag, province);
        createDossier("Cà phê Buôn Ma Thuột " + tag, province);
        createDossier("Another province " + tag, "01");
        province = province + "&q=" + tag;

        JsonNode page = http.get("/api/v1/dossiers?province=" + province + "&sort=product,asc", "auditor")
                .json();
        assertThat(page.get("items")).hasSize(2);
        // Vietnamese alphabetical order (a before h), not UTF-8 byte order (which put "Chè" first)
        assertThat(page.get("items").get(0).get("product").get("name").asString())
                .isEqualTo("Cà phê Buôn Ma Thuột " + tag);
        assertThat(page.get("hasNext").asBoolean()).isFalse();

        JsonNode paged = http.get("/api/v1/dossiers?province=" + province + "&size=1&page=0", "auditor")
                .json();
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("hasNext").asBoolean()).isTrue();

        for (String injected : List.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "$where")) {
            Response r = http.get(
                    "/api/v1/dossiers?province=" + URLEncoder.encode(injected, StandardCharsets.UTF_8), "auditor");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("items")).isEmpty();
        }
        assertThat(http.get("/api/v1/dossiers?province=" + province + "&status=DRAFT&group=FOOD", "auditor")
                        .json()
                        .get("items"))
                .hasSize(2);
        assertThat(http.get("/api/v1/dossiers?province=" + province + "&stars=5", "auditor")
                        .json()
                        .get("items"))
                .isEmpty();
        assertProblem(http.get("/api/v1/dossiers?sort=password,asc", "auditor"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?sort=createdAt,sideways", "auditor"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?status=%7B%22$ne%22:1%7D", "auditor"), 400, "VALIDATION_FAILED");
    }

    @Test
    void statelessEvaluationAnswersValidAndInvalid() {
        String body = """
                {"edition":"ocop-2019","sheet":"food-fresh-produce","assessments":[
                  {"member":"A","selections":{"A1":3,"B1":3,"C1":3}},
                  {"member":"B","selections":{"A1":2,"B1":3,"C1":3}}]}""";
        Response valid = http.post("/api/v1/evaluate", "integration", body);
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        // ocop-2019: 100 and 21+25+40 = 86 → 93 → 5 stars
        assertThat(valid.json().get("status").asString()).isEqualTo("VALID");
        assertThat(valid.json().get("stars").asInt()).isEqualTo(5);
        assertThat(valid.json().get("averageTotal").decimalValue()).isEqualByComparingTo("93");
        assertThat(valid.json().get("members").get(1).get("parts").get("A").asInt())
                .isEqualTo(21);
        assertThat(valid.json().get("findings").get(0).get("code").asString()).isEqualTo("COUNCIL_SPREAD");

        Response invalid = http.post("/api/v1/evaluate", "integration", """
                {"edition":"ocop-2019","sheet":"food-fresh-produce","assessments":[{"member":"A","selections":{"A1":9}}]}""");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.json().get("status").asString()).isEqualTo("INVALID");
        assertThat(invalid.json().get("stars").isNull()).isTrue();

        Response byDate = http.post("/api/v1/evaluate", "integration", """
                {"evaluationDate":"2020-05-01","sheet":"food-fresh-produce","assessments":[{"member":"A","selections":{"A1":1,"B1":1,"C1":1}}]}""");
        assertThat(byDate.json().get("edition").asString()).isEqualTo("ocop-2019");
        assertThat(byDate.json().get("stars").asInt()).isEqualTo(1);
        Response today = http.post("/api/v1/evaluate", "integration", """
                {"sheet":"food-fresh-produce","assessments":[{"member":"A","selections":{"A1":1,"B1":1,"C1":1}}]}""");
        assertThat(today.json().get("edition").asString()).isEqualTo("ocop-2023");
        assertProblem(http.post("/api/v1/evaluate", "integration", """
                {"evaluationDate":"2010-01-01","sheet":"food-fresh-produce","assessments":[]}"""), 422, "NO_EDITION_IN_FORCE");
    }

    @Test
    void districtCodesOnlyBeforeTheReform() {
        String after = dossierJson("Mật ong", "01", "\"registeredOn\":\"2025-08-01\"")
                .replace("\"provinceCode\":\"01\"", "\"provinceCode\":\"01\",\"districtCode\":\"005\"")
                .replace(
                        "\"communeCode\":\"" + Http.communeOf("01") + "\"",
                        "\"communeCode\":\"00157\""); // Nghĩa Đô, Cầu Giấy before 2025
        Response refused = http.post("/api/v1/dossiers", "integration", after);
        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("location.districtCode");
        Response accepted = http.post("/api/v1/dossiers", "integration", after.replace("2025-08-01", "2024-05-01"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("location").get("districtCode").asString())
                .isEqualTo("005");
        assertThat(http.get("/api/v1/dossiers?district=005&province=01", "auditor")
                        .json()
                        .get("items")
                        .size())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void rolesAreEnforcedWithProblemJson() {
        assertProblem(http.get("/api/v1/editions", null), 401, "UNAUTHENTICATED");
        assertProblem(
                http.send(
                        "GET", "/api/v1/editions", null, null, null, "Authorization", "Basic aW50ZWdyYXRpb246d3Jvbmc="),
                401,
                "UNAUTHENTICATED");
        assertProblem(http.post("/api/v1/dossiers", "council", dossierJson("x", "01", null)), 403, "FORBIDDEN");
        assertProblem(http.post("/api/v1/evaluate", "auditor", "{}"), 403, "FORBIDDEN");
        String id = createDossier("Nấm linh chi", "01");
        assertProblem(
                http.post("/api/v1/dossiers/" + id + "/assessments", "integration", assessmentJson("A", 1, 1, 1)),
                403,
                "FORBIDDEN");
        assertProblem(http.post("/api/v1/dossiers/" + id + "/evaluations", "integration", null), 403, "FORBIDDEN");
        assertProblem(http.get("/actuator/prometheus", "integration"), 403, "FORBIDDEN");
        assertThat(http.get("/api/v1/dossiers/" + id, "policy").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/dossiers/" + id + "/assessments", "admin", assessmentJson("A", 1, 1, 1))
                        .status())
                .isEqualTo(201);
        assertThat(http.get("/actuator/health", null).status())
                .as(http.get("/actuator/health", "admin").body())
                .isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(http.get("/openapi/openapi.yaml", null).body()).contains("/api/v1/dossiers/{id}/evaluations");
    }

    @Test
    void everyBadInputGetsProblemJsonNeverA500() {
        String id = createDossier("Khô cá lóc", "82");
        assertProblem(http.post("/api/v1/dossiers", "integration", "{\"product\": "), 400, "MALFORMED_JSON");
        assertProblem(http.post("/api/v1/dossiers", "integration", "[1,2]"), 400, null);
        assertProblem(http.post("/api/v1/dossiers", "integration", ""), 400, null);
        Response missing = http.post("/api/v1/dossiers", "integration", "{\"sheet\":\"food-fresh-produce\"}");
        assertProblem(missing, 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        missing.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("product", "producer", "location");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", null).replace("\"COOPERATIVE\"", "\"MAFIA\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", null).replace("80.5", "\"lots\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", null).replace("80.5", "180")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", null).replace("\"01\"", "\"$where\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", null).replace("food-fresh-produce", "no-such-sheet")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossierJson("x", "01", "\"edition\":\"ocop-1900\"").replace("\"edition\":\"ocop-2023\",", "")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post("/api/v1/dossiers", "integration", dossierJson("x", "01", "\"status\":\"EVALUATED\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post("/api/v1/dossiers", "integration", dossierJson("x", "01", "\"registeredOn\":\"yesterday\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments", "council", "{\"member\":\"   \",\"selections\":{}}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments",
                        "council",
                        "{\"member\":\"A\",\"selections\":{\"A1\":\"x\"}}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", "{\"member\":\"A\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?stars=abc", "auditor"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?stars=9", "auditor"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?size=1000", "auditor"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/dossiers?page=-1", "auditor"), 400, "VALIDATION_FAILED");
        assertThat(http.get("/api/v1/dossiers?page=2147483647&size=100", "auditor")
                        .status())
                .isEqualTo(200);
        assertProblem(
                http.send("POST", "/api/v1/dossiers", "integration", "text/plain", "hello".getBytes(), new String[0]),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(http.send("DELETE", "/api/v1/dossiers/" + id, "admin", null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(http.get("/api/v1/dossiers/does-not-exist", "integration"), 404, "NOT_FOUND");
        assertProblem(http.get("/api/v1/no-such-thing", "admin"), 404, "NOT_FOUND");
        assertProblem(http.get("/api/v1/editions/ocop-1900/sheets", "integration"), 404, "NOT_FOUND");
        assertProblem(http.get("/api/v1/editions/ocop-2019/sheets/nope", "integration"), 404, "NOT_FOUND");
        assertProblem(http.get("/api/v1/dossiers/" + "x".repeat(100), "integration"), 400, "VALIDATION_FAILED");
        // refused by the security firewall before Spring MVC: still problem+json (via /error)
        assertProblem(http.get("/api/v1/dossiers/a;jsessionid=1", "integration"), 400, "BAD_REQUEST");
        assertProblem(http.get("/error", "integration"), 404, "NOT_FOUND");
        Response html = http.send("GET", "/api/v1/dossiers/" + id, "integration", null, null, "Accept", "text/html");
        assertThat(html.status()).as(html.body()).isEqualTo(406);

        String big = dossierJson("x".repeat(1_100_000), "01", null);
        assertProblem(http.post("/api/v1/dossiers", "integration", big), 413, "PAYLOAD_TOO_LARGE");
        assertThat(chunkedStatus(big)).isEqualTo(413);
    }

    @Test
    void catalogueAndMetrics() {
        JsonNode editions = http.get("/api/v1/editions", "council").json();
        assertThat(editions).hasSize(2);
        assertThat(editions.get(0).get("partMaxima").get("A").asInt()).isEqualTo(35);
        JsonNode sheets =
                http.get("/api/v1/editions/ocop-2023/sheets", "council").json();
        assertThat(sheets.get(0).get("group").asString()).isEqualTo("FOOD");
        JsonNode sheet = http.get("/api/v1/editions/ocop-2023/sheets/food-fresh-produce", "council")
                .json();
        assertThat(sheet.get("criteria")
                        .get(0)
                        .get("options")
                        .get(2)
                        .get("points")
                        .asInt())
                .isEqualTo(40);

        http.post("/api/v1/evaluate", "integration", """
                {"edition":"ocop-2023","sheet":"food-fresh-produce","assessments":[{"member":"A","selections":{"A1":3,"B1":3,"C1":1}}]}""");
        http.post("/api/v1/evaluate", "integration", """
                {"edition":"made-up-edition","sheet":"food-fresh-produce","assessments":[]}""");
        String metrics = http.get("/actuator/prometheus", "admin").body();
        assertThat(metrics)
                .contains("ocop_evaluations_seconds_count{edition=\"ocop-2023\",group=\"FOOD\",outcome=\"VALID\"}");
        assertThat(metrics)
                .contains("ocop_evaluations_seconds_count{edition=\"unknown\",group=\"unknown\",outcome=\"INVALID\"}");
        assertThat(metrics).contains("ocop_stars_awarded_total{stars=\"4\"}");
        assertThat(metrics).contains("ocop_findings_total{code=\"UNKNOWN_EDITION\"}");
        assertThat(metrics).doesNotContain("made-up-edition");
    }

    @Test
    void indexesExistAfterStartUp() {
        List<String> dossierIndexes = new ArrayList<>();
        mongo.getCollection("dossiers").listIndexes().forEach(i -> dossierIndexes.add(i.getString("name")));
        assertThat(dossierIndexes).contains("id_version");
        List<String> assessmentIndexes = new ArrayList<>();
        mongo.getCollection("assessments").listIndexes().forEach(i -> assessmentIndexes.add(i.getString("name")));
        assertThat(assessmentIndexes).contains("dossier_member");
        List<String> evaluationIndexes = new ArrayList<>();
        mongo.getCollection("evaluations").listIndexes().forEach(i -> evaluationIndexes.add(i.getString("name")));
        assertThat(evaluationIndexes).contains("dossier_sequence");
    }

    int chunkedStatus(String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers"))
                    .header("Authorization", Http.basic("integration"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build();
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        if (code != null) assertThat(p.get("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
