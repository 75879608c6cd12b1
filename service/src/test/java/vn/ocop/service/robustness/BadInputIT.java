package vn.ocop.service.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.platform.web.ProblemTitles;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;

/**
 * The inputs of issue 10's bad-input corpus that gave a 500 or were silently accepted, against the real engine and
 * the embedded store: each is refused at the door with a problem naming the field, and nothing of it is stored.
 */
class BadInputIT extends RealEngineApp {
    static final String EDITION = "ocop-2023";
    static final String SHEET = "food";

    static String dossier(String facts) {
        return """
                {"product":{"name":"Bưởi Năm Roi"},
                 "producer":{"name":"HTX Tân Thuận","type":"COOPERATIVE"},
                 "location":{"provinceCode":"82","communeCode":"29869"},
                 "edition":"%s","sheet":"%s"%s}""".formatted(EDITION, SHEET, facts == null ? "" : ",\"facts\":" + facts);
    }

    SheetInfo sheet() {
        return engine.sheet(EDITION, SHEET).orElseThrow();
    }

    /** Every criterion at option 1, with {@code override} replacing or adding entries (raw JSON values). */
    String selections(Map<String, String> override) {
        Map<String, String> s = new LinkedHashMap<>();
        for (CriterionInfo c : sheet().criteria()) s.put(c.code(), "1");
        s.putAll(override);
        s.values().removeIf(v -> v == null);
        return s.entrySet().stream()
                .map(e -> Http.JSON.writeValueAsString(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    String assessment(String member, Map<String, String> override) {
        return "{\"member\":" + Http.JSON.writeValueAsString(member) + ",\"selections\":" + selections(override) + "}";
    }

    String createDossier() {
        Response r = http.post("/api/v1/dossiers", "integration", dossier(null));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A 4xx problem in Vietnamese with the English code, naming {@code field} with {@code fieldCode}. */
    static JsonNode refused(Response r, int status, String code, String field, String fieldCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        JsonNode p = r.json();
        assertThat(p.get("code").asString()).isEqualTo(code);
        assertThat(ProblemTitles.known(code)).as("Vietnamese title for " + code).isTrue();
        assertThat(p.get("title").asString())
                .isEqualTo(ProblemTitles.of(code, org.springframework.http.HttpStatus.valueOf(status)));
        if (field != null) {
            assertThat(p.get("errors")).as(r.body()).anySatisfy(e -> {
                assertThat(e.get("field").asString()).isEqualTo(field);
                assertThat(e.get("code").asString()).isEqualTo(fieldCode);
                assertThat(e.get("message").asString()).isNotBlank();
            });
        }
        return p;
    }

    @Test
    void nullsInArraysAreRefusedAndNothingIsStored() {
        long before = stored("dossiers");
        refused(
                http.post("/api/v1/dossiers", "integration", dossier("{\"certifications\":[null]}")),
                400,
                "VALIDATION_FAILED",
                "facts.certifications[0]",
                "NULL_NOT_ALLOWED");
        refused(
                http.post("/api/v1/dossiers", "integration", dossier("{\"exportMarkets\":[\"JP\",null]}")),
                400,
                "VALIDATION_FAILED",
                "facts.exportMarkets[1]",
                "NULL_NOT_ALLOWED");
        assertThat(stored("dossiers")).isEqualTo(before);
        refused(
                http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","assessments":[null]}""".formatted(EDITION, SHEET)),
                400,
                "VALIDATION_FAILED",
                "assessments[0]",
                "NULL_NOT_ALLOWED");
        refused(
                http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","dossier":{"certifications":[null]},"assessments":[%s]}""".formatted(EDITION, SHEET, assessment("A", Map.of()))),
                400,
                "VALIDATION_FAILED",
                "dossier.certifications[0]",
                "NULL_NOT_ALLOWED");
        String id = createDossier();
        refused(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments", "council", assessment("A", Map.of("A1.1", "null"))),
                400,
                "VALIDATION_FAILED",
                "selections.A1.1",
                "NULL_NOT_ALLOWED");
    }

    @Test
    void decimalsThatCannotBeStoredExactlyAreRefused() {
        long before = stored("dossiers");
        String digits35 = "1." + "1".repeat(34);
        for (String number : new String[] {digits35, "1e-999999999", "1e999999999", "0.000000000000000000001"}) {
            refused(
                    http.post(
                            "/api/v1/dossiers",
                            "integration",
                            dossier("{\"rawMaterialInProvincePct\":" + number + "}")),
                    400,
                    "VALIDATION_FAILED",
                    "facts.rawMaterialInProvincePct",
                    "TOO_MANY_DIGITS");
        }
        assertThat(stored("dossiers")).isEqualTo(before);
        // what is accepted is stored as sent and evaluates
        Response ok = http.post(
                "/api/v1/dossiers",
                "integration",
                dossier("{\"rawMaterialInProvincePct\":80.50,\"revenueGrowthPct\":1E+2}"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("facts").get("rawMaterialInProvincePct").decimalValue())
                .isEqualByComparingTo("80.5");
        assertThat(ok.json().get("facts").get("revenueGrowthPct").asString()).isEqualTo("100");
    }

    @Test
    void noTypeCoercionAndNoUnknownFields() {
        String id = createDossier();
        for (String option : new String[] {"3.5", "\"3\"", "true", "1.0", "[1]"}) {
            refused(
                    http.post(
                            "/api/v1/dossiers/" + id + "/assessments",
                            "council",
                            assessment("A", Map.of("A1.1", option))),
                    400,
                    "VALIDATION_FAILED",
                    "selections.A1.1",
                    "WRONG_TYPE");
        }
        refused(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossier(null).replace("\"sheet\"", "\"colour\":\"red\",\"sheet\"")),
                400,
                "VALIDATION_FAILED",
                "colour",
                "UNKNOWN_FIELD");
        refused(
                http.post("/api/v1/dossiers", "integration", dossier("{\"website\":\"x\",\"rating\":5}")),
                400,
                "VALIDATION_FAILED",
                "facts.rating",
                "UNKNOWN_FIELD");
        refused(
                http.post("/api/v1/dossiers", "integration", dossier(null).replace("\"COOPERATIVE\"", "3")),
                400,
                "VALIDATION_FAILED",
                "producer.type",
                "WRONG_TYPE");
        refused(
                http.post("/api/v1/dossiers", "integration", dossier(null).replace("\"Bưởi Năm Roi\"", "12")),
                400,
                "VALIDATION_FAILED",
                "product.name",
                "WRONG_TYPE");
        refused(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments",
                        "council",
                        "{\"member\":\"A\",\"member\":\"B\",\"selections\":" + selections(Map.of()) + "}"),
                400,
                "VALIDATION_FAILED",
                null,
                null);
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council")
                        .json())
                .isEmpty();
    }

    @Test
    void optionsOutsideTheSheetAreRefused() {
        String id = createDossier();
        for (String option : new String[] {"0", "-1", "101"}) {
            refused(
                    http.post(
                            "/api/v1/dossiers/" + id + "/assessments",
                            "council",
                            assessment("A", Map.of("A1.1", option))),
                    400,
                    "VALIDATION_FAILED",
                    "selections.A1.1",
                    "OPTION_OUT_OF_RANGE");
        }
        int count = sheet().criteria().get(0).options().size();
        String code = sheet().criteria().get(0).code();
        refused(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments",
                        "council",
                        assessment("A", Map.of(code, Integer.toString(count + 1)))),
                422,
                "INCOMPLETE_ASSESSMENT",
                "selections." + code,
                "OPTION_OUT_OF_RANGE");
        refused(
                http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","assessments":[%s]}""".formatted(
                                EDITION, SHEET, assessment("A", Map.of("A1.1", "101")))),
                400,
                "VALIDATION_FAILED",
                "assessments[0].selections.A1.1",
                "OPTION_OUT_OF_RANGE");
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council")
                        .json())
                .isEmpty();
    }

    /** The limit on a sheet's size holds although the selections are no longer walked by bean validation. */
    @Test
    void aSheetOfMoreThan200CriteriaIsRefusedAndItsOptionsAreNotCascaded(@Autowired Validator validator) {
        assertThat(validator
                        .getConstraintsForClass(AssessmentInput.class)
                        .getConstraintsForProperty("selections")
                        .isCascaded())
                .as("ScalarContainerCascade applies to the application's validator")
                .isFalse();
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 201; i++) many.put("X" + i, "1");
        refused(
                http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","assessments":[%s]}""".formatted(EDITION, SHEET, assessment("A", many))),
                400,
                "TOO_MANY_CRITERIA",
                "assessments[0].selections",
                "TOO_MANY_CRITERIA");
        String id = createDossier();
        refused(
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment("A", many)),
                400,
                "TOO_MANY_CRITERIA",
                "selections",
                "TOO_MANY_CRITERIA");
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council")
                        .json())
                .isEmpty();
    }

    @Test
    void aCodeAndItsTwinsAreNotBothAccepted() {
        String id = createDossier();
        String code = sheet().criteria().get(0).code();
        for (String twin : new String[] {" " + code, code + "\u200B", "\uFEFF" + code, code.replace(".", "\u00AD.")}) {
            refused(
                    http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment("A", Map.of(twin, "1"))),
                    400,
                    "VALIDATION_FAILED",
                    "selections." + twin,
                    "INVALID_CODE");
        }
        refused(
                http.post(
                        "/api/v1/dossiers/" + id + "/assessments",
                        "council",
                        assessment("A", Map.of(code.toLowerCase(), "1"))),
                400,
                "VALIDATION_FAILED",
                "selections." + code.toLowerCase(),
                "DUPLICATE_CRITERION");
        // a combining mark in a code (an NFD twin of an accented code) is not a code
        String nfd = Normalizer.normalize("Ả1", Normalizer.Form.NFD);
        refused(
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment("A", Map.of(nfd, "1"))),
                400,
                "VALIDATION_FAILED",
                "selections." + nfd,
                "INVALID_CODE");
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council")
                        .json())
                .isEmpty();
    }

    @Test
    void anIncompleteSheetIsRefusedPerCriterionAndTheDossierStillEvaluates() {
        String id = createDossier();
        SheetInfo sheet = sheet();
        String first = sheet.criteria().get(0).code();
        String last = sheet.criteria().get(sheet.criteria().size() - 1).code();
        Map<String, String> partial = new LinkedHashMap<>();
        partial.put(first, null);
        partial.put(last, null);
        partial.put("Z9.9", "1");
        JsonNode p = refused(
                http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment("Nguyễn Văn An", partial)),
                422,
                "INCOMPLETE_ASSESSMENT",
                "selections." + first,
                "MISSING_CRITERION");
        assertThat(p.get("errors"))
                .anySatisfy(e -> assertThat(e.get("field").asString()).isEqualTo("selections." + last));
        assertThat(p.get("errors"))
                .anySatisfy(e -> assertThat(e.get("code").asString()).isEqualTo("UNKNOWN_CRITERION"));
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council")
                        .json())
                .isEmpty();

        assertThat(http.post(
                                "/api/v1/dossiers/" + id + "/assessments",
                                "council",
                                assessment("Nguyễn Văn An", Map.of()))
                        .status())
                .isEqualTo(201);
        Response evaluated = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);
        assertThat(evaluated.json().get("result").get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void locationsAreCheckedAgainstTheAdministrativeUnitsOfTheirDate() {
        long before = stored("dossiers");
        refused(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossier(null).replace("\"provinceCode\":\"82\"", "\"provinceCode\":\"999\"")),
                400,
                "VALIDATION_FAILED",
                "location.provinceCode",
                "UNKNOWN_PROVINCE");
        refused(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossier(null).replace("\"communeCode\":\"29869\"", "\"communeCode\":\"x\"")),
                400,
                "VALIDATION_FAILED",
                "location.communeCode",
                "UNKNOWN_COMMUNE");
        // Phường Sài Gòn is in Hồ Chí Minh City, not in Đồng Tháp
        refused(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        dossier(null).replace("\"communeCode\":\"29869\"", "\"communeCode\":\"26740\"")),
                400,
                "VALIDATION_FAILED",
                "location.communeCode",
                "UNKNOWN_COMMUNE");
        // 87 (old Đồng Tháp) is a province only before 2025-07-01, with its districts
        String old = dossier(null)
                .replace("\"provinceCode\":\"82\"", "\"provinceCode\":\"87\",\"districtCode\":\"866\"")
                .replace("\"sheet\"", "\"registeredOn\":\"2025-03-01\",\"sheet\"");
        refused(
                http.post(
                        "/api/v1/dossiers",
                        "integration",
                        old.replace("2025-03-01", "2025-08-01").replace(",\"districtCode\":\"866\"", "")),
                400,
                "VALIDATION_FAILED",
                "location.provinceCode",
                "UNKNOWN_PROVINCE");
        refused(
                http.post("/api/v1/dossiers", "integration", old.replace("\"866\"", "\"001\"")),
                400,
                "VALIDATION_FAILED",
                "location.districtCode",
                "UNKNOWN_DISTRICT");
        assertThat(stored("dossiers")).isEqualTo(before);
        Response accepted = http.post("/api/v1/dossiers", "integration", old);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void listsSearchWithoutDiacriticsAndSortInVietnameseOrder() {
        String tag = "kiemthu" + System.nanoTime();
        for (String name :
                new String[] {"Đậu phộng " + tag, "Dừa sáp " + tag, "Ăn liền " + tag, "An khang " + tag, "Ớt " + tag}) {
            assertThat(http.post(
                                    "/api/v1/dossiers",
                                    "integration",
                                    dossier(null).replace("Bưởi Năm Roi", name))
                            .status())
                    .isEqualTo(201);
        }
        JsonNode found = http.get("/api/v1/dossiers?q=" + tag + "&sort=product,asc&size=10", "auditor")
                .json()
                .get("items");
        assertThat(found)
                .extracting(d -> d.get("product").get("name").asString().replace(" " + tag, ""))
                .containsExactly("An khang", "Ăn liền", "Dừa sáp", "Đậu phộng", "Ớt");
        JsonNode dau = http.get(
                        "/api/v1/dossiers?q=" + java.net.URLEncoder.encode("DAU phong " + tag, StandardCharsets.UTF_8),
                        "auditor")
                .json()
                .get("items");
        assertThat(dau).hasSize(1);
        assertThat(http.get(
                                "/api/v1/dossiers?q="
                                        + java.net.URLEncoder.encode("htx tan thuan", StandardCharsets.UTF_8)
                                        + "&size=100",
                                "auditor")
                        .json()
                        .get("items")
                        .size())
                .isGreaterThanOrEqualTo(5);
        refused(http.get("/api/v1/dossiers?group=food", "auditor"), 400, "VALIDATION_FAILED", "group", "UNKNOWN_GROUP");
        assertThat(http.get("/api/v1/dossiers?group=FOOD", "auditor").status()).isEqualTo(200);
    }

    @Test
    void onlyTheRequesterOrAnAdminCancelsAJob() {
        String ruleset = null;
        for (JsonNode r : http.get("/api/v1/rulesets", "policy").json()) {
            if (EDITION.equals(r.get("edition").asString())
                    && "PUBLISHED".equals(r.get("status").asString()))
                ruleset = r.get("id").asString();
        }
        Response started = http.post("/api/v1/rulesets/" + ruleset + "/simulate", "policy", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        assertThat(http.get("/api/v1/jobs/" + job, "auditor").status())
                .as("an auditor reads every job")
                .isEqualTo(200);
        refused(http.post("/api/v1/jobs/" + job + "/cancel", "auditor", null), 403, "FORBIDDEN", null, null);
        assertThat(http.post("/api/v1/jobs/" + job + "/cancel", "admin", null).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/jobs/" + job + "/cancel", "policy", null).status())
                .isEqualTo(200);
    }

    @Test
    void anAssessedDossierKeepsItsSheet() {
        String id = createDossier();
        assertThat(http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment("Lê Văn Cường", Map.of()))
                        .status())
                .isEqualTo(201);
        refused(
                http.put(
                        "/api/v1/dossiers/" + id,
                        "integration",
                        dossier(null).replace("\"sheet\":\"food\"", "\"sheet\":\"beverage\""),
                        "If-Match",
                        "*"),
                422,
                "SHEET_LOCKED",
                "sheet",
                "SHEET_LOCKED");
        Response same = http.put(
                "/api/v1/dossiers/" + id,
                "integration",
                dossier(null).replace("Bưởi Năm Roi", "Bưởi da xanh"),
                "If-Match",
                "*");
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void onePersonScoresOnceHoweverTheNameIsSpelled() {
        String id = createDossier();
        assertThat(http.post(
                                "/api/v1/dossiers/" + id + "/assessments",
                                "council",
                                assessment("Trần Thị Bình", Map.of()))
                        .status())
                .isEqualTo(201);
        for (String spelling : new String[] {
            "Trần\u200BThị Bình",
            "Trần\u00A0Thị Bình",
            "Trần Thị Bì\u00ADnh",
            "TRẦN THỊ BÌNH",
            " Trần  Thị Bình ",
            Normalizer.normalize("Trần Thị Bình", Normalizer.Form.NFD),
            "TrầnThịBình"
        }) {
            refused(
                    http.post("/api/v1/dossiers/" + id + "/assessments", "council", assessment(spelling, Map.of())),
                    409,
                    "DUPLICATE_ASSESSMENT",
                    "member",
                    "DUPLICATE_MEMBER");
        }
        JsonNode list =
                http.get("/api/v1/dossiers/" + id + "/assessments", "council").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("member").asString()).isEqualTo("Trần Thị Bình");
        // the stateless evaluate refuses the same person twice too
        refused(
                http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","assessments":[%s,%s]}""".formatted(
                                EDITION,
                                SHEET,
                                assessment("Trần Thị Bình", Map.of()),
                                assessment("trần thị\u200B bình", Map.of()))),
                400,
                "VALIDATION_FAILED",
                "assessments[1].member",
                "DUPLICATE_MEMBER");
    }

    @Test
    void aBodyInAnotherCharsetIsRefusedNotStoredAsMojibake() {
        long before = stored("dossiers");
        byte[] latin1 = dossier(null).replace("Bưởi Năm Roi", "Café").getBytes(StandardCharsets.ISO_8859_1);
        Response r =
                http.send("POST", "/api/v1/dossiers", "integration", "application/json; charset=ISO-8859-1", latin1);
        refused(r, 415, "UNSUPPORTED_CHARSET", null, null);
        assertThat(stored("dossiers")).isEqualTo(before);
        Response utf8 = http.send(
                "POST",
                "/api/v1/dossiers",
                "integration",
                "application/json; charset=UTF-8",
                dossier(null).getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.status()).as(utf8.body()).isEqualTo(201);
        assertThat(utf8.json().get("product").get("name").asString()).isEqualTo("Bưởi Năm Roi");
    }

    @Test
    void malformedAndUnknownQueryParametersAreRefused() {
        refused(rawGet("/api/v1/dossiers?province=%zz", "integration"), 400, "MALFORMED_QUERY", null, null);
        refused(rawGet("/api/v1/dossiers?province=%C3%28", "integration"), 400, "MALFORMED_QUERY", null, null);
        refused(
                http.get("/api/v1/dossiers?name=x", "integration"),
                400,
                "UNKNOWN_PARAMETER",
                "name",
                "UNKNOWN_PARAMETER");
        refused(
                http.get("/api/v1/dossiers?group=food&provinc=82", "integration"),
                400,
                "UNKNOWN_PARAMETER",
                "provinc",
                "UNKNOWN_PARAMETER");
        assertThat(http.get("/api/v1/dossiers?province=82&page=0&size=5", "integration")
                        .status())
                .isEqualTo(200);
    }
}
