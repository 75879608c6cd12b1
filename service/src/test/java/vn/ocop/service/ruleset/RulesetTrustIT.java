package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Issue 9, items 1, 2 and 5 through the whole application (local profile, embedded store): the bomb and its variants
 * end as a refusal, a 422 or a failed job while the service keeps answering; a kjar swapped in the store makes the
 * service refuse that version instead of scoring with it; four eyes, back-dated publishes, non-UTF-8 files, draft
 * deletion and downloads.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ocop.rulesets.poll-interval=1h",
            "ocop.rulesets.sandbox.heap=96m",
            "ocop.rulesets.sandbox.timeout=120s",
            // a shared, loaded machine compiles a whole pack in minutes; the bound is not what this test is about
            "ocop.rulesets.compile-timeout=900s"
        })
@ActiveProfiles("local")
class RulesetTrustIT {
    static final String EDITION = "ocop-2023";
    static final String SHEET = "food";

    @LocalServerPort
    int port;

    @Autowired
    RulesetRegistry registry;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-trust");
    }

    Http http() {
        return new Http(port, Duration.ofMinutes(5));
    }

    static String json(Object o) {
        return Http.JSON.writeValueAsString(o);
    }

    String draft(String user, Map<String, String> files) {
        Response r = http().post(
                        "/api/v1/rulesets", user, json(Map.of("edition", EDITION, "parentVersion", 1, "files", files)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /**
     * A draft with only the FOOD sheet (edition.yaml cut down, the other sheets deleted): one kjar to compile instead of
     * six, for the variants that only need to run (their tests fail anyway).
     */
    String foodOnlyDraft(Map<String, String> files) {
        Http http = http();
        String manifest = http.get("/api/v1/rulesets/" + EDITION + "@1/files/edition.yaml", "policy")
                .body();
        StringBuilder cut = new StringBuilder();
        String block = "";
        boolean keepSheet = false;
        for (String line : manifest.split("\n", -1)) {
            if (!line.startsWith(" ") && !line.isEmpty()) block = line;
            if (block.startsWith("groups:") && line.startsWith("  ") && !line.startsWith("  FOOD:")) continue;
            if (block.startsWith("sheets:") && line.startsWith("  - id: ")) keepSheet = line.equals("  - id: food");
            if (block.startsWith("sheets:") && line.startsWith("  ") && !keepSheet) continue;
            cut.append(line).append('\n');
        }
        List<String> otherSheets = http
                .get("/api/v1/rulesets/" + EDITION + "@1", "policy")
                .json()
                .get("files")
                .findValuesAsString("path")
                .stream()
                .filter(p -> p.startsWith("sheets/") && !p.equals("sheets/food.csv"))
                .toList();
        Map<String, String> all = new TreeMap<>(files);
        all.put("edition.yaml", cut.toString());
        Response r = http.post(
                "/api/v1/rulesets",
                "policy",
                json(Map.of("edition", EDITION, "parentVersion", 1, "files", all, "deletedFiles", otherSheets)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode validate(String id) {
        Response r = http().post("/api/v1/rulesets/" + id + "/validate", "policy", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("errors").findValuesAsString("code"))
                .as(r.body())
                .doesNotContain("COMPILE_TIMEOUT", "COMPILE_BUSY");
        return r.json();
    }

    void assertServiceAnswers(String after) {
        Response score = http().post("/api/v1/evaluate", "integration", json(lowRequest()));
        assertThat(score.status())
                .as("the service answers after " + after + ": " + score.body())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/editions", "integration").status()).isEqualTo(200);
    }

    /** Options totalling between 8 and 20 points: 1 star nationally, 5 stars under {@link #lenientThresholds()}. */
    Map<String, Object> lowRequest() {
        return Map.of(
                "edition",
                EDITION,
                "sheet",
                SHEET,
                "assessments",
                List.of(Map.of("member", "Nguyễn Văn An", "selections", lowSelections())));
    }

    Map<String, Integer> lowSelections() {
        JsonNode sheet = http().get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "integration")
                .json();
        Map<String, Integer> selections = new LinkedHashMap<>();
        int total = 0;
        for (JsonNode c : sheet.get("criteria")) {
            JsonNode first = c.get("options").get(0);
            selections.put(c.get("code").asString(), first.get("number").asInt());
            total += first.get("points").asInt();
        }
        for (JsonNode c : sheet.get("criteria")) {
            int base = c.get("options").get(0).get("points").asInt();
            for (JsonNode o : c.get("options")) {
                int delta = o.get("points").asInt() - base;
                if (delta > 0 && total + delta <= 20) {
                    selections.put(c.get("code").asString(), o.get("number").asInt());
                    total += delta;
                    break;
                }
            }
        }
        assertThat(total).as("points of the low request").isBetween(8, 20);
        return selections;
    }

    static String councilRule(String name, String when, String then) {
        return """
                package vn.ocop.editions.ocop2023.council;
                import vn.ocop.rules.model.*;
                rule "%s"
                    ruleflow-group "aggregate"
                when
                %s
                then
                    %s
                end
                """.formatted(name, when, then);
    }

    // ---- item 1: rules that cannot take the service down ---------------------------------------------------------

    @Test
    void theBombOfTheIssueIsRefusedAtValidateWithFileAndLine() {
        String bomb = "package vn.ocop.editions.ocop2023.council;\nimport vn.ocop.rules.model.MemberScore;\n"
                + "rule \"b\" ruleflow-group \"aggregate\" when $a: MemberScore() $b: MemberScore() then insert(new MemberScore(\"x\",0)); end\n";
        String id = draft("policy", Map.of("council/bomb.drl", bomb));
        JsonNode report = validate(id);
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("errors").findValuesAsString("code"))
                .contains("WORKING_MEMORY_NOT_ALLOWED", "NEW_NOT_ALLOWED");
        assertThat(report.get("errors").get(0).get("file").asString()).isEqualTo("council/bomb.drl");
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertServiceAnswers("the bomb");
    }

    @Test
    void variantsThatPassTheGuardAreContainedInTheSandbox() {
        // 1. a cross-product join of every selection with every other, five deep: tens of billions of matches
        String cross = foodOnlyDraft(Map.of(
                "council/cross.drl",
                councilRule(
                        "nối chéo",
                        "    $c : Council()\n    Selection()\n    Selection()\n    Selection()\n    Selection()\n    Selection()",
                        "$c.report(\"X\", \"WARNING\", null, null, \"x\");")));
        JsonNode crossReport = validate(cross);
        assertThat(crossReport.get("passed").asBoolean())
                .as(crossReport.toString())
                .isTrue();
        Response crossTest = http().post("/api/v1/rulesets/" + cross + "/test", "policy", null);
        assertContained(crossTest, "the cross-product join");

        // 2. an accumulate over the cross product of everything
        String acc = foodOnlyDraft(Map.of(
                "council/accumulate.drl",
                councilRule(
                        "cộng dồn tất cả",
                        "    $c : Council()\n    accumulate( Selection( $p : option ) and Selection() and Selection() and Selection() and Selection(); $n : count( $p ) )",
                        "$c.report(\"X\", \"WARNING\", null, null, \"n\");")));
        assertThat(validate(acc).get("passed").asBoolean()).as("accumulate").isTrue();
        assertContained(
                http().post("/api/v1/rulesets/" + acc + "/test", "policy", null), "an accumulate over everything");

        // 3. recursion through modify: the council's result modified again and again
        String loop = foodOnlyDraft(Map.of(
                "council/loop.drl",
                councilRule(
                        "sửa lặp",
                        "    $c : Council( starsRule != \"kết thúc\" )",
                        "modify($c) { setStarsRule(\"lặp\") }")));
        assertThat(validate(loop).get("passed").asBoolean()).isTrue();
        assertContained(http().post("/api/v1/rulesets/" + loop + "/test", "policy", null), "recursion through modify");

        // 4. a string that doubles on every firing
        String huge = foodOnlyDraft(Map.of(
                "council/huge.drl",
                councilRule(
                        "chuỗi khổng lồ",
                        "    $c : Council( starsRule != \"kết thúc\" )",
                        "modify($c) { setStarsRule($c.getStarsRule() + \"x\" + $c.getStarsRule()) }")));
        assertThat(validate(huge).get("passed").asBoolean()).isTrue();
        assertContained(http().post("/api/v1/rulesets/" + huge + "/test", "policy", null), "a huge string");

        // the simulation of an uploaded version runs in the sandbox too: the job fails with a Vietnamese message
        Response dossier = http().post(
                        "/api/v1/dossiers",
                        "integration",
                        Http.dossierJson("Sản phẩm thử", "82", null)
                                .replace("\"food-fresh-produce\"", "\"" + SHEET + "\""));
        assertThat(dossier.status()).as(dossier.body()).isEqualTo(201);
        Response assessed = http().post(
                        "/api/v1/dossiers/" + dossier.json().get("id").asString() + "/assessments",
                        "council",
                        json(Map.of("member", "Trần Thị Bình", "selections", lowSelections())));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        Response started = http().post("/api/v1/rulesets/" + loop + "/simulate", "policy", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        JsonNode done = waitForJob(job);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FAILED");
        assertThat(done.get("error").asString()).contains("Quy tắc kích hoạt quá");
        assertServiceAnswers("the variants");
    }

    /** A 422 sandbox problem, or a test report whose scenarios failed on a rule limit; never a 500. */
    void assertContained(Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isIn(200, 422);
        if (r.status() == 422) {
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("code").asString()).as(what).startsWith("RULESET_SANDBOX_");
            assertThat(r.json().get("detail").asString()).as(what).containsAnyOf("quy tắc", "Quy tắc");
        } else {
            assertThat(r.json().get("passed").asBoolean()).as(what).isFalse();
            assertThat(r.body()).as(what).containsPattern("RULE_(FIRING|TEXT|FINDINGS)_LIMIT");
        }
        assertServiceAnswers(what);
    }

    JsonNode waitForJob(String job) {
        return waitForJob(job, "policy");
    }

    /** Polls a job as the user who started it (another user's job answers 404). */
    JsonNode waitForJob(String job, String user) {
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonNode j;
        do {
            j = http().get("/api/v1/jobs/" + job, user).json();
            assertThat(j.has("state")).as(j.toString()).isTrue();
            if (!List.of("QUEUED", "RUNNING").contains(j.get("state").asString())) return j;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < until);
        throw new AssertionError("job " + job + " did not end: " + j);
    }

    // ---- item 2: compiled rules bound to their sources ----------------------------------------------------------

    static String lenientThresholds() {
        return """
                RuleSet,vn.ocop.editions.ocop2023.stars
                Import,vn.ocop.rules.model.Council
                RULEFLOW-GROUP,stars
                Notes,"Ngưỡng của kẻ tấn công: 8 điểm là 5 sao."

                RuleTable thresholds
                NAME,CONDITION,CONDITION,ACTION
                ,$c : Council...,$c : Council...,
                ,averageTotal >= $param,averageTotal < $param,"modify($c) { setStars($param), setStarsRule(drools.getRule().getName()) }"
                Quy tắc,Từ điểm,Dưới điểm,Số sao
                1 sao: dưới 2,,2,1
                2 sao: từ 2 đến dưới 4,2,4,2
                3 sao: từ 4 đến dưới 6,4,6,3
                4 sao: từ 6 đến dưới 8,6,8,4
                5 sao: từ 8,8,,5
                """;
    }

    @Test
    void aKjarCopiedOverAPublishedVersionsMakesTheServiceRefuseThatVersion() {
        Http http = http();
        Map<String, Object> request = lowRequest();
        JsonNode before =
                http.post("/api/v1/evaluate", "integration", json(request)).json();
        int genuineStars = before.get("stars").asInt();

        // the attacker's draft: any total from 8 points gives 5 stars
        String evil = foodOnlyDraft(Map.of("stars/thresholds.csv", lenientThresholds()));
        JsonNode evilReport = validate(evil);
        assertThat(evilReport.get("passed").asBoolean())
                .as(evilReport.toString())
                .isTrue();
        // a genuine version, published under four eyes
        String spread = http.get("/api/v1/rulesets/" + EDITION + "@1/files/council/spread.drl", "policy")
                .body();
        String genuine = draft("policy", Map.of("council/spread.drl", spread + "\n// đã rà soát\n"));
        assertThat(validate(genuine).get("passed").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/rulesets/" + genuine + "/test", "policy", null)
                        .json()
                        .get("passed")
                        .asBoolean())
                .isTrue();
        Response published = http.post(
                "/api/v1/rulesets/" + genuine + "/publish",
                "policy2",
                json(Map.of(
                        "effectiveFrom", LocalDate.now(RulesetRegistry.VIETNAM).toString())));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("integrity").get("status").asString()).isEqualTo("SEALED");
        JsonNode scored =
                http.post("/api/v1/evaluate", "integration", json(request)).json();
        assertThat(scored.get("rulesetSha256").asString())
                .isEqualTo(published.json().get("sha256").asString());

        // the attacker's kjar really would rate this sheet 5 stars
        Document evilDoc = mongo.getCollection(RulesetStore.RULESETS)
                .find(new Document("_id", evil))
                .first();
        Binary evilKjar = mongo.getCollection(RulesetStore.KJARS)
                .find(new Document("_id", evil + ":FOOD"))
                .first()
                .get("bytes", Binary.class);
        CompiledRulePack evilPack = CompiledRulePack.load(
                new RulePack(EDITION, RulesetDocuments.docsToFiles(evilDoc.getList("files", Document.class))),
                Map.of("FOOD", evilKjar.getData()));
        assertThat(evilPack.evaluate(toRequest(request)).stars()).isEqualTo(5);

        // copy it over the published version's kjar, as a writer of the unauthenticated store could, and restart
        mongo.getCollection(RulesetStore.KJARS)
                .updateOne(
                        new Document("_id", genuine + ":FOOD"), new Document("$set", new Document("bytes", evilKjar)));
        double failuresBefore = failures();
        registry.reload();

        JsonNode after =
                http.post("/api/v1/evaluate", "integration", json(request)).json();
        assertThat(after.get("stars").asInt())
                .as("never scored with the swapped kjar")
                .isEqualTo(genuineStars);
        assertThat(after.get("rulesetSha256").asString())
                .isNotEqualTo(published.json().get("sha256").asString());
        JsonNode view = http.get("/api/v1/rulesets/" + genuine, "auditor").json();
        assertThat(view.get("integrity").get("status").asString()).isEqualTo("REFUSED");
        assertThat(view.get("integrity").get("code").asString()).isEqualTo("RULESET_KJAR_TAMPERED");
        assertThat(failures()).isGreaterThan(failuresBefore);
        Response health = http.get("/actuator/health", "admin");
        assertThat(health.body()).contains("rulesetIntegrity").contains("RULESET_KJAR_TAMPERED");
        // tests and simulations of the refused version are refused too
        Response test = http.post("/api/v1/rulesets/" + genuine + "/simulate", "policy", "{}");
        assertThat(test.status()).as(test.body()).isEqualTo(409);
        assertThat(test.json().get("code").asString()).isEqualTo("RULESET_INTEGRITY_FAILED");
    }

    double failures() {
        return meters.find("ocop.rulesets.integrity.failures").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @SuppressWarnings("unchecked")
    static EvaluationRequest toRequest(Map<String, Object> r) {
        Map<String, Object> a = ((List<Map<String, Object>>) r.get("assessments")).get(0);
        return new EvaluationRequest(
                EDITION, (String) r.get("sheet"), null, List.of(new Assessment((String) a.get("member"), (Map<
                                String, Integer>)
                        a.get("selections"))));
    }

    // ---- item 5: policy officers' safeguards --------------------------------------------------------------------

    @Test
    void fourEyesBackdatedPublishDeletionAndDownloads() throws Exception {
        Http http = http();
        String spread = http.get("/api/v1/rulesets/" + EDITION + "@1/files/council/spread.drl", "policy")
                .body();
        String id = draft("policy", Map.of("council/spread.drl", spread + "\n// bốn mắt\n"));
        assertThat(validate(id).get("passed").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/rulesets/" + id + "/test", "policy", null)
                        .json()
                        .get("passed")
                        .asBoolean())
                .isTrue();

        // the author cannot publish their own draft
        String today = LocalDate.now(RulesetRegistry.VIETNAM).toString();
        Response own = http.post("/api/v1/rulesets/" + id + "/publish", "policy", json(Map.of("effectiveFrom", today)));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("code").asString()).isEqualTo("RULESET_FOUR_EYES");

        // a past effectiveFrom needs a confirmation with a reason, and shows the simulation of the re-rated dates
        String past = LocalDate.now(RulesetRegistry.VIETNAM).minusYears(1).toString();
        Response unconfirmed =
                http.post("/api/v1/rulesets/" + id + "/publish", "policy2", json(Map.of("effectiveFrom", past)));
        assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(409);
        assertThat(unconfirmed.json().get("code").asString()).isEqualTo("RULESET_BACKDATED");
        String simulation = null;
        for (JsonNode e : unconfirmed.json().get("errors")) {
            if (e.get("field").asString().equals("simulationJob"))
                simulation = e.get("message").asString();
        }
        assertThat(simulation).startsWith("/api/v1/jobs/");
        assertThat(waitForJob(simulation.substring("/api/v1/jobs/".length()), "policy2")
                        .get("state")
                        .asString())
                .isEqualTo("SUCCEEDED");
        Response noReason = http.post(
                "/api/v1/rulesets/" + id + "/publish",
                "policy2",
                json(Map.of("effectiveFrom", past, "confirmPastEffectiveFrom", true)));
        assertThat(noReason.status()).isEqualTo(409);
        Response confirmed = http.post(
                "/api/v1/rulesets/" + id + "/publish",
                "policy2",
                json(Map.of(
                        "effectiveFrom",
                        past,
                        "confirmPastEffectiveFrom",
                        true,
                        "reason",
                        "Sửa lỗi ghi chú từ năm trước")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode publication = confirmed.json().get("publication");
        assertThat(publication.get("by").asString()).isEqualTo("policy2");
        assertThat(publication.get("author").asString()).isEqualTo("policy");
        assertThat(publication.get("fourEyes").asBoolean()).isTrue();
        assertThat(publication.get("backdated").get("reason").asString()).isEqualTo("Sửa lỗi ghi chú từ năm trước");
        assertThat(publication.get("backdated").get("simulationJob").asString()).startsWith("/api/v1/jobs/");
        JsonNode audit = http.get("/api/v1/audit?target=" + id, "auditor").json();
        assertThat(audit.toString()).contains("/publish");
        Document entry = mongo.getCollection("audit_log")
                .find(new Document("targetId", id).append("status", 200).append("detail.event", "RULESET_PUBLISHED"))
                .first();
        assertThat(entry)
                .as("the audit entry of the publish says four eyes and the reason")
                .isNotNull();
        assertThat(entry.get("detail", Document.class).getString("reason")).isEqualTo("Sửa lỗi ghi chú từ năm trước");
        assertThat(entry.get("detail", Document.class).getBoolean("fourEyes")).isTrue();

        // a published version cannot be deleted; a draft can
        Response keep = http.send("DELETE", "/api/v1/rulesets/" + id, "policy", null, null);
        assertThat(keep.status()).isEqualTo(409);
        assertThat(keep.json().get("code").asString()).isEqualTo("RULESET_NOT_DELETABLE");
        String scratch = draft("policy", Map.of("council/spread.drl", spread + "\n// nháp bỏ\n"));
        assertThat(http.send("DELETE", "/api/v1/rulesets/" + scratch, "policy", null, null)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/rulesets/" + scratch, "policy").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/rulesets/" + scratch, "policy", null, null)
                        .status())
                .isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/rulesets/" + id, "integration", null, null)
                        .status())
                .isEqualTo(403);

        // every file, built-in scenarios included, and the whole version as a zip
        JsonNode view = http.get("/api/v1/rulesets/" + id, "auditor").json();
        String scenario = view.get("builtInScenarios").get(0).get("path").asString();
        assertThat(scenario).startsWith("scenarios/");
        Response one = http.get("/api/v1/rulesets/" + id + "/files/" + scenario, "auditor");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("expect");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/rulesets/" + id + "/archive"))
                                .header("Authorization", Http.basic("auditor"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains(id + ".zip");
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; )
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(entries).containsKeys("edition.yaml", "stars/thresholds.csv", "council/spread.drl", scenario);
        assertThat(entries.get("council/spread.drl")).endsWith("// bốn mắt\n");
        assertThat(entries.get(scenario)).isEqualTo(one.body());
    }

    @Test
    void aWindows1258FileIsRefusedWithItsNameAndNothingIsStored() {
        byte[] cp1258 = "// Điểm trung bình của hội đồng\n".getBytes(Charset.forName("windows-1258"));
        String boundary = "----trust" + System.nanoTime();
        String head =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"edition\"\r\n\r\n" + EDITION + "\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"parentVersion\"\r\n\r\n1\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"council/ghi-chu.drl\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), cp1258, tail.getBytes(StandardCharsets.UTF_8));
        int before = http().get("/api/v1/rulesets?edition=" + EDITION, "policy")
                .json()
                .size();
        Response r =
                http().send("POST", "/api/v1/rulesets", "policy", "multipart/form-data; boundary=" + boundary, body);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("council/ghi-chu.drl").contains("NOT_UTF8");
        assertThat(http().get("/api/v1/rulesets?edition=" + EDITION, "policy")
                        .json()
                        .size())
                .isEqualTo(before);
        // text that was decoded with the wrong charset on the way (U+FFFD) is refused in JSON uploads too
        Response garbled = http().post(
                        "/api/v1/rulesets",
                        "policy",
                        json(Map.of(
                                "edition",
                                EDITION,
                                "parentVersion",
                                1,
                                "files",
                                Map.of("council/x.drl", "// \uFFFDi\uFFFDm\n"))));
        assertThat(garbled.status()).isEqualTo(422);
        assertThat(garbled.body()).contains("council/x.drl").contains("NOT_UTF8");
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
