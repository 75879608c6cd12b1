package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * Issue 4's "done when", through the API with the real engine: a draft that moves the 4-star threshold fails
 * validation with a line number when broken, passes when fixed, its tests pass, a simulation over stored dossiers
 * gives the right star matrix, it is published while evaluations run (none fails), the next evaluation names the new
 * version while an old record still names (and re-scores on) the old one, and a rollback brings the old one back.
 * Every attack is refused while the service keeps scoring (each its own test, in any order). The one whole-application
 * test of the ruleset feature: the state machine, the store and the web layer have their own (RulesetTests,
 * RulesetsLifecycleTests, RulesetsControllerTests).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ocop.rulesets.poll-interval=1s",
            "ocop.web.max-body-size=4MB",
            "ocop.rulesets.compile-timeout=900s"
        })
@ActiveProfiles("local")
class RulesetLifecycleIT {
    static final String EDITION = "ocop-2023";
    static final String SHEET = "food";
    static final BigDecimal NEW_FOUR_STARS = new BigDecimal("75");

    @LocalServerPort
    int port;

    @Autowired
    RulesetRegistry registry;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-lifecycle");
    }

    Http http() {
        return new Http(port, java.time.Duration.ofMinutes(4));
    }

    static String thresholds(String threeTo, String fourFrom) {
        return """
                RuleSet,vn.ocop.editions.ocop2023.stars
                Import,vn.ocop.rules.model.Council
                RULEFLOW-GROUP,stars
                Notes,"Tỉnh thử nghiệm: 4 sao từ %2$s điểm."

                RuleTable thresholds
                NAME,CONDITION,CONDITION,ACTION
                ,$c : Council...,$c : Council...,
                ,averageTotal >= $param,averageTotal < $param,"modify($c) { setStars($param), setStarsRule(drools.getRule().getName()) }"
                Quy tắc,Từ điểm,Dưới điểm,Số sao
                1 sao: điểm trung bình dưới 30,,30,1
                2 sao: điểm trung bình từ 30 đến dưới 50,30,50,2
                3 sao: điểm trung bình từ 50 đến dưới %1$s,50,%1$s,3
                4 sao: điểm trung bình từ %2$s đến dưới 90,%2$s,90,4
                5 sao: điểm trung bình từ 90,90,,5
                """.formatted(threeTo, fourFrom);
    }

    static int expectedStars(BigDecimal avg) {
        if (avg.compareTo(new BigDecimal(30)) < 0) return 1;
        if (avg.compareTo(new BigDecimal(50)) < 0) return 2;
        if (avg.compareTo(NEW_FOUR_STARS) < 0) return 3;
        if (avg.compareTo(new BigDecimal(90)) < 0) return 4;
        return 5;
    }

    /** Selections whose total is as close to {@code target} as a greedy walk over the sheet's options gets. */
    static Map<String, Integer> selectionsFor(JsonNode sheet, int target) {
        Map<String, Integer> sel = new LinkedHashMap<>();
        Map<String, Integer> points = new HashMap<>();
        int total = 0;
        for (JsonNode c : sheet.get("criteria")) {
            JsonNode first = c.get("options").get(0);
            sel.put(c.get("code").asString(), first.get("number").asInt());
            points.put(c.get("code").asString(), first.get("points").asInt());
            total += first.get("points").asInt();
        }
        for (JsonNode c : sheet.get("criteria")) {
            String code = c.get("code").asString();
            for (JsonNode o : c.get("options")) {
                int delta = o.get("points").asInt() - points.get(code);
                if (delta > 0 && total + delta <= target) {
                    total += delta;
                    points.put(code, o.get("points").asInt());
                    sel.put(code, o.get("number").asInt());
                }
            }
        }
        return sel;
    }

    static String dossier(String name, String province) {
        return Http.dossierJson(name, province, null).replace("\"food-fresh-produce\"", "\"" + SHEET + "\"");
    }

    static String json(Object o) {
        return Http.JSON.writeValueAsString(o);
    }

    @Test
    void theWholeLifecycle() throws Exception {
        Http http = http();
        // version 1 is the built-in pack (the attack tests may have added drafts: they run in any order)
        JsonNode list =
                http.get("/api/v1/rulesets?edition=" + EDITION, "policy").json();
        assertThat(list.get(0).get("id").asString()).isEqualTo(EDITION + "@1");
        assertThat(list.get(0).get("status").asString()).isEqualTo("PUBLISHED");
        for (int i = 1; i < list.size(); i++)
            assertThat(list.get(i).get("status").asString()).isEqualTo("DRAFT");
        assertThat(http.get("/api/v1/rulesets", "integration").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/rulesets/" + EDITION + "@1/files/stars/thresholds.csv", "auditor")
                        .body())
                .contains("4 sao");

        // stored dossiers, evaluated with version 1
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "integration")
                .json();
        List<String> dossiers = new ArrayList<>();
        Map<String, JsonNode> oldRecords = new LinkedHashMap<>();
        for (int target : new int[] {45, 60, 70, 72, 74, 80, 95}) {
            Response created = http.post("/api/v1/dossiers", "integration", dossier("Sản phẩm " + target, "82"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            for (String member : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
                String body = json(Map.of("member", member, "selections", selectionsFor(sheet, target)));
                assertThat(http.post("/api/v1/dossiers/" + id + "/assessments", "council", body)
                                .status())
                        .isEqualTo(201);
            }
            Response record = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
            assertThat(record.status()).as(record.body()).isEqualTo(201);
            assertThat(record.json().get("rulesetVersion").asString()).isEqualTo("1");
            dossiers.add(id);
            oldRecords.put(id, record.json());
        }
        // a dossier of another province is not simulated with the province filter
        String other = http.post("/api/v1/dossiers", "integration", dossier("Tỉnh khác", "01"))
                .json()
                .get("id")
                .asString();
        http.post(
                "/api/v1/dossiers/" + other + "/assessments",
                "council",
                json(Map.of("member", "X", "selections", selectionsFor(sheet, 72))));

        // a broken draft: the 3-star band now ends at 75 but the 4-star band still starts at 70
        Response broken = http.post(
                "/api/v1/rulesets",
                "policy",
                json(Map.of(
                        "edition",
                        EDITION,
                        "note",
                        "4 sao từ 75 điểm (lỗi)",
                        "files",
                        Map.of("stars/thresholds.csv", thresholds("75", "70")))));
        assertThat(broken.status()).as(broken.body()).isEqualTo(201);
        String brokenId = broken.json().get("id").asString();
        assertThat(broken.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(broken.json().get("parentVersion").asInt()).isEqualTo(1);
        Response badReport = http.post("/api/v1/rulesets/" + brokenId + "/validate", "policy", null);
        assertThat(badReport.status()).as(badReport.body()).isEqualTo(200);
        assertThat(badReport.json().get("passed").asBoolean()).isFalse();
        JsonNode error = badReport.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("stars/thresholds.csv");
        assertThat(error.get("line").asInt()).isEqualTo(14);
        Response notValidated =
                http.post("/api/v1/rulesets/" + brokenId + "/publish", "policy", "{\"effectiveFrom\":\"2026-01-01\"}");
        assertThat(notValidated.status()).isEqualTo(409);
        assertThat(notValidated.isProblem()).isTrue();

        // the fixed draft, with the boundary scenarios' expectations updated (average 70 is now 3 stars)
        Map<String, String> files = new LinkedHashMap<>();
        files.put("stars/thresholds.csv", thresholds("75", "75"));
        for (var r : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:scenarios/" + EDITION + "/*/*-at-70.yaml")) {
            String url = r.getURL().toString();
            String rel = url.substring(
                    url.lastIndexOf("scenarios/" + EDITION + "/") + ("scenarios/" + EDITION + "/").length());
            String text = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            files.put("scenarios/" + rel, text.replace("  stars: 4", "  stars: 3"));
        }
        Response draft = http.post(
                "/api/v1/rulesets",
                "policy",
                json(Map.of(
                        "edition",
                        EDITION,
                        "parentVersion",
                        1,
                        "note",
                        "Tỉnh thử nghiệm: 4 sao từ 75 điểm",
                        "files",
                        files)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        assertThat(http.post("/api/v1/rulesets/" + id + "/publish", "policy", "{\"effectiveFrom\":\"2026-01-01\"}")
                        .status())
                .isEqualTo(409);
        Response report = http.post("/api/v1/rulesets/" + id + "/validate", "policy", null);
        assertThat(report.json().get("passed").asBoolean()).as(report.body()).isTrue();
        assertThat(report.json().get("status").asString()).isEqualTo("VALIDATED");
        JsonNode diff = http.get("/api/v1/rulesets/" + id + "/diff", "auditor").json();
        String thresholdsDiff = null;
        for (JsonNode f : diff.get("files")) {
            if (f.get("path").asString().equals("stars/thresholds.csv"))
                thresholdsDiff = f.get("unifiedDiff").asString();
        }
        assertThat(thresholdsDiff)
                .contains("-4 sao: điểm trung bình từ 70 đến dưới 90,70,90,4")
                .contains("+4 sao: điểm trung bình từ 75 đến dưới 90,75,90,4");
        Response publishUntested =
                http.post("/api/v1/rulesets/" + id + "/publish", "policy", "{\"effectiveFrom\":\"2026-01-01\"}");
        assertThat(publishUntested.status()).isEqualTo(422);

        Response tests = http.post("/api/v1/rulesets/" + id + "/test", "policy", null);
        assertThat(tests.status()).as(tests.body()).isEqualTo(200);
        List<String> failedScenarios = new ArrayList<>();
        for (JsonNode o : tests.json().get("scenarios"))
            if (!o.get("passed").asBoolean()) failedScenarios.add(o.toString());
        assertThat(failedScenarios).isEmpty();
        assertThat(tests.json().get("passed").asBoolean()).isTrue();
        assertThat(tests.json().get("total").asInt()).isGreaterThan(10);

        // simulation over the province's stored dossiers
        Response started = http.post("/api/v1/rulesets/" + id + "/simulate", "policy", "{\"province\":\"82\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        JsonNode done = null;
        for (int i = 0; i < 600; i++) {
            done = http.get("/api/v1/jobs/" + job, "policy").json();
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(done.get("state").asString())) break;
            Thread.sleep(100);
        }
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(http.get("/api/v1/jobs/" + job, "integration").status()).isIn(403, 404);
        JsonNode result = done.get("result");
        assertThat(result.get("scored").asLong()).isEqualTo(dossiers.size());
        Map<String, Long> expectedMatrix = new HashMap<>();
        long expectedChanged = 0;
        for (JsonNode rec : oldRecords.values()) {
            int oldStars = rec.get("result").get("stars").asInt();
            int newStars = expectedStars(rec.get("result").get("averageTotal").decimalValue());
            expectedMatrix.merge(oldStars + "→" + newStars, 1L, Long::sum);
            if (oldStars != newStars) expectedChanged++;
        }
        Map<String, Long> actualMatrix = new HashMap<>();
        for (JsonNode cell : result.get("matrix")) {
            actualMatrix.put(
                    cell.get("oldStars").asInt() + "→" + cell.get("newStars").asInt(),
                    cell.get("count").asLong());
        }
        assertThat(actualMatrix).isEqualTo(expectedMatrix);
        assertThat(expectedChanged).as("the fixture moves some dossiers").isGreaterThan(0);
        assertThat(result.get("changedStars").asLong()).isEqualTo(expectedChanged);
        assertThat(result.get("changedDossiers")).hasSize((int) expectedChanged);

        // publish while evaluations run: none fails, each is scored by exactly one version
        String today = LocalDate.now(RulesetRegistry.VIETNAM).toString();
        String evaluateBody = json(Map.of(
                "edition",
                EDITION,
                "sheet",
                SHEET,
                "assessments",
                List.of(Map.of("member", "A", "selections", selectionsFor(sheet, 72)))));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                Http h = http();
                while (!stop.get()) {
                    Response r = h.post("/api/v1/evaluate", "integration", evaluateBody);
                    calls.incrementAndGet();
                    if (r.status() != 200
                            || !"VALID".equals(r.json().get("status").asString())) {
                        failures.incrementAndGet();
                        continue;
                    }
                    JsonNode j = r.json();
                    String v = j.get("rulesetVersion").asString();
                    int stars = j.get("stars").asInt();
                    // a half-switched request would pair one version with the other's thresholds
                    if (!(v.equals("1") && stars == 4) && !(v.equals(id.substring(id.indexOf('@') + 1)) && stars == 3))
                        failures.incrementAndGet();
                    versionsSeen.add(v);
                }
            });
            th.start();
            load.add(th);
        }
        Thread.sleep(500);
        Response published =
                http.post("/api/v1/rulesets/" + id + "/publish", "policy2", "{\"effectiveFrom\":\"" + today + "\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        Thread.sleep(1500);

        String newVersion = id.substring(id.indexOf('@') + 1);
        Response next = http.post("/api/v1/dossiers/" + dossiers.get(3) + "/evaluations", "council", null);
        assertThat(next.json().get("rulesetVersion").asString()).isEqualTo(newVersion);
        assertThat(next.json().get("rulesetSha256").asString())
                .isEqualTo(published.json().get("sha256").asString());
        JsonNode old = http.get(
                        "/api/v1/evaluations/"
                                + oldRecords.get(dossiers.get(3)).get("id").asString(),
                        "auditor")
                .json();
        assertThat(old.get("rulesetVersion").asString()).isEqualTo("1");
        // the old record re-scored on its own version gives its stored stars
        var v1 = registry.version(EDITION, 1).orElseThrow();
        assertThat(v1.sha256()).isEqualTo(old.get("rulesetSha256").asString());
        List<Assessment> members = new ArrayList<>();
        for (JsonNode a : old.get("assessments")) {
            Map<String, Integer> sel = new LinkedHashMap<>();
            a.get("selections")
                    .properties()
                    .forEach(e -> sel.put(e.getKey(), e.getValue().asInt()));
            members.add(new Assessment(a.get("member").asString(), null, sel));
        }
        var replay = v1.evaluate(new EvaluationRequest(EDITION, SHEET, DeclaredFacts.none(), members));
        assertThat(replay.rulesetVersion()).isEqualTo("1");
        // stateless scoring on a date before the new version's effectiveFrom still uses version 1
        Response before = http.post(
                "/api/v1/evaluate",
                "integration",
                json(Map.of(
                        "edition",
                        EDITION,
                        "sheet",
                        SHEET,
                        "evaluationDate",
                        LocalDate.now(RulesetRegistry.VIETNAM).minusDays(1).toString(),
                        "assessments",
                        List.of(Map.of("member", "A", "selections", selectionsFor(sheet, 72))))));
        assertThat(before.json().get("rulesetVersion").asString()).isEqualTo("1");

        // roll back: version 1 is in force again; the retired version can still be loaded for replay
        Response rolledBack = http.post("/api/v1/rulesets/" + id + "/rollback", "policy", null);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json().get("status").asString()).isEqualTo("RETIRED");
        Thread.sleep(1500);
        stop.set(true);
        for (Thread th : load) th.join();
        assertThat(failures.get())
                .as("failed or half-switched evaluations out of " + calls.get())
                .isZero();
        assertThat(versionsSeen).contains("1", newVersion);
        Response after = http.post("/api/v1/dossiers/" + dossiers.get(3) + "/evaluations", "council", null);
        assertThat(after.json().get("rulesetVersion").asString()).isEqualTo("1");
        assertThat(registry.version(EDITION, Integer.parseInt(newVersion))).isPresent();
        assertThat(http.post("/api/v1/rulesets/" + EDITION + "@1/rollback", "policy", null)
                        .status())
                .isEqualTo(409);
        JsonNode history = http.get("/api/v1/rulesets/" + id, "auditor").json().get("history");
        assertThat(history).hasSize(4); // DRAFT, VALIDATED, PUBLISHED, RETIRED – each with who and when
        assertThat(history.get(3).get("by").asString()).isEqualTo("policy");
    }

    // ---- attacks ---------------------------------------------------------------------------------------------

    String draftWith(String path, String content) {
        Response r = http().post(
                        "/api/v1/rulesets",
                        "policy",
                        json(Map.of("edition", EDITION, "parentVersion", 1, "files", Map.of(path, content))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void assertRefusedAndStillScoring(String id, String what) {
        Response report = http().post("/api/v1/rulesets/" + id + "/validate", "policy", null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("passed").asBoolean())
                .as(what + ": " + report.body())
                .isFalse();
        assertThat(report.json().get("errors")).as(what).isNotEmpty();
        assertThat(report.json().get("errors").get(0).get("message").asString()).isNotBlank();
        Response score = http().post(
                        "/api/v1/evaluate",
                        "integration",
                        json(Map.of(
                                "edition",
                                EDITION,
                                "sheet",
                                SHEET,
                                "assessments",
                                List.of(Map.of("member", "A", "selections", Map.of())))));
        assertThat(score.status()).as("the service keeps scoring after " + what).isEqualTo(200);
    }

    static String rule(String consequence) {
        return """
                package vn.ocop.editions.ocop2023.council;
                import vn.ocop.rules.model.Council;
                rule "evil"
                    ruleflow-group "aggregate"
                when
                    $c : Council()
                then
                    %s
                end
                """.formatted(consequence);
    }

    @Test
    void systemExitIsRefused() {
        assertRefusedAndStillScoring(draftWith("gates/evil.drl", rule("System.exit(0);")), "System.exit");
    }

    @Test
    void fileReadIsRefused() {
        assertRefusedAndStillScoring(
                draftWith(
                        "gates/evil.drl",
                        rule("java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/etc/passwd\"));")),
                "file read");
    }

    @Test
    void socketIsRefused() {
        assertRefusedAndStillScoring(
                draftWith("gates/evil.drl", rule("new java.net.Socket(\"example.org\", 80);")), "socket");
    }

    @Test
    void endlessLoopIsRefused() {
        assertRefusedAndStillScoring(draftWith("gates/evil.drl", rule("while (true) { }")), "endless loop");
    }

    @Test
    void fiftyMegabyteUploadIsRefused() {
        String big = "x".repeat(50 * 1024 * 1024);
        try {
            Response r = http().post(
                            "/api/v1/rulesets",
                            "policy",
                            "{\"edition\":\"" + EDITION + "\",\"files\":{\"gates/big.drl\":\"" + big + "\"}}");
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.isProblem()).isTrue();
        } catch (IllegalStateException e) {
            // the server answered 413 and closed the connection before the client finished sending
            assertThat(e.getCause()).hasMessageContaining("bytes received");
        }
        Response score = http().post(
                        "/api/v1/evaluate",
                        "integration",
                        json(Map.of(
                                "edition",
                                EDITION,
                                "sheet",
                                SHEET,
                                "assessments",
                                List.of(Map.of("member", "A", "selections", Map.of())))));
        assertThat(score.status()).isEqualTo(200);
    }

    @Test
    void externalEntityInSpreadsheetIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("""
                    <?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&xxe;</Types>
                    """.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Response r = http().post(
                        "/api/v1/rulesets",
                        "policy",
                        json(Map.of(
                                "edition",
                                EDITION,
                                "parentVersion",
                                1,
                                "binaryFiles",
                                Map.of("gates/evil.xlsx", Base64.getEncoder().encodeToString(bytes.toByteArray())))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertRefusedAndStillScoring(r.json().get("id").asString(), "XXE spreadsheet");
    }
}
