package vn.ocop.service.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.testsupport.Http.Response;

/**
 * Property-based bad input, with JUnit and a seeded {@link Random} (the seed is printed on failure, so a run can be
 * repeated): valid requests of every request schema the dossier, assessment, evaluate and simulation paths take
 * (DossierInput, AssessmentInput, EvaluateRequest, SimulationRequest, the list's query) are mutated at random
 * (values replaced by nulls, wrong types, huge or tiny numbers, invisible characters, NFD text; fields removed or
 * added; arrays grown). Property: the answer is a 4xx problem+json or a success, never a 5xx; and everything that
 * was accepted can afterwards be read, listed, evaluated and simulated without a 5xx or a failed job. Bounded:
 * {@value #CASES} mutations per schema.
 */
class BadInputPropertiesIT extends RealEngineApp {
    static final int CASES = 40;
    static final String EDITION = "ocop-2023";
    static final String SHEET = "food";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    final long seed = Long.getLong("ocop.fuzz.seed", System.nanoTime());
    final Random random = new Random(seed);

    /** Values that broke something once, or could. */
    final List<Supplier<JsonNode>> poison = List.of(
            NODES::nullNode,
            () -> NODES.stringNode(""),
            () -> NODES.stringNode(" "),
            () -> NODES.numberNode(0),
            () -> NODES.numberNode(-1),
            () -> NODES.numberNode(101),
            () -> NODES.numberNode(3.5),
            () -> NODES.stringNode("3"),
            () -> NODES.booleanNode(true),
            () -> NODES.numberNode(new java.math.BigDecimal("1e-999999999")),
            () -> NODES.numberNode(new java.math.BigDecimal("1" + "0".repeat(40))),
            () -> NODES.numberNode(Long.MAX_VALUE),
            () -> NODES.numberNode(new java.math.BigDecimal("1.0000000000000000000000000000000000001")),
            NODES::arrayNode,
            NODES::objectNode,
            () -> NODES.arrayNode().addNull(),
            () -> NODES.stringNode("\u200B"),
            () -> NODES.stringNode("Trần\u00A0Thị\u00ADBình"),
            () -> NODES.stringNode(java.text.Normalizer.normalize("Nước mắm", java.text.Normalizer.Form.NFD)),
            () -> NODES.stringNode("x".repeat(6000)),
            () -> NODES.stringNode("%zz"),
            () -> NODES.stringNode("{\"$gt\":\"\"}"),
            () -> NODES.stringNode("\uD800"),
            () -> NODES.stringNode("2025-02-30"),
            () -> NODES.stringNode("99"),
            () -> NODES.stringNode("FOOD"),
            () -> NODES.stringNode("ocop-2019"));

    SheetInfo sheet() {
        return engine.sheet(EDITION, SHEET).orElseThrow();
    }

    ObjectNode validDossier() {
        ObjectNode d = NODES.objectNode();
        d.putObject("product").put("name", "Bưởi Năm Roi").put("subgroup", "Rau, củ, quả, hạt tươi");
        d.putObject("producer")
                .put("name", "HTX Tân Thuận")
                .put("type", "COOPERATIVE")
                .put("taxOrRegistrationNumber", "1402345678");
        d.putObject("location").put("provinceCode", "82").put("communeCode", "29869");
        d.put("edition", EDITION).put("sheet", SHEET).put("registeredOn", "2026-01-15");
        ObjectNode facts = d.putObject("facts");
        facts.put("producerType", "COOPERATIVE")
                .put("rawMaterialInProvincePct", 80.5)
                .put("localLabourPct", 60)
                .put("revenueGrowthPct", 12.5)
                .put("productStandard", "STANDARD")
                .put("foodSafetyTest", "PASSED_COMPLETE")
                .put("distributionArea", "OUTSIDE_DISTRICT")
                .put("distributionAgents", 4)
                .put("website", "https://example.vn");
        facts.putArray("certifications").add("VIETGAP");
        facts.putArray("exportMarkets").add("JP");
        return d;
    }

    ObjectNode validAssessment(String member) {
        ObjectNode a = NODES.objectNode();
        a.put("member", member).put("role", "MEMBER");
        ObjectNode s = a.putObject("selections");
        for (CriterionInfo c : sheet().criteria())
            s.put(c.code(), 1 + random.nextInt(c.options().size()));
        return a;
    }

    ObjectNode validEvaluate() {
        ObjectNode e = NODES.objectNode();
        e.put("edition", EDITION).put("sheet", SHEET).put("group", "FOOD").put("evaluationDate", "2026-01-15");
        e.set("dossier", validDossier().get("facts"));
        e.putArray("assessments").add(validAssessment("Nguyễn Văn An")).add(validAssessment("Trần Thị Bình"));
        return e;
    }

    /** One random change somewhere in the tree. */
    JsonNode mutate(JsonNode seedDoc) {
        JsonNode copy = seedDoc.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.propertyNames().forEach(names::add);
            int kind = random.nextInt(4);
            if (kind == 0 || names.isEmpty()) {
                o.set(random.nextBoolean() ? "unknownField" : " " + (names.isEmpty() ? "A1.1" : names.get(0)), any());
            } else if (kind == 1) {
                o.remove(names.get(random.nextInt(names.size())));
            } else {
                o.set(names.get(random.nextInt(names.size())), any());
            }
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty() || random.nextBoolean()) a.add(any());
            else if (random.nextBoolean()) a.set(random.nextInt(a.size()), any());
            else for (int i = 0; i < 60; i++) a.add(a.get(0).deepCopy());
        }
        return copy;
    }

    JsonNode any() {
        return poison.get(random.nextInt(poison.size())).get();
    }

    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isObject() || n.isArray()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.values().iterator(); it.hasNext(); ) collect(it.next(), out);
        }
    }

    /** The property of every answer. */
    void assertHandled(Response r, String what) {
        assertThat(r.status()).as("seed %d, %s → %s", seed, what, r.body()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.isProblem())
                    .as("seed %d, %s → %s %s", seed, what, r.contentType(), r.body())
                    .isTrue();
            assertThat(r.json().get("code").asString()).isNotBlank();
        }
    }

    @Test
    void mutatedRequestsAreRefusedOrStoredSoundly() {
        long before = stored("dossiers");
        List<String> accepted = new ArrayList<>();
        Response first =
                http.post("/api/v1/dossiers", "integration", validDossier().toString());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String base = first.json().get("id").asString();
        accepted.add(base);
        for (int i = 0; i < CASES; i++) {
            JsonNode body = mutate(validDossier());
            Response r = http.post("/api/v1/dossiers", "integration", body.toString());
            assertHandled(r, "POST /api/v1/dossiers " + body);
            if (r.status() == 201) accepted.add(r.json().get("id").asString());

            JsonNode replaced = mutate(validDossier());
            Response put = http.put("/api/v1/dossiers/" + base, "integration", replaced.toString(), "If-Match", "*");
            assertHandled(put, "PUT /api/v1/dossiers/{id} " + replaced);
        }
        for (int i = 0; i < CASES; i++) {
            String id = accepted.get(random.nextInt(accepted.size()));
            JsonNode body = random.nextInt(5) == 0
                    ? validAssessment("Thành viên " + i)
                    : mutate(validAssessment("Thành viên " + i));
            assertHandled(
                    http.post("/api/v1/dossiers/" + id + "/assessments", "council", body.toString()),
                    "POST assessments " + body);
        }
        for (int i = 0; i < CASES; i++) {
            JsonNode body = mutate(validEvaluate());
            assertHandled(
                    http.post("/api/v1/evaluate", "integration", body.toString()), "POST /api/v1/evaluate " + body);
        }
        String[] params = {
            "q", "province", "district", "commune", "group", "status", "stars", "page", "size", "sort", "name"
        };
        for (int i = 0; i < CASES; i++) {
            String value = any().asString("x");
            String query = params[random.nextInt(params.length)] + "="
                    + (random.nextInt(4) == 0
                            ? value
                            : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            assertHandled(
                    rawGet("/api/v1/dossiers?" + query.replace(" ", "%20").replace("\u200B", "%E2%80%8B"), "auditor"),
                    "GET /api/v1/dossiers?" + query);
        }
        assertThat(stored("dossiers") - before).isEqualTo(accepted.size());

        // everything accepted reads, lists, evaluates and simulates
        for (String id : accepted) {
            assertHandled(http.get("/api/v1/dossiers/" + id, "auditor"), "GET dossier " + id);
            assertHandled(http.get("/api/v1/dossiers/" + id + "/assessments", "auditor"), "GET assessments " + id);
            Response evaluation = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
            assertHandled(evaluation, "POST evaluations " + id);
            if (evaluation.status() == 201) {
                assertThat(evaluation.json().get("result").get("status").asString())
                        .as("every stored sheet is complete")
                        .isEqualTo("VALID");
            } else {
                assertThat(evaluation.json().get("code").asString()).isIn("NO_ASSESSMENTS", "NO_EDITION_IN_FORCE");
            }
        }
        for (int page = 0; page < 5; page++) {
            assertHandled(
                    http.get("/api/v1/dossiers?size=100&page=" + page + "&sort=product,asc", "auditor"),
                    "list page " + page);
        }
        simulateAll();
        for (int i = 0; i < 30; i++) {
            ObjectNode filter = NODES.objectNode().put("province", "82").put("group", "FOOD");
            JsonNode body = mutate(filter);
            assertHandled(
                    http.post("/api/v1/rulesets/" + publishedRuleset() + "/simulate", "policy", body.toString()),
                    "POST simulate " + body);
        }
    }

    @Test
    void randomValidInputsAreAllStoredAndEvaluated() {
        List<String> provinces = List.of("01", "79", "82", "91", "96");
        Map<String, String> communes =
                Map.of("01", "00070", "79", "26740", "82", "28261", "91", "31078", "96", "32002");
        String[] given = {"An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Lan", "Mai"};
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"};
        for (int i = 0; i < 15; i++) {
            ObjectNode d = validDossier();
            String province = provinces.get(random.nextInt(provinces.size()));
            d.putObject("location").put("provinceCode", province).put("communeCode", communes.get(province));
            ((ObjectNode) d.get("product")).put("name", "Sản phẩm " + family[random.nextInt(family.length)] + " " + i);
            ObjectNode facts = (ObjectNode) d.get("facts");
            facts.put("rawMaterialInProvincePct", new java.math.BigDecimal(random.nextInt(10001)).movePointLeft(2));
            facts.put("revenueGrowthPct", random.nextInt(2001) - 100);
            facts.put("distributionAgents", random.nextInt(100));
            Response created = http.post("/api/v1/dossiers", "integration", d.toString());
            assertThat(created.status())
                    .as("seed %d: %s → %s", seed, d, created.body())
                    .isEqualTo(201);
            String id = created.json().get("id").asString();
            int members = 1 + random.nextInt(5);
            for (int m = 0; m < members; m++) {
                String name = family[(i + m) % family.length] + " Văn " + given[m % given.length];
                Response a = http.post(
                        "/api/v1/dossiers/" + id + "/assessments",
                        "council",
                        validAssessment(name).toString());
                assertThat(a.status()).as("seed %d: %s", seed, a.body()).isEqualTo(201);
            }
            Response evaluation = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
            assertThat(evaluation.status())
                    .as("seed %d: %s", seed, evaluation.body())
                    .isEqualTo(201);
            assertThat(evaluation.json().get("result").get("status").asString()).isEqualTo("VALID");
        }
        simulateAll();
    }

    String publishedRuleset() {
        for (JsonNode r : http.get("/api/v1/rulesets", "policy").json()) {
            if (EDITION.equals(r.get("edition").asString())
                    && "PUBLISHED".equals(r.get("status").asString()))
                return r.get("id").asString();
        }
        throw new AssertionError("no published " + EDITION);
    }

    /** A simulation over every stored dossier ends SUCCEEDED (it failed in 365 of 365 jobs in the corpus). */
    void simulateAll() {
        Response started = http.post("/api/v1/rulesets/" + publishedRuleset() + "/simulate", "policy", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode state;
        do {
            state = http.get("/api/v1/jobs/" + job, "policy").json();
        } while (List.of("QUEUED", "RUNNING").contains(state.get("state").asString())
                && Instant.now().isBefore(until)
                && pause());
        assertThat(state.get("state").asString()).as(state.toString()).isEqualTo("SUCCEEDED");
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
