package vn.ocop.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.Location;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * Đồng Tháp's (old code 87) yearly report for 2020 against the 2018–2020 plan, on dossiers, back-dated evaluation
 * records (appended as an import does), imported certificates, a revocation and entered actuals; the JSON, CSV and
 * XLSX carry the same numbers, and those are the stored data's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEngineConfiguration.class)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceReportIT {
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-reports");
    }

    @LocalServerPort
    int port;

    @Autowired
    EvaluationLedger ledger;

    @Autowired
    MongoTemplate mongo;

    Http http;
    JsonNode report;

    String dossier(
            String product,
            String producerType,
            String tax,
            String district,
            String commune,
            String registeredOn,
            String status) {
        String body = """
                {"product":{"name":"%s"},"producer":{"name":"Chủ thể %s","type":"%s"%s},
                 "location":{"provinceCode":"87","districtCode":"%s","communeCode":"%s"},"registeredOn":"%s",
                 "edition":"ocop-2019","sheet":"food-fresh-produce","status":"%s"}
                """.formatted(
                        product,
                        product,
                        producerType,
                        tax == null ? "" : ",\"taxOrRegistrationNumber\":\"" + tax + "\"",
                        district,
                        commune,
                        registeredOn,
                        status);
        Response r = http.post("/api/v1/dossiers", "integration", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A record dated {@code on}, as an import of historical evaluations appends it (ocop-2019 maxima 35/25/40). */
    void evaluate(String dossierId, String district, String commune, String on, int a, int b, int c) {
        List<AssessmentInput> members = List.of("Nguyễn Văn An", "Trần Thị Bình").stream()
                .map(m -> new AssessmentInput().member(m).selections(Map.of("A1", a, "B1", b, "C1", c)))
                .toList();
        ledger.append(
                dossierId,
                "ocop-2019",
                "FOOD",
                "food-fresh-produce",
                LocalDate.parse(on),
                new Location().provinceCode("87").districtCode(district).communeCode(commune),
                null,
                members,
                "import");
    }

    @BeforeAll
    void data() {
        http = new Http(port);
        String mango =
                dossier("Xoài cát Hòa Lộc", "COOPERATIVE", "1401000001", "866", "29869", "2020-02-01", "SUBMITTED");
        evaluate(mango, "866", "29869", "2020-03-10", 3, 2, 2); // 35 + 15 + 24 = 74 → 4★
        String lotus =
                dossier("Sen Tháp Mười", "PRIVATE_ENTERPRISE", "1402000002", "869", "29926", "2020-04-01", "SUBMITTED");
        evaluate(lotus, "869", "29926", "2020-05-01", 2, 2, 2); // 60 → 3★, then re-scored:
        evaluate(lotus, "869", "29926", "2020-06-01", 3, 3, 3); // 100 → 5★ (the latest counts)
        String crackers = dossier("Bánh phồng tôm", "HOUSEHOLD", null, "866", "29872", "2019-05-01", "SUBMITTED");
        evaluate(crackers, "866", "29872", "2019-06-01", 1, 3, 1); // 7 + 25 + 8 = 40 → 2★, in 2019
        dossier(
                "Nem Lai Vung",
                "COOPERATIVE",
                "1401000001",
                "866",
                "29869",
                "2020-07-01",
                "DRAFT"); // same producer as the mango

        String csv = """
                number,productName,group,producerName,provinceCode,districtCode,communeCode,stars,decisionNumber,decisionDate,signer,authority,issuedOn,expiresOn
                87-2020-001,Xoài cát Hòa Lộc,FOOD,HTX Hòa Lộc,87,866,29869,4,120/QĐ-UBND,2020-03-20,Phạm Văn Hòa,PROVINCE,2020-03-20,2023-03-20
                87-2017-014,Khô cá lóc,FOOD,Hộ Nguyễn Văn Út,87,866,29872,3,5/QĐ-UBND,2017-01-10,Lê Văn Tám,DISTRICT,2017-01-10,2020-01-10
                87-2018-031,Mắm cá linh,FOOD,HTX Hồng Ngự,87,869,29926,3,31/QĐ-UBND,2018-03-01,Lê Văn Tám,PROVINCE,2018-03-01,2021-03-01
                87-2019-007,Nem Lai Vung,FOOD,HTX Lai Vung,87,866,29869,4,7/QĐ-UBND,2019-01-05,Phạm Văn Hòa,PROVINCE,2019-01-05,2022-01-05
                """;
        Response imported = http.send(
                "POST", "/api/v1/certificates/import", "policy", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Response revoked = http.post("/api/v1/certificates/87-2019-007/revocation", "policy", """
                {"ground":"CRITERIA_NO_LONGER_MET","groundEstablishedOn":"2020-07-25",
                 "decision":{"number":"88/QĐ-UBND","date":"2020-08-01","signer":"Phạm Văn Hòa","authority":"PROVINCE"}}""");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        actual("2019-06-01", 700, "12000", "1500", "3000", "1000");
        actual("2020-09-01", 500, "8000", "1000", "2000", "500");
        actual("2020-12-20", 100, "999", "0", "0", "0"); // after the report's last day (14 Dec): not counted

        Response r = http.get("/api/v1/reports/provinces/87?period=2020", "auditor");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        report = r.json();
    }

    void actual(String date, int trained, String community, String central, String integrated, String investment) {
        Response r = http.post("/api/v1/programme-plans/dong-thap-2018-2020/actuals", "policy", """
                {"date":"%s","officialsTrained":%d,"budgetCommunity":%s,"budgetCentralProgramme":%s,"budgetIntegrated":%s,
                 "budgetDevelopmentInvestment":%s}""".formatted(
                        date, trained, community, central, integrated, investment));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static Map<String, JsonNode> byKey(JsonNode rows) {
        Map<String, JsonNode> m = new HashMap<>();
        rows.forEach(r -> m.put(r.get("key").asString(), r));
        return m;
    }

    @Test
    void theYearlyReportCoversTheYearToTheDayBeforeItsDeadline() {
        assertThat(report.get("provinceName").asString()).isEqualTo("Tỉnh Đồng Tháp");
        assertThat(report.get("from").asString()).isEqualTo("2020-01-01");
        assertThat(report.get("to").asString()).isEqualTo("2020-12-14");
        assertThat(report.get("deadline").get("dueBefore").asString()).isEqualTo("2020-12-15");
        assertThat(report.get("deadline").get("text").asString()).contains("trước ngày 15/12/2020");
        JsonNode half = http.get("/api/v1/reports/provinces/87?period=2020-H1", "auditor")
                .json();
        assertThat(half.get("to").asString()).isEqualTo("2020-06-14");
        assertThat(half.get("deadline").get("dueBefore").asString()).isEqualTo("2020-06-15");
        assertThat(byKey(half.get("evaluationsByStars")).get("5").get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void countsMatchTheStoredData() {
        // dossiers registered in the period, by their stored status
        Map<String, Integer> stored = new HashMap<>();
        for (Document d : mongo.getCollection("dossiers").find(new Document("location.provinceCode", "87"))) {
            if (d.getString("registeredOn").startsWith("2020")) stored.merge(d.getString("status"), 1, Integer::sum);
        }
        Map<String, JsonNode> stages = byKey(report.get("dossiersByStage"));
        stored.forEach((status, n) ->
                assertThat(stages.get(status).get("count").asInt()).as(status).isEqualTo(n));
        assertThat(stored).containsEntry("SUBMITTED", 2).containsEntry("DRAFT", 1);

        Map<String, JsonNode> stars = byKey(report.get("evaluationsByStars"));
        assertThat(stars.get("4").get("count").asInt()).isEqualTo(1);
        assertThat(stars.get("5").get("count").asInt())
                .as("the re-scored dossier counts once, with its latest stars")
                .isEqualTo(1);
        assertThat(stars.get("3").get("count").asInt()).isZero();
        assertThat(stars.get("2").get("count").asInt()).as("evaluated in 2019").isZero();
        JsonNode food = byKey(report.get("evaluationsByGroup")).get("FOOD");
        assertThat(food.get("count").asInt()).isEqualTo(2);
        assertThat(food.get("stars").get("5").asInt()).isEqualTo(1);
        Map<String, JsonNode> communes = byKey(report.get("evaluationsByCommune"));
        assertThat(communes.get("29869").get("name").asString()).isEqualTo("Phường 1");
        assertThat(communes.get("29926").get("stars").get("5").asInt()).isEqualTo(1);
        Map<String, JsonNode> districts = byKey(report.get("evaluationsByDistrict"));
        assertThat(districts.get("866").get("name").asString()).isEqualTo("Thành phố Cao Lãnh");
        assertThat(districts.get("869").get("count").asInt()).isEqualTo(1);

        Map<String, JsonNode> producers = byKey(report.get("newProducers"));
        assertThat(producers.get("COOPERATIVE").get("count").asInt())
                .as("one producer with two dossiers")
                .isEqualTo(1);
        assertThat(producers.get("PRIVATE_ENTERPRISE").get("count").asInt()).isEqualTo(1);
        assertThat(producers).doesNotContainKey("HOUSEHOLD");

        Map<String, JsonNode> certs = byKey(report.get("certificates"));
        assertThat(certs.get("ISSUED").get("count").asInt()).isEqualTo(1);
        assertThat(certs.get("EXPIRED").get("count").asInt()).isEqualTo(1);
        assertThat(certs.get("EXPIRING_WITHIN_180_DAYS").get("count").asInt()).isEqualTo(1);
        assertThat(certs.get("REVOKED").get("count").asInt()).isEqualTo(1);
        assertThat(certs.get("REVOKED").get("stars").get("4").asInt()).isEqualTo(1);
    }

    @Test
    void theProgrammePlanShowsTargetsBesideActuals() {
        JsonNode plan = report.get("plans").get(0);
        assertThat(plan.get("planId").asString()).isEqualTo("dong-thap-2018-2020");
        Map<String, JsonNode> rows = byKey(plan.get("rows"));
        assertThat(rows.get("PRODUCTS_STANDARDISED").get("target").decimalValue())
                .isEqualByComparingTo("31");
        assertThat(rows.get("PRODUCTS_STANDARDISED").get("actual").decimalValue())
                .isEqualByComparingTo("3");
        assertThat(rows.get("PRODUCTS_3_TO_5_STARS").get("actual").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(rows.get("NEW_ENTERPRISES_AND_COOPERATIVES").get("actual").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(rows.get("OFFICIALS_TRAINED").get("actual").decimalValue()).isEqualByComparingTo("1200");
        assertThat(rows.get("OFFICIALS_TRAINED").get("percent").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(rows.get("BUDGET_COMMUNITY").get("actual").decimalValue()).isEqualByComparingTo("20000");
        assertThat(rows.get("BUDGET_TOTAL").get("target").decimalValue()).isEqualByComparingTo("50050");
        assertThat(rows.get("BUDGET_TOTAL").get("actual").decimalValue()).isEqualByComparingTo("29000");
    }

    @Test
    void csvCarriesTheSameNumbers() throws Exception {
        Response r = http.get("/api/v1/reports/provinces/87?period=2020&format=csv", "auditor");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        String body = r.body().startsWith("\uFEFF") ? r.body().substring(1) : r.body();
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
        assertThat(rows).isNotEmpty();
        int compared = 0;
        for (String section : List.of(
                "dossiersByStage",
                "evaluationsByStars",
                "evaluationsByGroup",
                "evaluationsByCommune",
                "evaluationsByDistrict",
                "newProducers",
                "certificates")) {
            Map<String, JsonNode> json = byKey(report.get(section));
            List<CSVRecord> mine =
                    rows.stream().filter(x -> x.get("section").equals(section)).toList();
            assertThat(mine).as(section).hasSize(json.size());
            for (CSVRecord x : mine) {
                JsonNode j = json.get(x.get("key"));
                assertThat(Integer.parseInt(x.get("count")))
                        .as(section + " " + x.get("key"))
                        .isEqualTo(j.get("count").asInt());
                if (j.get("stars") != null && !j.get("stars").isNull()) {
                    for (int s = 1; s <= 5; s++)
                        assertThat(Integer.parseInt(x.get("stars" + s)))
                                .isEqualTo(j.get("stars").get("" + s).asInt());
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(15);
        Map<String, JsonNode> plan = byKey(report.get("plans").get(0).get("rows"));
        List<CSVRecord> planRows = rows.stream()
                .filter(x -> x.get("section").equals("plan:dong-thap-2018-2020"))
                .toList();
        assertThat(planRows).hasSize(plan.size());
        for (CSVRecord x : planRows) {
            assertThat(new java.math.BigDecimal(x.get("count")))
                    .isEqualByComparingTo(plan.get(x.get("key")).get("actual").decimalValue());
            assertThat(new java.math.BigDecimal(x.get("target")))
                    .isEqualByComparingTo(plan.get(x.get("key")).get("target").decimalValue());
        }
    }

    @Test
    void xlsxReadsBackWithTheSameNumbersAndTheChart() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/reports/provinces/87?period=2020&format=xlsx"))
                                .header("Authorization", Http.basic("auditor"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheet(ReportFiles.INFO).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("2020-01-01");
            assertThat(wb.getSheet(ReportFiles.INFO).getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("2020-12-15");
            Map<String, String> sheets = Map.of(
                    ReportFiles.STAGES,
                    "dossiersByStage",
                    ReportFiles.STARS,
                    "evaluationsByStars",
                    ReportFiles.GROUPS,
                    "evaluationsByGroup",
                    ReportFiles.COMMUNES,
                    "evaluationsByCommune",
                    ReportFiles.DISTRICTS,
                    "evaluationsByDistrict",
                    ReportFiles.PRODUCERS,
                    "newProducers",
                    ReportFiles.CERTIFICATES,
                    "certificates");
            sheets.forEach((sheetName, section) -> {
                Sheet sheet = wb.getSheet(sheetName);
                assertThat(sheet).as(sheetName).isNotNull();
                Map<String, JsonNode> json = byKey(report.get(section));
                assertThat(sheet.getLastRowNum()).as(sheetName).isEqualTo(json.size());
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    JsonNode j = json.get(row.getCell(0).getStringCellValue());
                    assertThat((int) row.getCell(2).getNumericCellValue())
                            .as(sheetName + " row " + i)
                            .isEqualTo(j.get("count").asInt());
                    if (j.get("stars") != null && !j.get("stars").isNull()) {
                        for (int s = 1; s <= 5; s++) {
                            assertThat((int) row.getCell(2 + s).getNumericCellValue())
                                    .isEqualTo(j.get("stars").get("" + s).asInt());
                        }
                    }
                }
            });
            Map<String, JsonNode> plan = byKey(report.get("plans").get(0).get("rows"));
            Sheet targets = wb.getSheet(ReportFiles.PLANS);
            assertThat(targets.getLastRowNum()).isEqualTo(plan.size());
            for (int i = 1; i <= targets.getLastRowNum(); i++) {
                Row row = targets.getRow(i);
                JsonNode j = plan.get(row.getCell(1).getStringCellValue());
                assertThat(row.getCell(3).getNumericCellValue())
                        .isEqualTo(j.get("target").doubleValue());
                assertThat(row.getCell(4).getNumericCellValue())
                        .isEqualTo(j.get("actual").doubleValue());
            }
            assertThat(wb.getAllPictures()).hasSize(1);
            assertThat(wb.getAllPictures().get(0).getMimeType()).isEqualTo("image/png");
        }
    }

    @Test
    void chartIsAnSvgOfStarsByGroup() {
        Response r = http.get("/api/v1/reports/provinces/87/stars-by-group.svg?period=2020", "auditor");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("image/svg+xml");
        assertThat(r.body()).startsWith("<?xml").contains("<svg", "Thực phẩm", "5 sao");
    }

    @Test
    void badReportRequestsAreProblems() {
        assertProblem(http.get("/api/v1/reports/provinces/87", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/87?period=2020-H2", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/87?from=2020-05-01&to=2020-01-01", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/87?period=2099", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/87?period=2020&format=pdf", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/82?period=2020&plan=dong-thap-2018-2020", "auditor"), 400);
        assertProblem(http.get("/api/v1/reports/provinces/87?period=2020", null), 401);
        assertProblem(
                http.post("/api/v1/programme-plans/dong-thap-2018-2020/actuals", "policy", "{\"date\":\"2025-01-01\"}"),
                400);
        assertProblem(
                http.post(
                        "/api/v1/programme-plans/dong-thap-2018-2020/actuals",
                        "policy",
                        "{\"date\":\"2019-01-01\",\"officialsTrained\":-5}"),
                400);
        assertProblem(
                http.post(
                        "/api/v1/programme-plans/dong-thap-2018-2020/actuals", "auditor", "{\"date\":\"2019-01-01\"}"),
                403);
        assertProblem(http.post("/api/v1/programme-plans/nope/actuals", "policy", "{\"date\":\"2019-01-01\"}"), 404);
        JsonNode plans = http.get("/api/v1/programme-plans", "auditor").json();
        assertThat(plans.get(0).get("actuals").size()).isEqualTo(3);
    }

    static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
    }
}
