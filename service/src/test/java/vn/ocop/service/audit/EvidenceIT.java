package vn.ocop.service.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.evaluation.RecordHash;
import vn.ocop.service.ruleset.RulesetRegistry;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Evidence with no blind spot (issue 9): each cheat an insider with database access can try is named by verify with
 * its own reason; a writer that stopped between its two writes is recovered, not reported; a retried request with the
 * same Idempotency-Key stores one record; the scoring sheet prints what a council signs, as HTML and PDF.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ocop.evidence.anchor.enabled=false")
@ActiveProfiles("local")
class EvidenceIT {
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-evidence");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RulesetRegistry engine;

    Http http;
    SheetInfo sheet;
    final Random random = new Random(20261201);

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sheet = engine.sheet("ocop-2023", "food").orElseThrow();
    }

    String dossier(String product) {
        Response d = http.post("/api/v1/dossiers", "integration", """
                {"product":{"name":"%s"},"producer":{"name":"HTX Ong mật Hưng Yên","type":"COOPERATIVE"},
                 "location":{"provinceCode":"33","communeCode":"11953"},"edition":"ocop-2023","sheet":"food"}
                """.formatted(product));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String id = d.json().get("id").asString();
        String[] members = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
        for (int i = 0; i < members.length; i++) {
            Response r = http.post(
                    "/api/v1/dossiers/" + id + "/assessments",
                    "council",
                    "{\"member\":\"" + members[i]
                            + "\",\"role\":\"" + (i == 0 ? "CHAIR" : "MEMBER") + "\",\"selections\":"
                            + AuditTestSupport.selectionsJson(AuditTestSupport.randomSelections(sheet, random)) + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return id;
    }

    String evaluate(String dossierId) {
        Response e = http.post("/api/v1/dossiers/" + dossierId + "/evaluations", "council", null);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        return e.json().get("id").asString();
    }

    JsonNode verify(String dossierId) {
        Response r = http.get("/api/v1/dossiers/" + dossierId + "/evaluations/verify", "auditor");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> reasons(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("failures").forEach(f -> out.add(f.get("reason").asString()));
        return out;
    }

    Document find(String collection, Object id) {
        return mongo.getCollection(collection).find(eq("_id", id)).first();
    }

    void put(String collection, Document d) {
        mongo.getCollection(collection).replaceOne(eq("_id", d.get("_id")), d);
    }

    @Test
    void untouchedEvidenceIsIntactAndSigned() {
        String id = dossier("Mật ong hoa nhãn");
        evaluate(id);
        evaluate(id);
        JsonNode v = verify(id);
        assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("INTACT");
        assertThat(v.get("warnings")).isEmpty();
        assertThat(find(
                                "evaluations",
                                http.get("/api/v1/dossiers/" + id + "/evaluations", "auditor")
                                        .json()
                                        .get(0)
                                        .get("id")
                                        .asString())
                        .getString("mac"))
                .hasSize(64);
        assertThat(http.get("/api/v1/dossiers/" + id + "/evaluations/verify", "council")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void olderDataWithoutMacsVerifiesAsBeforeButIsReportedUnsigned() {
        String id = dossier("Trà shan tuyết");
        String first = evaluate(id);
        // as stored before this version signed anything: no MACs, no seal, sheets without hash
        mongo.getCollection("evaluations")
                .updateMany(eq("dossierId", id), com.mongodb.client.model.Updates.unset("mac"));
        mongo.getCollection("chains").updateOne(eq("_id", id), com.mongodb.client.model.Updates.unset("mac"));
        mongo.getCollection("dossiers").updateOne(eq("_id", id), com.mongodb.client.model.Updates.unset("seal"));
        mongo.getCollection("assessments")
                .updateMany(
                        eq("dossierId", id),
                        com.mongodb.client.model.Updates.combine(
                                com.mongodb.client.model.Updates.unset("mac"),
                                com.mongodb.client.model.Updates.unset("hash")));
        JsonNode v = verify(id);
        assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("INTACT_UNSIGNED");
        assertThat(v.get("failures")).isEmpty();
        List<String> warnings = new ArrayList<>();
        v.get("warnings").forEach(w -> warnings.add(w.get("reason").asString()));
        assertThat(warnings).contains("RECORD_UNSIGNED", "HEAD_UNSIGNED", "DOSSIER_UNSIGNED", "ASSESSMENT_UNSIGNED");
        assertThat(v.get("warnings").get(0).get("detail").asString()).contains("không có MAC");
        JsonNode replay = http.post("/api/v1/evaluations/" + first + "/replay", "auditor", null)
                .json();
        assertThat(replay.get("outcome").asString()).isEqualTo("MATCH");
        assertThat(replay.get("warnings").get(0).get("reason").asString()).isEqualTo("RECORD_UNSIGNED");
        // the next evaluation is signed, and an unsigned record after it would be a break
        String second = evaluate(id);
        assertThat(find("evaluations", second).getString("mac")).isNotNull();
        assertThat(verify(id).get("failures")).isEmpty();
    }

    @Test
    void anEditedPublishedStarOrStatusIsNamed() {
        String id = dossier("Chè Tân Cương");
        evaluate(id);
        Document d = find("dossiers", id);
        Integer stars = d.getInteger("stars");
        d.put("stars", stars == null || stars < 5 ? 5 : 4);
        put("dossiers", d);
        assertThat(reasons(verify(id))).contains("DOSSIER_STARS_ALTERED");

        String other = dossier("Gạo ST25");
        evaluate(other);
        Document o = find("dossiers", other);
        o.put("status", "WITHDRAWN");
        put("dossiers", o);
        assertThat(reasons(verify(other))).containsExactly("DOSSIER_STATUS_ALTERED");
    }

    @Test
    void aDeletedLastRecordWithTheHeadMovedBackIsCaughtByTheAnchor() {
        String id = dossier("Nước mắm Phú Quốc");
        evaluate(id);
        Document headAfterFirst = find("chains", id);
        Document dossierAfterFirst = find("dossiers", id);
        String second = evaluate(id);
        Response anchor = http.post("/api/v1/anchors", "auditor", null);
        assertThat(anchor.status()).as(anchor.body()).isEqualTo(201);
        assertThat(anchor.json().get("verified").asBoolean()).isTrue();
        assertThat(anchor.json().get("heads").toString()).contains("evaluations:" + id);
        // a careful insider: the last record deleted, the head and the dossier put back as they were (valid MACs)
        mongo.getCollection("evaluations").deleteOne(eq("_id", second));
        put("chains", headAfterFirst);
        put("dossiers", dossierAfterFirst);
        JsonNode v = verify(id);
        assertThat(v.get("outcome").asString()).isEqualTo("BROKEN");
        assertThat(reasons(v)).containsExactlyInAnyOrder("HEAD_BEHIND_ANCHOR", "CHAIN_TRUNCATED");
        // the anchor is exportable and printable
        Response latest = http.get("/api/v1/anchors/latest?format=html", "auditor");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body())
                .contains(
                        "BIÊN BẢN NEO CHUỖI BẰNG CHỨNG SỐ",
                        anchor.json().get("digest").asString());
        assertThat(http.get("/api/v1/anchors/999", "auditor").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/anchors", "council", null).status()).isEqualTo(403);
    }

    @Test
    void aForgedTailWithAResultTheServiceComputedIsCaughtByItsMac() {
        String id = dossier("Bánh pía Sóc Trăng");
        evaluate(id);
        String second = evaluate(id);
        // a copy of a genuine record (so its result is what the service computed), renumbered, relinked, rehashed
        Document forged = find("evaluations", second);
        forged.put("_id", java.util.UUID.randomUUID().toString());
        forged.put("sequence", 3L);
        forged.put("previousHash", forged.getString("hash"));
        forged.remove("mac");
        forged.put("hash", RecordHash.hash(forged));
        mongo.getCollection("evaluations").insertOne(forged);
        Document head = find("chains", id);
        head.put("lastSequence", 3L);
        head.put("lastHash", forged.getString("hash"));
        put("chains", head);
        JsonNode v = verify(id);
        assertThat(reasons(v)).containsExactlyInAnyOrder("RECORD_MAC_MISSING", "HEAD_MAC_INVALID");
        // and a forged record with a made-up MAC
        forged.put("mac", "ab".repeat(32));
        put("evaluations", forged);
        assertThat(reasons(verify(id))).contains("RECORD_MAC_INVALID");
    }

    @Test
    void anEditedAssessmentIsNamedAndNotScored() {
        String id = dossier("Cà phê Buôn Ma Thuột");
        evaluate(id);
        Document a =
                mongo.getCollection("assessments").find(eq("dossierId", id)).first();
        Document selection = a.getList("selections", Document.class).get(0);
        selection.put("option", selection.getInteger("option") == 1 ? 2 : 1);
        put("assessments", a);
        JsonNode v = verify(id);
        assertThat(reasons(v)).containsExactly("ASSESSMENT_ALTERED");
        assertThat(v.get("failures").get(0).get("evaluationId").asString()).isEqualTo(a.getString("_id"));
        Response refused = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("ASSESSMENT_ALTERED");
    }

    @Test
    void concurrentStoredEvaluationsKeepOneUnbrokenAuditChainAndOneChainPerDossier() throws Exception {
        String id = dossier("Trà shan tuyết");
        long headBefore = mongo.getCollection(AuditChain.HEADS)
                .find(eq("_id", AuditChain.HEAD_ID))
                .first()
                .get("lastSequence", Number.class)
                .longValue();
        int threads = 6, each = 3;
        List<Thread> workers = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    statuses.add(http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null)
                            .status());
                }
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) w.join();
        // every writer got its record: the losers of a race for a number recovered and took the next one
        assertThat(statuses).hasSize(threads * each).containsOnly(201);
        List<Document> records =
                mongo.getCollection("evaluations").find(eq("dossierId", id)).into(new ArrayList<>());
        assertThat(records.stream()
                        .map(r -> r.get("sequence", Number.class).longValue())
                        .sorted()
                        .toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, threads * each)
                        .boxed()
                        .toList());
        JsonNode v = verify(id);
        assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("INTACT");
        // the audit entries written together (group append) form one gap-free, linked, correctly hashed run
        List<Document> entries = mongo.getCollection(AuditLog.COLLECTION)
                .find(new Document("sequence", new Document("$gt", headBefore)))
                .sort(new Document("sequence", 1))
                .into(new ArrayList<>());
        assertThat(entries).hasSize(threads * each);
        Document head = mongo.getCollection(AuditChain.HEADS)
                .find(eq("_id", AuditChain.HEAD_ID))
                .first();
        String previous = mongo.getCollection(AuditLog.COLLECTION)
                .find(new Document("sequence", headBefore))
                .first()
                .getString("hash");
        for (int i = 0; i < entries.size(); i++) {
            Document e = entries.get(i);
            assertThat(e.get("sequence", Number.class).longValue()).isEqualTo(headBefore + 1 + i);
            assertThat(e.getString("previousHash")).isEqualTo(previous);
            assertThat(e.getString("hash"))
                    .isEqualTo(vn.ocop.service.platform.storage.DocumentHash.sha256(e, AuditChain.NOT_HASHED));
            previous = e.getString("hash");
        }
        assertThat(head.get("lastSequence", Number.class).longValue()).isEqualTo(headBefore + threads * each);
        assertThat(head.getString("lastHash")).isEqualTo(previous);
    }

    @Test
    void aDeletedAuditEntryIsNamed() {
        String id = dossier("Nấm linh chi");
        evaluate(id);
        JsonNode before = http.get("/api/v1/audit/verify", "auditor").json();
        assertThat(before.get("outcome").asString()).as(before.toString()).isEqualTo("INTACT");
        long entries = before.get("records").asLong();
        assertThat(entries).isGreaterThanOrEqualTo(5);
        mongo.getCollection("audit_log").deleteOne(new Document("sequence", entries - 2));
        JsonNode after = http.get("/api/v1/audit/verify", "auditor").json();
        assertThat(after.get("outcome").asString()).isEqualTo("BROKEN");
        assertThat(reasons(after)).containsExactly("AUDIT_ENTRY_MISSING");
        assertThat(after.get("failures").get(0).get("sequence").asLong()).isEqualTo(entries - 2);
        assertThat(http.get("/api/v1/audit/verify", "council").status()).isEqualTo(403);
        // put it back as it was is not possible without the key: an edited entry is named too
        Document edited = mongo.getCollection("audit_log")
                .find(new Document("sequence", entries - 1))
                .first();
        edited.put("actor", "someone-else");
        put("audit_log", edited);
        assertThat(reasons(http.get("/api/v1/audit/verify", "auditor").json()))
                .contains("AUDIT_ENTRY_MISSING", "AUDIT_ENTRY_ALTERED");
    }

    @Test
    void aStopBetweenTheRecordAndTheHeadIsRecoveredNotReportedAsTampering() {
        String id = dossier("Khô cá lóc");
        evaluate(id);
        Document head = find("chains", id);
        Document marks = find("dossiers", id);
        String second = evaluate(id);
        // as if the writer had stopped right after inserting record 2: head and dossier still at record 1
        put("chains", head);
        put("dossiers", marks);
        JsonNode v = verify(id);
        assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("INTACT");
        assertThat(v.get("recovered").asLong()).isEqualTo(1);
        assertThat(v.get("headSequence").asLong()).isEqualTo(2);
        assertThat(find("chains", id).get("lastSequence", Number.class).longValue())
                .isEqualTo(2);
        assertThat(http.get("/api/v1/dossiers/" + id, "auditor")
                        .json()
                        .get("latestEvaluationId")
                        .asString())
                .isEqualTo(second);

        // the same stop, then the next evaluation (not verify) rolls the head forward and takes number 3
        String other = dossier("Mắm tôm Hậu Lộc");
        evaluate(other);
        Document otherHead = find("chains", other);
        evaluate(other);
        put("chains", otherHead);
        Response third = http.post("/api/v1/dossiers/" + other + "/evaluations", "council", null);
        assertThat(third.json().get("sequence").asLong()).isEqualTo(3);
        assertThat(verify(other).get("outcome").asString()).isEqualTo("INTACT");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresOneRecord() {
        String id = dossier("Tỏi Lý Sơn");
        Response first =
                http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null, "Idempotency-Key", "eval-" + id);
        Response retry =
                http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null, "Idempotency-Key", "eval-" + id);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(mongo.getCollection("evaluations").countDocuments(eq("dossierId", id)))
                .isEqualTo(1);

        String body = """
                {"product":{"name":"Vải thiều Lục Ngạn"},"producer":{"name":"HTX Vải","type":"COOPERATIVE"},
                 "location":{"provinceCode":"24","communeCode":"07210"},"edition":"ocop-2023","sheet":"food"}""";
        Response created = http.post("/api/v1/dossiers", "integration", body, "Idempotency-Key", "dossier-vai-1");
        Response again = http.post("/api/v1/dossiers", "integration", body, "Idempotency-Key", "dossier-vai-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString())
                .isEqualTo(created.json().get("id").asString());
        assertThat(again.etag()).isEqualTo(created.etag());
        assertThat(mongo.getCollection("dossiers").countDocuments(eq("product.name", "Vải thiều Lục Ngạn")))
                .isEqualTo(1);

        Response reused = http.post(
                "/api/v1/dossiers",
                "integration",
                body.replace("Lục Ngạn", "Thanh Hà"),
                "Idempotency-Key",
                "dossier-vai-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the key is the caller's: another user with the same key writes their own
        Response byAdmin = http.post("/api/v1/dossiers", "admin", body, "Idempotency-Key", "dossier-vai-1");
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.json().get("id").asString())
                .isNotEqualTo(created.json().get("id").asString());
        Response bad = http.post("/api/v1/dossiers", "integration", body, "Idempotency-Key", "not a token!");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        // an assessment retried
        String a = "{\"member\":\"Phạm Thị Dung\",\"selections\":"
                + AuditTestSupport.selectionsJson(AuditTestSupport.randomSelections(sheet, random)) + "}";
        Response s1 =
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", a, "Idempotency-Key", "sheet-dung");
        Response s2 =
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", a, "Idempotency-Key", "sheet-dung");
        assertThat(s1.status()).isEqualTo(201);
        assertThat(s2.status()).isEqualTo(201);
        assertThat(s2.body()).isEqualTo(s1.body());
    }

    byte[] pdf(String evaluationId) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations/"
                                        + evaluationId + "/explanation?format=pdf"))
                                .header("Authorization", Http.basic("council"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return r.body();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        }
    }

    @Test
    void theScoringSheetIsFitToSignAsHtmlAndPdfAndWarnsWhenNotIntact() throws Exception {
        String id = dossier("Mật ong bạc hà Hà Giang");
        String record = evaluate(id);
        Response html = http.get("/api/v1/evaluations/" + record + "/explanation?format=html", "council");
        assertThat(html.body())
                .contains(
                        "Mật ong bạc hà Hà Giang",
                        "HTX Ong mật Hưng Yên",
                        "Tỉnh/thành phố mã 33",
                        "Lần thứ 1",
                        "Hội đồng đánh giá",
                        "CHỦ TỊCH HỘI ĐỒNG",
                        "Nguyễn Văn An (Chủ tịch Hội đồng)",
                        find("evaluations", record).getString("hash"))
                .doesNotContain("KHÔNG TOÀN VẸN:");
        String text = text(pdf(record));
        assertThat(text)
                .contains(
                        "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
                        "Mật ong bạc hà Hà Giang",
                        "Trần Thị Bình",
                        "Lê Văn Cường",
                        "CHỦ TỊCH HỘI ĐỒNG",
                        "Thành viên chấm điểm",
                        "Tổng hợp kết quả của Hội đồng",
                        "sao")
                .doesNotContain("KHÔNG TOÀN VẸN:");

        // a member's total changed in the database: the sheet warns and prints no rating
        Document d = find("evaluations", record);
        Document member = d.get("result", Document.class)
                .getList("members", Document.class)
                .get(0);
        member.put("total", member.getInteger("total") + 1);
        put("evaluations", d);
        Response tampered = http.get("/api/v1/evaluations/" + record + "/explanation?format=html", "council");
        assertThat(tampered.body())
                .contains("KHÔNG TOÀN VẸN:", "RECORD_HASH_MISMATCH", "không in: bản ghi KHÔNG TOÀN VẸN")
                .doesNotContain("Điểm trung bình");
        assertThat(text(pdf(record)))
                .contains("KHÔNG TOÀN VẸN", "Nguyễn Văn An")
                .doesNotContain("Điểm trung bình");
    }
}
