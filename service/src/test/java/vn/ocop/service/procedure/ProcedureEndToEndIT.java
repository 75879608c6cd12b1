package vn.ocop.service.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.FixedCatalogueRulesEngine;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * The whole application on the embedded store, with the local profile's cast: one dossier from filing to a
 * provincial 4★ decision, a second through the central round (with a second scoring pass) to 5★, and the wrong
 * moves on the way, each refused with its code. Sheets use the test engine's sheet (A1 max 40, B1 25, C1 35;
 * options 1–3 give 20%, 60%, 100%): (3,2,2) = 76 points, (3,3,3) = 100.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestEngineConfiguration.class, ProcedureEndToEndIT.Decisions.class})
@ActiveProfiles("local")
class ProcedureEndToEndIT {
    static final String P = "/api/v1/procedure";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final int YEAR = TODAY.getYear();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-procedure");
    }

    /** Collects the decisions the certificate feature would follow. */
    @TestConfiguration
    static class Decisions {
        final List<DecisionRecorded> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DecisionRecorded e) {
            seen.add(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Decisions decisions;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDossierToFourStarsAtTheProvinceAndAnotherToFiveStarsThroughTheCentralRound() {
        // --- registration (Mẫu 01, 02) and filing
        problem(http.post(P + "/dossiers", "producer-ag", registration("Bưởi của người khác")), 403, "OUT_OF_SCOPE");
        problem(http.post(P + "/dossiers", "commune-caolanh", registration("Bưởi")), 403, "FORBIDDEN");
        problem(
                http.post(P + "/dossiers", "producer-dt", registration("Bưởi").replace("\"FIRST\"", "\"UPGRADE\"")),
                400,
                "VALIDATION_FAILED");
        String a = register("Bưởi Năm Roi Tân Thuận");
        JsonNode filed = ok(http.post(P + "/dossiers/" + a + "/file", "producer-dt", "{}"));
        assertThat(filed.get("state").asString()).isEqualTo("FILED");
        assertThat(filed.get("productCode").asString()).matches("82-29869-\\d{3}-" + YEAR);
        assertThat(LocalDate.parse(filed.get("communeCheckDueOn").asString())).isAfter(TODAY.plusDays(14));
        assertThat(filed.get("communeCheckOverdue").asBoolean()).isFalse();
        assertThat(todo("commune-caolanh"))
                .anyMatch(t -> t.get("kind").asString().equals("COMMUNE_CHECK")
                        && t.get("dossierId").asString().equals(a)
                        && t.get("dueOn")
                                .asString()
                                .equals(filed.get("communeCheckDueOn").asString()));

        // --- other communes, provinces and producers see nothing of it
        problem(http.get(P + "/dossiers/" + a, "commune-mytho"), 403, "OUT_OF_SCOPE");
        problem(http.get(P + "/dossiers/" + a, "commune-phuquoc"), 403, "OUT_OF_SCOPE");
        problem(http.get(P + "/dossiers/" + a, "producer-ag"), 403, "OUT_OF_SCOPE");
        problem(http.get(P + "/dossiers/" + a, "ocop-angiang"), 403, "OUT_OF_SCOPE");
        problem(http.get(P + "/dossiers/" + a, "member-ag"), 403, "OUT_OF_SCOPE");
        problem(http.get("/api/v1/dossiers/" + a, "commune-mytho"), 403, "FORBIDDEN");
        assertThat(ok(http.get(P + "/dossiers", "commune-mytho")).size()).isZero();
        assertThat(ok(http.get(P + "/dossiers", "commune-caolanh")).size()).isEqualTo(1);
        problem(
                http.post(P + "/dossiers/" + a + "/commune-check", "commune-mytho", communeCheck("PROPOSE")),
                403,
                "OUT_OF_SCOPE");

        // --- the commune's check (Mẫu 03) and the province's completeness check
        JsonNode proposed =
                ok(http.post(P + "/dossiers/" + a + "/commune-check", "commune-caolanh", communeCheck("PROPOSE")));
        assertThat(proposed.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("communeCheck")
                        .get("localRawMaterial")
                        .get("satisfied")
                        .asBoolean())
                .isTrue();
        problem(
                http.post(P + "/dossiers/" + a + "/commune-check", "commune-caolanh", communeCheck("PROPOSE")),
                409,
                "WRONG_STATE");
        problem(
                http.post(P + "/dossiers/" + a + "/completeness-check", "ocop-angiang", "{\"complete\":true}"),
                403,
                "OUT_OF_SCOPE");
        assertThat(ok(http.post(P + "/dossiers/" + a + "/completeness-check", "ocop-dongthap", "{\"complete\":true}"))
                        .get("state")
                        .asString())
                .isEqualTo("ACCEPTED");

        // --- rounds: defaults from Điều 5, a closed round refuses, the next open round takes the dossier
        JsonNode defaults = created(http.post(
                P + "/rounds",
                "ocop-dongthap",
                "{\"level\":\"PROVINCE\",\"provinceCode\":\"82\",\"year\":" + (YEAR + 1) + ",\"number\":1}"));
        assertThat(defaults.get("cutoff").asString()).isEqualTo((YEAR + 1) + "-04-30");
        assertThat(defaults.get("decisionDue").asString()).isEqualTo((YEAR + 1) + "-06-30");
        problem(
                http.post(
                        P + "/rounds",
                        "ocop-dongthap",
                        "{\"level\":\"PROVINCE\",\"provinceCode\":\"82\",\"year\":" + (YEAR + 1) + ",\"number\":1}"),
                409,
                "DUPLICATE_ROUND");
        problem(
                http.post(P + "/rounds", "ocop-angiang", round(5, TODAY.minusDays(1), TODAY.plusDays(20))),
                403,
                "OUT_OF_SCOPE");
        String closed = created(
                        http.post(P + "/rounds", "ocop-dongthap", round(5, TODAY.minusDays(1), TODAY.plusDays(20))))
                .get("id")
                .asString();
        String open = created(
                        http.post(P + "/rounds", "ocop-dongthap", round(6, TODAY.plusDays(10), TODAY.plusDays(40))))
                .get("id")
                .asString();
        problem(
                http.post(P + "/dossiers/" + a + "/assignment", "ocop-dongthap", "{\"roundId\":\"" + closed + "\"}"),
                422,
                "AFTER_CUTOFF");
        JsonNode assigned = ok(http.post(P + "/dossiers/" + a + "/assignment", "ocop-dongthap", "{}"));
        assertThat(assigned.get("roundId").asString()).isEqualTo(open);
        assertThat(assigned.get("state").asString()).isEqualTo("ASSIGNED");

        // --- the council: chair, three scoring members, a secretary, the advisory team
        problem(http.put(P + "/rounds/" + open + "/council", "ocop-angiang", provincialCouncil()), 403, "OUT_OF_SCOPE");
        ok(http.put(P + "/rounds/" + open + "/council", "ocop-dongthap", provincialCouncil()));
        ok(http.post(
                P + "/dossiers/" + a + "/advisory-report",
                "advisor-dt",
                "{\"text\":\"Đã khảo sát cơ sở sản xuất; hồ sơ đầy đủ.\"}"));
        assertThat(todo("member-dt1"))
                .anyMatch(t -> t.get("kind").asString().equals("SUBMIT_SHEET")
                        && t.get("dossierId").asString().equals(a));

        // --- sheets: own only, drafts until submitted, incomplete refused per criterion
        problem(http.put(sheet(open, a, "member-dt2"), "member-dt1", sheetJson(3, 2, 2)), 403, "NOT_YOUR_SHEET");
        problem(http.put(sheet(open, a, "secretary-dt"), "secretary-dt", sheetJson(3, 2, 2)), 403, "NOT_IN_COUNCIL");
        problem(http.put(sheet(open, a, "member-ag"), "member-ag", sheetJson(3, 2, 2)), 403, "NOT_IN_COUNCIL");
        assertThat(ok(http.put(sheet(open, a, "member-dt1"), "member-dt1", sheetJson(3, 2, 2)))
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        JsonNode scoring = ok(http.get(P + "/dossiers/" + a, "member-dt1"));
        assertThat(scoring.get("state").asString()).isEqualTo("SCORING");
        assertThat(scoring.get("scoring").get("edition").asString()).isEqualTo("ocop-2023");
        problem(
                http.put(P + "/rounds/" + open + "/council", "ocop-dongthap", provincialCouncil()),
                409,
                "COUNCIL_FIXED");
        problem(
                http.put(
                        "/api/v1/dossiers/" + a,
                        "integration",
                        Http.dossierJson("Đổi tên", "82", null),
                        "If-Match",
                        "*"),
                409,
                "WRONG_STATE");
        problem(
                http.post("/api/v1/dossiers/" + a + "/assessments", "council", Http.assessmentJson("Ai đó", 3, 3, 3)),
                409,
                "PROCEDURE_MANAGED");

        ok(http.put(sheet(open, a, "member-dt2"), "member-dt2", "{\"selections\":{\"A1\":3}}"));
        Response incomplete = http.post(sheet(open, a, "member-dt2") + "/submit", "member-dt2", null);
        problem(incomplete, 422, "SHEET_INCOMPLETE");
        assertThat(incomplete.json().get("errors").findValuesAsString("field"))
                .contains("selections.B1", "selections.C1");
        ok(http.put(sheet(open, a, "member-dt2"), "member-dt2", sheetJson(3, 2, 2)));
        submit(open, a, "member-dt2");
        submit(open, a, "member-dt1");
        problem(http.put(sheet(open, a, "member-dt1"), "member-dt1", sheetJson(1, 1, 1)), 409, "WRONG_STATE");
        problem(
                http.post(sheet(open, a, "member-dt1") + "/reopen", "member-dt2", "{\"reason\":\"sửa\"}"),
                403,
                "NOT_CHAIR");
        assertThat(ok(http.post(
                                sheet(open, a, "member-dt1") + "/reopen",
                                "chair-dt",
                                "{\"reason\":\"Ghi nhầm tiêu chí C1\"}"))
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        submit(open, a, "member-dt1");

        // --- quorum: 2 of 4, then 3 of 4 without the chair, are not enough
        problem(
                http.post(P + "/dossiers/" + a + "/decisions", "ocop-dongthap", decision("RECOGNISED", "101/QĐ-UBND")),
                422,
                "QUORUM_NOT_MET");
        problem(http.post(result(open, a), "secretary-dt", null), 422, "QUORUM_NOT_MET");
        ok(http.put(sheet(open, a, "member-dt3"), "member-dt3", sheetJson(3, 2, 2)));
        submit(open, a, "member-dt3");
        problem(http.post(result(open, a), "secretary-dt", null), 422, "QUORUM_NOT_MET");
        ok(http.put(sheet(open, a, "chair-dt"), "chair-dt", sheetJson(3, 2, 2)));
        submit(open, a, "chair-dt");
        problem(http.post(result(open, a), "member-dt1", null), 403, "NOT_IN_COUNCIL");
        // the chair's overview (the console's council view): totals, quorum, average and stars before recording
        problem(http.get(P + "/dossiers/" + a + "/council", "member-dt1"), 403, "NOT_CHAIR");
        JsonNode overview = ok(http.get(P + "/dossiers/" + a + "/council", "chair-dt"));
        assertThat(overview.get("members").size()).isEqualTo(4);
        overview.get("members")
                .forEach(
                        m -> assertThat(m.get("total").asInt()).as(m.toString()).isEqualTo(76));
        assertThat(overview.get("quorum").get("met").asBoolean()).isTrue();
        assertThat(overview.get("preview").get("stars").asInt()).isEqualTo(4);
        assertThat(overview.get("preview").get("averageTotal").decimalValue()).isEqualByComparingTo("76");
        assertThat(overview.path("spread").isNull() || overview.path("spread").isMissingNode())
                .as("equal sheets: no spread")
                .isTrue();
        assertThat(overview.get("mayRecord").asBoolean()).isTrue();
        JsonNode counted = ok(http.post(result(open, a), "secretary-dt", null));
        assertThat(counted.get("counted").asBoolean()).isTrue();
        assertThat(counted.get("stars").asInt()).isEqualTo(4);
        assertThat(counted.get("averageTotal").decimalValue()).isEqualByComparingTo("76");
        assertThat(counted.get("submitted").asInt()).isEqualTo(4);
        JsonNode record =
                ok(http.get("/api/v1/evaluations/" + counted.get("evaluationId").asString(), "auditor"));
        assertThat(record.get("evaluationDate").asString()).isEqualTo(TODAY.toString());
        assertThat(record.get("assessments").size()).isEqualTo(4);
        assertThat(record.get("hash").asString())
                .isEqualTo(counted.get("evaluationHash").asString());
        // the dossier and evaluation endpoints keep the same scope
        problem(
                http.get("/api/v1/evaluations/" + counted.get("evaluationId").asString(), "member-ag"),
                403,
                "OUT_OF_SCOPE");
        problem(http.get("/api/v1/dossiers/" + a, "member-ag"), 403, "OUT_OF_SCOPE");
        problem(http.get("/api/v1/dossiers/" + a, "council"), 403, "OUT_OF_SCOPE");
        problem(http.get("/api/v1/dossiers/" + a + "/evaluations", "council"), 403, "OUT_OF_SCOPE");
        assertThat(ok(http.get("/api/v1/dossiers/" + a, "member-dt1")).get("id").asString())
                .isEqualTo(a);

        // --- the provincial chair's decision: 4★ recognised
        problem(
                http.post(P + "/dossiers/" + a + "/decisions", "ocop-dongthap", decision("FORWARDED", "101/QĐ-UBND")),
                422,
                "DECISION_NOT_ALLOWED");
        problem(
                http.post(P + "/dossiers/" + a + "/decisions", "ocop-angiang", decision("RECOGNISED", "101/QĐ-UBND")),
                403,
                "OUT_OF_SCOPE");
        JsonNode recognised = ok(
                http.post(P + "/dossiers/" + a + "/decisions", "ocop-dongthap", decision("RECOGNISED", "101/QĐ-UBND")));
        assertThat(recognised.get("state").asString()).isEqualTo("RECOGNISED");
        assertThat(recognised.get("decisions").get(0).get("stars").asInt()).isEqualTo(4);
        assertThat(recognised.get("history").findValuesAsString("move"))
                .containsSubsequence(
                        "REGISTER",
                        "FILE",
                        "PROPOSE",
                        "ACCEPT",
                        "ASSIGN",
                        "BEGIN_SCORING",
                        "COUNT_RESULT",
                        "RECOGNISE");
        assertThat(decisions.seen)
                .anyMatch(e -> e.dossierId().equals(a)
                        && e.recognised()
                        && e.stars() == 4
                        && e.decisionNumber().equals("101/QĐ-UBND")
                        && e.evaluationId().equals(counted.get("evaluationId").asString()));
        // the recognition issued its certificate (ProcedureDecisions): the public catalogue lists the product at 4★
        JsonNode listed = ok(http.get("/public/products?q=buoi%20nam%20roi%20tan%20thuan", null));
        assertThat(listed.get("items").findValuesAsString("productName")).containsExactly("Bưởi Năm Roi Tân Thuận");
        assertThat(listed.get("items").get(0).get("stars").asInt()).isEqualTo(4);

        // --- a withdrawn dossier cannot be scored
        String c = register("Mứt sen Đồng Tháp");
        throughToRound(c, open);
        ok(http.post(P + "/dossiers/" + c + "/withdraw", "producer-dt", "{\"reason\":\"Chưa đủ sản lượng\"}"));
        problem(http.put(sheet(open, c, "member-dt1"), "member-dt1", sheetJson(3, 3, 3)), 409, "WRONG_STATE");
        problem(http.post(P + "/dossiers/" + c + "/file", "producer-dt", "{}"), 409, "WRONG_STATE");

        // --- the second dossier: 100 points at the province, sent to the central round
        String b = register("Xoài cát Hòa Lộc");
        throughToRound(b, open);
        for (String m : List.of("member-dt1", "member-dt2", "member-dt3", "chair-dt")) {
            ok(http.put(sheet(open, b, m), m, sheetJson(3, 3, 3)));
            submit(open, b, m);
        }
        assertThat(ok(http.post(result(open, b), "chair-dt", null)).get("stars").asInt())
                .isEqualTo(5);
        problem(
                http.post(P + "/dossiers/" + b + "/decisions", "ocop-dongthap", decision("RECOGNISED", "102/QĐ-UBND")),
                422,
                "DECISION_NOT_ALLOWED");
        assertThat(ok(http.post(
                                P + "/dossiers/" + b + "/decisions",
                                "ocop-dongthap",
                                decision("FORWARDED", "102/QĐ-UBND")))
                        .get("state")
                        .asString())
                .isEqualTo("FORWARDED");
        assertThat(todo("ministry"))
                .anyMatch(t -> t.get("kind").asString().equals("ASSIGN_TO_ROUND")
                        && t.get("dossierId").asString().equals(b));

        String central = created(http.post(
                        P + "/rounds",
                        "ministry",
                        "{\"level\":\"CENTRAL\",\"year\":" + YEAR + ",\"number\":7,\"cutoff\":\"" + TODAY.plusDays(10)
                                + "\",\"decisionDue\":\"" + TODAY.plusDays(60) + "\"}"))
                .get("id")
                .asString();
        ok(http.put(P + "/rounds/" + central + "/council", "ministry", centralCouncil()));
        problem(http.post(P + "/dossiers/" + b + "/assignment", "ocop-dongthap", "{}"), 403, "FORBIDDEN");
        JsonNode atCentral = ok(http.post(P + "/dossiers/" + b + "/assignment", "ministry", "{}"));
        assertThat(atCentral.get("level").asString()).isEqualTo("CENTRAL");
        assertThat(atCentral.get("roundId").asString()).isEqualTo(central);

        // first central pass: 76, 100, 100, 100 → COUNCIL_SPREAD opens a second pass
        ok(http.put(sheet(central, b, "member-tw1"), "member-tw1", sheetJson(3, 2, 2)));
        submit(central, b, "member-tw1");
        for (String m : List.of("member-tw2", "member-tw3", "chair-tw")) {
            ok(http.put(sheet(central, b, m), m, sheetJson(3, 3, 3)));
            submit(central, b, m);
        }
        JsonNode firstPass = ok(http.post(result(central, b), "secretary-tw", null));
        assertThat(firstPass.get("secondPassOpened").asBoolean()).isTrue();
        assertThat(firstPass.get("counted").asBoolean()).isFalse();
        assertThat(ok(http.get(P + "/dossiers/" + b, "ministry")).get("pass").asInt())
                .isEqualTo(2);
        problem(
                http.post(P + "/dossiers/" + b + "/decisions", "ministry", decision("RECOGNISED", "55/QĐ-BNNMT")),
                422,
                "QUORUM_NOT_MET");
        for (String m : List.of("member-tw1", "member-tw2", "member-tw3", "chair-tw")) {
            ok(http.put(sheet(central, b, m), m, sheetJson(3, 3, 3)));
            submit(central, b, m);
        }
        JsonNode secondPass = ok(http.post(result(central, b), "secretary-tw", null));
        assertThat(secondPass.get("counted").asBoolean()).isTrue();
        assertThat(secondPass.get("pass").asInt()).isEqualTo(2);
        assertThat(secondPass.get("stars").asInt()).isEqualTo(5);
        assertThat(ok(http.get(P + "/rounds/" + central + "/dossiers/" + b + "/sheets", "chair-tw"))
                        .size())
                .isEqualTo(8);
        assertThat(ok(http.get(P + "/rounds/" + central + "/dossiers/" + b + "/sheets", "member-tw1"))
                        .size())
                .isEqualTo(2);

        problem(
                http.post(P + "/dossiers/" + b + "/decisions", "ocop-dongthap", decision("RECOGNISED", "55/QĐ-BNNMT")),
                403,
                "FORBIDDEN");
        JsonNode fiveStars =
                ok(http.post(P + "/dossiers/" + b + "/decisions", "ministry", decision("RECOGNISED", "55/QĐ-BNNMT")));
        assertThat(fiveStars.get("state").asString()).isEqualTo("RECOGNISED");
        assertThat(fiveStars.get("decisions").get(1).get("stars").asInt()).isEqualTo(5);
        assertThat(fiveStars.get("decisions").get(1).get("level").asString()).isEqualTo("CENTRAL");
        assertThat(decisions.seen)
                .anyMatch(e -> e.dossierId().equals(b) && e.level().equals("CENTRAL") && e.stars() == 5);
    }

    /**
     * The chair's preview scores the dossier as the record will (CouncilScoring, commit a427b40): a dossier filed with
     * an exclusion shows EXCLUDED and no stars before recording, and the recorded result says the same.
     */
    @Test
    void theCouncilPreviewOfAnExcludedDossierShowsExcludedWithoutStarsAsItsRecordDoes() {
        String round = created(
                        http.post(P + "/rounds", "ocop-dongthap", round(8, TODAY.plusDays(10), TODAY.plusDays(40))))
                .get("id")
                .asString();
        ok(http.put(P + "/rounds/" + round + "/council", "ocop-dongthap", provincialCouncil()));
        String x = register(
                "Nem chua Lai Vung",
                "\"exclusions\":[{\"code\":\"" + FixedCatalogueRulesEngine.EXCLUSION
                        + "\",\"note\":\"Giấy chứng nhận ATTP hết hạn\"}]");
        throughToRound(x, round);
        for (String m : List.of("member-dt1", "member-dt2", "member-dt3", "chair-dt")) {
            ok(http.put(sheet(round, x, m), m, sheetJson(3, 3, 3)));
            submit(round, x, m);
        }

        JsonNode preview =
                ok(http.get(P + "/dossiers/" + x + "/council", "chair-dt")).get("preview");
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("EXCLUDED");
        assertThat(preview.path("stars").isNull() || preview.path("stars").isMissingNode())
                .as(preview.toString())
                .isTrue();
        List<String> codes = new java.util.ArrayList<>();
        preview.get("findingCodes").forEach(c -> codes.add(c.asString()));
        assertThat(codes).contains(FixedCatalogueRulesEngine.EXCLUSION);

        JsonNode counted = ok(http.post(result(round, x), "secretary-dt", null));
        assertThat(counted.get("status").asString()).as(counted.toString()).isEqualTo("EXCLUDED");
        assertThat(counted.path("stars").isNull() || counted.path("stars").isMissingNode())
                .as(counted.toString())
                .isTrue();
        JsonNode record =
                ok(http.get("/api/v1/evaluations/" + counted.get("evaluationId").asString(), "auditor"));
        assertThat(record.get("result").get("status").asString())
                .isEqualTo(preview.get("status").asString());
    }

    @Test
    void theCouncilOverviewOfAnUnknownDossierIsANotFoundProblem() {
        problem(http.get(P + "/dossiers/" + java.util.UUID.randomUUID() + "/council", "chair-dt"), 404, "NOT_FOUND");
        problem(http.get(P + "/dossiers/" + java.util.UUID.randomUUID() + "/council", "auditor"), 404, "NOT_FOUND");
    }

    private String register(String product) {
        return register(product, null);
    }

    private String register(String product, String extra) {
        JsonNode r = created(http.post(P + "/dossiers", "producer-dt", registration(product, extra)));
        assertThat(r.get("state").asString()).isEqualTo("REGISTERED");
        assertThat(r.get("procedure").asString()).isEqualTo("two-level-2025");
        return r.get("dossierId").asString();
    }

    private void throughToRound(String id, String round) {
        ok(http.post(P + "/dossiers/" + id + "/file", "producer-dt", "{}"));
        ok(http.post(P + "/dossiers/" + id + "/commune-check", "commune-caolanh", communeCheck("PROPOSE")));
        ok(http.post(P + "/dossiers/" + id + "/completeness-check", "ocop-dongthap", "{\"complete\":true}"));
        assertThat(ok(http.post(
                                P + "/dossiers/" + id + "/assignment",
                                "ocop-dongthap",
                                "{\"roundId\":\"" + round + "\"}"))
                        .get("roundId")
                        .asString())
                .isEqualTo(round);
    }

    private void submit(String round, String dossier, String member) {
        assertThat(ok(http.post(sheet(round, dossier, member) + "/submit", member, null))
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    private List<JsonNode> todo(String user) {
        List<JsonNode> items = new java.util.ArrayList<>();
        ok(http.get(P + "/todo", user)).get("items").forEach(items::add);
        return items;
    }

    static String sheet(String round, String dossier, String member) {
        return P + "/rounds/" + round + "/dossiers/" + dossier + "/sheets/" + member;
    }

    static String result(String round, String dossier) {
        return P + "/rounds/" + round + "/dossiers/" + dossier + "/result";
    }

    static String registration(String product) {
        return registration(product, null);
    }

    static String registration(String product, String dossierExtra) {
        return "{\"kind\":\"FIRST\",\"samples\":5,\"dossier\":" + Http.dossierJson(product, "82", dossierExtra)
                + ",\"selfAssessment\":{\"selections\":{\"A1\":3,\"B1\":2,\"C1\":2},\"note\":\"Minh chứng kèm theo\"}}";
    }

    static String communeCheck(String outcome) {
        String ok = "{\"satisfied\":true,\"note\":\"Đạt\"}";
        return "{\"origin\":" + ok + ",\"localRawMaterial\":" + ok + ",\"localLabour\":" + ok + ",\"ideaOrigin\":" + ok
                + ",\"localIdentity\":" + ok + ",\"outcome\":\"" + outcome + "\"}";
    }

    static String round(int number, LocalDate cutoff, LocalDate due) {
        return "{\"level\":\"PROVINCE\",\"provinceCode\":\"82\",\"year\":" + YEAR + ",\"number\":" + number
                + ",\"cutoff\":\"" + cutoff + "\",\"decisionDue\":\"" + due + "\"}";
    }

    static String provincialCouncil() {
        return "{\"sittingDate\":\"" + TODAY + "\",\"members\":["
                + "{\"user\":\"chair-dt\",\"name\":\"Trần Văn Chủ\",\"department\":\"UBND tỉnh Đồng Tháp\",\"role\":\"CHAIR\"},"
                + "{\"user\":\"member-dt1\",\"name\":\"Nguyễn Văn An\",\"department\":\"Sở Nông nghiệp và Môi trường\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"member-dt2\",\"name\":\"Lê Thị Bình\",\"department\":\"Sở Công Thương\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"member-dt3\",\"name\":\"Phạm Văn Cường\",\"department\":\"Sở Y tế\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"secretary-dt\",\"name\":\"Võ Thị Dung\",\"department\":\"Văn phòng điều phối NTM\",\"role\":\"SECRETARY\"}],"
                + "\"advisory\":[{\"user\":\"advisor-dt\",\"name\":\"Hồ Văn Em\",\"department\":\"Chi cục Phát triển nông thôn\"}]}";
    }

    static String centralCouncil() {
        return "{\"sittingDate\":\"" + TODAY + "\",\"members\":["
                + "{\"user\":\"chair-tw\",\"name\":\"Chủ tịch Hội đồng trung ương\",\"department\":\"Bộ Nông nghiệp và Môi trường\",\"role\":\"CHAIR\"},"
                + "{\"user\":\"member-tw1\",\"name\":\"Thành viên Bộ Công Thương\",\"department\":\"Bộ Công Thương\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"member-tw2\",\"name\":\"Thành viên Bộ Y tế\",\"department\":\"Bộ Y tế\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"member-tw3\",\"name\":\"Thành viên Bộ Khoa học và Công nghệ\",\"department\":\"Bộ Khoa học và Công nghệ\",\"role\":\"MEMBER\"},"
                + "{\"user\":\"secretary-tw\",\"name\":\"Thư ký Hội đồng trung ương\",\"role\":\"SECRETARY\"}]}";
    }

    static String sheetJson(int a, int b, int c) {
        return "{\"selections\":{\"A1\":" + a + ",\"B1\":" + b + ",\"C1\":" + c + "}}";
    }

    static String decision(String outcome, String number) {
        return "{\"outcome\":\"" + outcome + "\",\"number\":\"" + number + "\",\"date\":\"" + TODAY
                + "\",\"signer\":\"Nguyễn Văn Ký\"}";
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode created(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static void problem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
    }
}
