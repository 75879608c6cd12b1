package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/**
 * The done-when of issue 8 at the API: edition ocop-2026 in the catalogue (26 sheets, numbered 1–26), scored on every
 * sheet with requests generated from the catalogue (averageTotal, starsByAverage, stars, unmetMinimums), exclusions,
 * the producer's own sheet, the choice of edition by filing date, and bad inputs as problems or INVALID findings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class Edition2026ApiIT {
    static final String EDITION = "ocop-2026";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-2026-api");
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    List<JsonNode> sheets() {
        Response r = http.get("/api/v1/editions/" + EDITION + "/sheets", "council");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    JsonNode sheet(String id) {
        Response r = http.get("/api/v1/editions/" + EDITION + "/sheets/" + id, "council");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Criteria a member scores: all, but of each two-case pair (sheet 26) only the first case. */
    static List<JsonNode> scoredCriteria(JsonNode sheet) {
        List<JsonNode> out = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (JsonNode c : sheet.get("criteria")) {
            JsonNode alt = c.get("alternativeOf");
            if (alt != null && !alt.isNull()) {
                if (pairs.contains(alt.asString())) continue;
                pairs.add(alt.asString());
            }
            out.add(c);
        }
        return out;
    }

    /** The option of a criterion that the chooser ranks highest (e.g. by points, or by minus points). */
    static JsonNode option(JsonNode criterion, ToIntFunction<JsonNode> rank) {
        JsonNode best = null;
        for (JsonNode o : criterion.get("options"))
            if (best == null || rank.applyAsInt(o) > rank.applyAsInt(best)) best = o;
        return best;
    }

    static Map<String, Integer> selections(JsonNode sheet, ToIntFunction<JsonNode> rank) {
        Map<String, Integer> s = new LinkedHashMap<>();
        for (JsonNode c : scoredCriteria(sheet))
            s.put(c.get("code").asString(), option(c, rank).get("number").asInt());
        return s;
    }

    static String json(Map<String, Integer> selections) {
        return Http.JSON.writeValueAsString(selections);
    }

    Response evaluate(String sheet, String extra, String assessments) {
        return http.post(
                "/api/v1/evaluate",
                "integration",
                "{\"edition\":\"" + EDITION + "\",\"sheet\":\"" + sheet + "\"," + "\"evaluationDate\":\"2026-06-15\""
                        + (extra == null ? "" : "," + extra) + ",\"assessments\":[" + assessments + "]}");
    }

    static String members(Map<String, Integer> selections) {
        return "{\"member\":\"Nguyễn Văn An\",\"selections\":" + json(selections) + "},"
                + "{\"member\":\"Trần Thị Bình\",\"role\":\"CHAIR\",\"selections\":" + json(selections) + "}";
    }

    static boolean absentOrNull(JsonNode n, String field) {
        return n.get(field) == null || n.get(field).isNull();
    }

    @Test
    void theCatalogueListsTwentySixSheetsNumberedOneToTwentySix() {
        List<JsonNode> sheets = sheets();
        assertThat(sheets).hasSize(26);
        TreeSet<Integer> numbers = new TreeSet<>();
        for (JsonNode s : sheets) numbers.add(s.get("number").asInt());
        assertThat(numbers).hasSize(26).first().isEqualTo(1);
        assertThat(numbers.last()).isEqualTo(26);
        JsonNode edition = null;
        for (JsonNode e : http.get("/api/v1/editions", "council").json())
            if (e.get("id").asString().equals(EDITION)) edition = e;
        assertThat(edition).isNotNull();
        assertThat(edition.get("effectiveFrom").asString()).isEqualTo("2026-05-22");
        assertThat(edition.get("classification")).hasSize(26);
        assertThat(edition.get("errata").size()).isPositive();
        int minStars = 0;
        int exclusions = 0;
        for (JsonNode s : sheets) {
            exclusions += s.get("exclusions").size();
            for (JsonNode c : sheet(s.get("id").asString()).get("criteria")) {
                assertThat(c.get("notes").isArray()).isTrue();
                for (JsonNode o : c.get("options")) if (!absentOrNull(o, "minStars")) minStars++;
            }
        }
        assertThat(minStars).as("options marked with a star minimum").isPositive();
        assertThat(exclusions).as("exclusions listed").isGreaterThanOrEqualTo(25);
    }

    @Test
    void everySheetScoresFromTheCatalogueWithAverageStarsByAverageStarsAndUnmetMinimums() {
        for (JsonNode summary : sheets()) {
            String id = summary.get("id").asString();
            JsonNode sheet = sheet(id);
            // all at the best option: 100 points, 5 stars, nothing unmet, no road left
            JsonNode best = ok(
                    evaluate(
                            id,
                            null,
                            members(selections(sheet, o -> o.get("points").asInt()))),
                    id);
            assertThat(best.get("averageTotal").decimalValue()).as(id).isEqualByComparingTo("100");
            assertThat(best.get("starsByAverage").asInt()).as(id).isEqualTo(5);
            assertThat(best.get("stars").asInt()).as(id).isEqualTo(5);
            assertThat(best.get("unmetMinimums").isArray()).as(id).isTrue();
            assertThat(best.get("unmetMinimums")).as(id).isEmpty();
            // all at the lowest option: stars by the thresholds of QĐ 26 (90/70/50/30), a road to every higher level
            JsonNode low = ok(
                    evaluate(
                            id,
                            null,
                            members(selections(sheet, o -> -o.get("points").asInt()))),
                    id);
            java.math.BigDecimal avg = low.get("averageTotal").decimalValue();
            assertThat(low.get("starsByAverage").asInt())
                    .as(id)
                    .isEqualTo(starsByThresholds(avg))
                    .isLessThanOrEqualTo(2);
            int stars = low.get("stars").asInt();
            assertThat(stars)
                    .as(id)
                    .isLessThanOrEqualTo(low.get("starsByAverage").asInt());
            assertThat(low.get("roadToNextStar")).as(id).hasSize(5 - stars);
            JsonNode toFive = low.get("roadToNextStar").get(4 - stars);
            assertThat(toFive.get("stars").asInt()).isEqualTo(5);
            assertThat(toFive.get("pointsShort").decimalValue())
                    .as(id)
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(90).subtract(avg));
            boolean marked = false;
            for (JsonNode c : scoredCriteria(sheet))
                for (JsonNode o : c.get("options")) marked |= !absentOrNull(o, "minStars");
            // no minimum blocks 1 or 2 stars (they start at 3); those of higher levels are on the road to 5 stars
            assertThat(low.get("unmetMinimums")).as(id).isEmpty();
            if (marked) assertThat(toFive.get("unmetMinimums").size()).as(id).isPositive();
            // best everywhere except one criterion carrying a minimum, at its lowest option: the minimum blocks
            JsonNode blocked = blockedCriterion(sheet);
            if (blocked != null) {
                Map<String, Integer> s = selections(sheet, o -> o.get("points").asInt());
                s.put(
                        blocked.get("code").asString(),
                        option(blocked, o -> -o.get("points").asInt())
                                .get("number")
                                .asInt());
                JsonNode r = ok(evaluate(id, null, members(s)), id);
                assertThat(r.get("stars").asInt())
                        .as(id + " " + blocked.get("code"))
                        .isLessThan(r.get("starsByAverage").asInt());
                List<String> unmet = new ArrayList<>();
                r.get("unmetMinimums").forEach(u -> unmet.add(u.get("criterion").asString()));
                assertThat(unmet).as(id).contains(blocked.get("code").asString());
                JsonNode u = r.get("unmetMinimums").get(0);
                assertThat(u.get("requiredPoints").decimalValue())
                        .isGreaterThan(u.get("councilPoints").decimalValue());
            }
        }
    }

    static int starsByThresholds(java.math.BigDecimal average) {
        int[] from = {90, 70, 50, 30};
        for (int i = 0; i < from.length; i++)
            if (average.compareTo(java.math.BigDecimal.valueOf(from[i])) >= 0) return 5 - i;
        return 1;
    }

    /** A criterion whose lowest option scores less than a starred option, and whose loss keeps the average at 90+. */
    static JsonNode blockedCriterion(JsonNode sheet) {
        for (JsonNode c : scoredCriteria(sheet)) {
            int min = option(c, o -> -o.get("points").asInt()).get("points").asInt();
            int max = option(c, o -> o.get("points").asInt()).get("points").asInt();
            for (JsonNode o : c.get("options")) {
                if (!absentOrNull(o, "minStars") && o.get("points").asInt() > min && 100 - (max - min) >= 90) return c;
            }
        }
        return null;
    }

    JsonNode ok(Response r, String sheet) {
        assertThat(r.status()).as(sheet + ": " + r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString())
                .as(sheet + ": " + r.body())
                .isEqualTo("VALID");
        assertThat(r.json().get("edition").asString()).isEqualTo(EDITION);
        return r.json();
    }

    @Test
    void anExclusionGivesExcludedWithoutStarsAndAnUnknownCodeIsInvalidNeverA500() {
        int checked = 0;
        for (JsonNode summary : sheets()) {
            if (summary.get("exclusions").isEmpty()) continue;
            String id = summary.get("id").asString();
            JsonNode x = summary.get("exclusions").get(0);
            String best = members(selections(sheet(id), o -> o.get("points").asInt()));
            Response r = evaluate(
                    id,
                    "\"exclusions\":[{\"code\":\"" + x.get("code").asString()
                            + "\",\"note\":\"Giấy chứng nhận ATTP hết hạn\",\"member\":\"Trần Thị Bình\"}]",
                    best);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).as(id).isEqualTo("EXCLUDED");
            assertThat(absentOrNull(r.json(), "stars")).as(id).isTrue();
            assertThat(r.body()).as(id).contains(x.get("code").asString());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(25);
        String id = sheets().get(0).get("id").asString();
        String best = members(selections(sheet(id), o -> o.get("points").asInt()));
        Response unknown = evaluate(id, "\"exclusions\":[{\"code\":\"NO_SUCH_EXCLUSION\"}]", best);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
        assertThat(unknown.json().get("status").asString()).isEqualTo("INVALID");
        assertThat(absentOrNull(unknown.json(), "stars")).isTrue();
        boolean error = false;
        for (JsonNode f : unknown.json().get("findings"))
            error |= f.get("severity").asString().equals("ERROR");
        assertThat(error).as(unknown.body()).isTrue();
        for (String bad :
                List.of("[{\"code\":\"lower case\"}]", "[{\"note\":\"no code\"}]", "[\"DOSSIER_REJECTED\"]", "{}")) {
            Response r = evaluate(id, "\"exclusions\":" + bad, best);
            assertThat(r.status()).as(bad + " → " + r.body()).isBetween(400, 499);
            assertThat(r.isProblem()).as(bad).isTrue();
        }
    }

    @Test
    void theProducersOwnSheetIsScoredComparedAndNeverAveraged() {
        String id = sheets().get(0).get("id").asString();
        JsonNode sheet = sheet(id);
        Map<String, Integer> best = selections(sheet, o -> o.get("points").asInt());
        Map<String, Integer> low = selections(sheet, o -> -o.get("points").asInt());
        Response r = evaluate(
                id,
                null,
                "{\"member\":\"Nguyễn Văn An\",\"selections\":" + json(low) + "},"
                        + "{\"member\":\"HTX Mỹ Hòa\",\"role\":\"SELF\",\"selections\":" + json(best) + "}");
        JsonNode result = ok(r, id);
        assertThat(result.get("members")).hasSize(1);
        assertThat(result.get("starsByAverage").asInt()).isEqualTo(1);
        assertThat(result.get("self").get("total").asInt()).isEqualTo(100);
        assertThat(result.get("selfComparison").size()).isPositive();
    }

    @Test
    void withoutAnEditionTheFilingDateChooses() {
        String id = sheets().get(0).get("id").asString();
        String best = members(selections(sheet(id), o -> o.get("points").asInt()));
        Response r = http.post(
                "/api/v1/evaluate",
                "integration",
                "{\"sheet\":\"" + id + "\",\"registeredOn\":\"2026-06-01\","
                        + "\"evaluationDate\":\"2026-06-15\",\"assessments\":[" + best + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("edition").asString()).isEqualTo(EDITION);
        // a stored dossier filed on 2026-06-01 is on ocop-2026; one filed on 2026-05-01 on ocop-2023
        assertThat(dossierEdition("2026-06-01", id)).isEqualTo(EDITION);
        assertThat(dossierEdition("2026-05-01", "food")).isEqualTo("ocop-2023");
        // a sheet of the other edition is refused when the dossier is stored, not when it is evaluated
        Response wrong = http.post("/api/v1/dossiers", "integration", dossierBody("2026-06-01", "food", null));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
    }

    String dossierBody(String registeredOn, String sheet, String extra) {
        return """
                {"product":{"name":"Mật ong hoa nhãn"},"producer":{"name":"HTX Ong mật Hưng Yên","type":"COOPERATIVE"},
                 "location":{"provinceCode":"33","communeCode":"11953"},"registeredOn":"%s","sheet":"%s"%s}
                """.formatted(registeredOn, sheet, extra == null ? "" : "," + extra);
    }

    String dossierEdition(String registeredOn, String sheet) {
        Response d = http.post("/api/v1/dossiers", "integration", dossierBody(registeredOn, sheet, null));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return d.json().get("edition").asString();
    }

    @Test
    void aStoredOcop2026EvaluationExplainsItsUnmetMinimumsAndRoadInVietnameseAndReplays() {
        JsonNode sheet = null;
        JsonNode blocked = null;
        for (JsonNode s : sheets()) {
            sheet = sheet(s.get("id").asString());
            blocked = blockedCriterion(sheet);
            if (blocked != null) break;
        }
        assertThat(blocked).as("a sheet with a blocking minimum").isNotNull();
        String sheetId = sheet.get("id").asString();
        String code = sheet.get("exclusions").isEmpty()
                ? null
                : sheet.get("exclusions").get(0).get("code").asString();
        // an exclusion the sheet does not list is refused when the dossier is stored
        Response refused = http.post(
                "/api/v1/dossiers",
                "integration",
                dossierBody("2026-06-01", sheetId, "\"exclusions\":[{\"code\":\"NO_SUCH_EXCLUSION\"}]"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("exclusions[0].code");

        Response d = http.post("/api/v1/dossiers", "integration", dossierBody("2026-06-01", sheetId, null));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String dossierId = d.json().get("id").asString();
        Map<String, Integer> s = selections(sheet, o -> o.get("points").asInt());
        s.put(
                blocked.get("code").asString(),
                option(blocked, o -> -o.get("points").asInt()).get("number").asInt());
        Response a = http.post(
                "/api/v1/dossiers/" + dossierId + "/assessments",
                "council",
                "{\"member\":\"Nguyễn Văn An\",\"selections\":" + json(s) + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Response e = http.post("/api/v1/dossiers/" + dossierId + "/evaluations", "council", null);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        String evaluationId = e.json().get("id").asString();
        JsonNode result = e.json().get("result");
        assertThat(result.get("stars").asInt())
                .isLessThan(result.get("starsByAverage").asInt());

        JsonNode explanation = http.get("/api/v1/evaluations/" + evaluationId + "/explanation", "council")
                .json();
        JsonNode council = explanation.get("council");
        assertThat(council.get("unmetMinimums").get(0).asString())
                .contains("Tiêu chí " + blocked.get("code").asString(), "sao cần tối thiểu");
        assertThat(council.get("roadToNextStar").size()).isPositive();
        assertThat(council.get("roadToNextStar").get(0).asString()).startsWith("Để đạt ");
        Response html = http.send(
                "GET",
                "/api/v1/evaluations/" + evaluationId + "/explanation",
                "council",
                null,
                null,
                "Accept",
                "text/html");
        assertThat(html.body()).contains("Yêu cầu tối thiểu chưa đạt", "Con đường lên hạng sao tiếp theo");
        Response replay = http.post("/api/v1/evaluations/" + evaluationId + "/replay", "auditor", null);
        assertThat(replay.json().get("outcome").asString()).as(replay.body()).isEqualTo("MATCH");

        if (code != null) {
            // the dossier's exclusion is snapshotted in the record; its evaluation is EXCLUDED and replays MATCH
            JsonNode current =
                    http.get("/api/v1/dossiers/" + dossierId, "auditor").json();
            Response put = http.put(
                    "/api/v1/dossiers/" + dossierId,
                    "integration",
                    dossierBody(
                            "2026-06-01",
                            sheetId,
                            "\"exclusions\":[{\"code\":\"" + code + "\",\"note\":\"giả mạo hồ sơ\"}]"),
                    "If-Match",
                    "\"" + current.get("version").asLong() + "\"");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            Response excluded = http.post("/api/v1/dossiers/" + dossierId + "/evaluations", "council", null);
            assertThat(excluded.status()).as(excluded.body()).isEqualTo(201);
            assertThat(excluded.json().get("exclusions").get(0).get("code").asString())
                    .isEqualTo(code);
            assertThat(excluded.json().get("result").get("status").asString()).isEqualTo("EXCLUDED");
            Response again = http.post(
                    "/api/v1/evaluations/" + excluded.json().get("id").asString() + "/replay", "auditor", null);
            assertThat(again.json().get("outcome").asString()).as(again.body()).isEqualTo("MATCH");
        }
    }
}
