package vn.ocop.service.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * The catalogue (imported certificates; search without diacritics, Vietnamese order, only certificates in force),
 * the import's dry run and per-line errors, product ideas and their triage, and the rate limits of the public site.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ocop.public.rate-limit.reads-burst=60", "ocop.public.rate-limit.reads-per-hour=1",
            "ocop.public.rate-limit.ideas-burst=4", "ocop.public.rate-limit.ideas-per-hour=1"
        })
@Import(TestEngineConfiguration.class)
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSiteIT {
    static final String HEADER =
            "number,productName,group,subgroup,producerName,provinceCode,communeCode,stars,decisionNumber,decisionDate,signer,authority,issuedOn,expiresOn\n";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-public");
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http(port);
    }

    Response importCsv(String csv, boolean dryRun) {
        return http().send(
                        "POST",
                        "/api/v1/certificates/import" + (dryRun ? "?dryRun=true" : ""),
                        "policy",
                        "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void importChecksEveryLineAndADryRunWritesNothing() {
        String bad = HEADER
                + "VL-2024-1,Bưởi Năm Roi,FOOD,,HTX Mỹ Hòa,86,29785,2,1/QĐ,2024-01-10,Nguyễn A,PROVINCE,2024-01-10,\n"
                + "VL-2024-2,Cam sành,FRUIT,,HTX Tam Bình,86,29785,4,2/QĐ,2024-13-01,Nguyễn A,PROVINCE,2024-02-01,\n"
                + "VL-2026-3,Chôm chôm,FOOD,,HTX Bình Hòa,86,99999,5,3/QĐ,2026-06-01,Nguyễn A,PROVINCE,2026-06-01,2030-01-01\n"
                + "VL-2024-1,Khoai lang,FOOD,,HTX Bình Tân,86,29785,3,4/QĐ,2024-03-01,Nguyễn A,PROVINCE,2024-03-01,\n";
        Response r = importCsv(bad, true);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("IMPORT_HAS_ERRORS");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields)
                .contains(
                        "line 2: stars",
                        "line 3: group",
                        "line 3: decisionDate",
                        "line 4: communeCode",
                        "line 4: authority",
                        "line 4: expiresOn",
                        "line 5: number");
        assertThat(http().get("/public/certificates/VL-2024-1", null).status())
                .as("nothing imported")
                .isEqualTo(404);
        assertThat(importCsv("number,productName\nX,Y\n", true)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("IMPORT_HAS_ERRORS");
        assertThat(http().send("POST", "/api/v1/certificates/import", "policy", "text/csv", new byte[] {
                            (byte) 0xC3, 0x28
                        })
                        .status())
                .isEqualTo(400);
        assertThat(http().send("POST", "/api/v1/certificates/import", "integration", "text/csv", HEADER.getBytes())
                        .status())
                .isEqualTo(403);

        String good = HEADER
                + "VL-2024-10,Bưởi Năm Roi,FOOD,\"Rau, củ, quả, hạt tươi\",HTX Mỹ Hòa,86,29785,4,10/QĐ-UBND,2024-01-10,Nguyễn A,PROVINCE,2024-01-10,2027-01-10\n"
                + "VL-2025-11,Ấm chén gốm đỏ,HANDICRAFT,,HTX Gốm Mang Thít,86,29785,3,11/QĐ-UBND,2025-03-01,Nguyễn A,PROVINCE,2025-03-01,\n"
                + "VL-2025-12,Đường phèn,FOOD,,Cơ sở Đường Tấn,86,29785,3,12/QĐ-UBND,2025-04-01,Nguyễn A,PROVINCE,2025-04-01,\n"
                + "VL-2025-13,Bánh tét lá cẩm,FOOD,,Cơ sở Cô Ba,86,29785,5,13/QĐ-BNN,2025-05-01,Nguyễn B,MINISTRY,2025-05-01,\n"
                + "VL-2022-14,Bưởi da xanh,FOOD,,HTX Hòa Ninh,86,29785,3,14/QĐ-UBND,2022-01-01,Nguyễn A,PROVINCE,2022-01-01,2025-01-01\n"
                + "VL-2025-15,Bưởi Năm Roi sấy dẻo,FOOD,,HTX Mỹ Hòa,86,29785,3,15/QĐ-UBND,2025-06-01,Nguyễn A,PROVINCE,2025-06-01,\n";
        Response dry = importCsv(good, true);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("lines").asInt()).isEqualTo(6);
        assertThat(dry.json().get("imported").asInt()).isZero();
        assertThat(http().get("/public/certificates/VL-2024-10", null).status()).isEqualTo(404);
        Response real = importCsv(good, false);
        assertThat(real.json().get("imported").asInt()).isEqualTo(6);
        JsonNode p = http().get("/public/certificates/VL-2024-10", null).json();
        assertThat(p.get("expiresOn").asString())
                .as("issued before 22 May 2026: its own end")
                .isEqualTo("2027-01-10");
        assertThat(p.get("recordCheck").asString()).isEqualTo("NOT_IN_SYSTEM");
        assertThat(p.get("communeName").asString()).isEqualTo("Xã Tân Lược");
        assertThat(importCsv(good, true)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("đã có");
        // revoke one: it leaves the catalogue
        Response revoked = http().post("/api/v1/certificates/VL-2025-15/revocation", "policy", """
                {"ground":"MARK_MISUSE","groundEstablishedOn":"2025-07-01",
                 "decision":{"number":"99/QĐ-UBND","date":"2025-07-10","signer":"Nguyễn A","authority":"PROVINCE"}}""");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revocation").get("withinTimeLimit").asBoolean())
                .isTrue();
    }

    @Test
    @Order(2)
    void catalogueFindsNamesTypedWithoutDiacriticsAndListsOnlyCertificatesInForce() {
        JsonNode page = http().get("/public/products?q=buoi+nam+roi", null).json();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("productName").asString()));
        assertThat(names).as("the revoked 'sấy dẻo' is gone").containsExactly("Bưởi Năm Roi");
        assertThat(page.get("items").get(0).get("provinceName").asString()).isEqualTo("Tỉnh Vĩnh Long");

        JsonNode all = http().get("/public/products?province=86", null).json();
        List<String> ordered = new ArrayList<>();
        all.get("items").forEach(i -> ordered.add(i.get("productName").asString()));
        assertThat(ordered)
                .as("Vietnamese order; the expired 'Bưởi da xanh' and the revoked one are not listed")
                .containsExactly("Ấm chén gốm đỏ", "Bánh tét lá cẩm", "Bưởi Năm Roi", "Đường phèn");
        assertThat(http().get("/public/products?stars=5", null)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(http().get("/public/products?group=HANDICRAFT", null)
                        .json()
                        .get("items")
                        .get(0)
                        .get("productName")
                        .asString())
                .isEqualTo("Ấm chén gốm đỏ");
        assertThat(http().get("/public/products?commune=00004", null)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        JsonNode paged =
                http().get("/public/products?province=86&size=3&page=1", null).json();
        assertThat(paged.get("items").size()).isEqualTo(1);
        assertThat(paged.get("hasNext").asBoolean()).isFalse();
        Response html = http().send("GET", "/public/products?q=duong", null, null, null, "Accept", "text/html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Đường phèn").doesNotContain("Bánh tét");
        assertThat(http().get("/public/products?stars=2", null).status()).isEqualTo(400);
        assertThat(http().get("/public/products?group=food;drop", null).status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void publicPagesUseTheConsolesLayoutInVietnameseOrEnglishAndAWrongNumberIsNotFound() {
        Response form = http().send(
                        "GET", "/public/verify", null, null, null, "Accept", "text/html", "Accept-Language", "en-US");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .as("Vietnamese whatever the browser asks for")
                .contains(
                        "lang=\"vi\"",
                        "Số giấy chứng nhận",
                        "href=\"/console/console.css\"",
                        "href=\"?lang=en\"",
                        "Tra cứu giấy chứng nhận")
                .doesNotContain("<style", "<script");
        Response byNumber =
                http().send("GET", "/public/verify?number=VL-2024-10", null, null, null, "Accept", "text/html");
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body())
                .contains(
                        "VL-2024-10",
                        "Bưởi Năm Roi",
                        "Xã Tân Lược",
                        "★★★★",
                        "10/01/2027",
                        "Giấy chứng nhận cấp trước khi có hệ thống");
        Response scanned = http().send(
                        "GET",
                        "/public/certificates/VL-2024-10",
                        null,
                        null,
                        null,
                        "Accept",
                        "text/html,application/xhtml+xml");
        assertThat(scanned.body())
                .contains("Giấy chứng nhận sản phẩm OCOP số", "VL-2024-10", "href=\"/console/console.css\"");
        for (String path : List.of("/public/verify?number=VL-9999-1", "/public/certificates/VL-9999-1")) {
            Response wrong = http().send("GET", path, null, null, null, "Accept", "text/html");
            assertThat(wrong.status()).as(path).isEqualTo(404);
            assertThat(wrong.contentType()).startsWith("text/html");
            assertThat(wrong.body()).contains("Không tìm thấy giấy chứng nhận với số này.", "VL-9999-1");
        }
        assertThat(http().get("/public/certificates/VL-9999-1", null).isProblem())
                .as("JSON clients keep the problem")
                .isTrue();

        Response english =
                http().send("GET", "/public/verify?number=VL-2024-10&lang=en", null, null, null, "Accept", "text/html");
        assertThat(english.body())
                .contains(
                        "lang=\"en\"",
                        "OCOP product certificate no.",
                        "Valid until",
                        "Provincial People",
                        "href=\"?lang=vi\"");
        Response catalogue = http().send("GET", "/public/products?q=duong", null, null, null, "Accept", "text/html");
        assertThat(catalogue.body())
                .contains("href=\"/console/console.css\"", "href=\"/public/certificates/VL-2025-12\"");
    }

    static String idea(String commune, String description) {
        return """
                {"name":"Trần Văn Nam","contact":"0909 123 456","communeCode":"%s","group":"FOOD",
                 "productName":"Mứt dừa non","description":"%s"}""".formatted(commune, description);
    }

    @Test
    @Order(3)
    void ideasAreReceivedPubliclyAndTriagedByOfficers() {
        Response form = http().get("/public/ideas", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.body())
                .contains(
                        "Gửi ý tưởng sản phẩm OCOP",
                        "name=\"communeCode\"",
                        "<script src=\"/console/idea-form.js\" defer>")
                .doesNotContain("<script>", "<style");
        Response ok = http().post(
                        "/public/ideas", null, idea("29785", "Mứt dừa non làm từ dừa sáp của xã, đóng hộp quà tặng."));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("status").asString()).isEqualTo("NEW");
        assertThat(ok.json().get("provinceName").asString()).isEqualTo("Tỉnh Vĩnh Long");
        assertThat(ok.body()).doesNotContain("0909");
        String id = ok.json().get("id").asString();

        assertThat(http().post("/public/ideas", null, idea("99999", "Một mô tả đủ dài cho ý tưởng."))
                        .status())
                .isEqualTo(400);
        assertThat(http().post("/public/ideas", null, idea("29785", "x".repeat(4001)))
                        .status())
                .isEqualTo(400);

        assertThat(http().get("/api/v1/ideas", null).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/ideas", "integration").status())
                .as("contacts are for officers")
                .isEqualTo(403);
        JsonNode list =
                http().get("/api/v1/ideas?province=86&status=NEW", "policy").json();
        assertThat(list.get("items").get(0).get("contact").asString()).isEqualTo("0909 123 456");
        long version = list.get("items").get(0).get("version").asLong();

        Response study = http().post(
                        "/api/v1/ideas/" + id + "/triage",
                        "policy",
                        "{\"status\":\"UNDER_STUDY\",\"version\":" + version + ",\"note\":\"Giao xã khảo sát\"}");
        assertThat(study.status()).as(study.body()).isEqualTo(200);
        assertThat(http().post(
                                "/api/v1/ideas/" + id + "/triage",
                                "policy",
                                "{\"status\":\"DECLINED\",\"version\":" + version + "}")
                        .status())
                .as("stale version")
                .isEqualTo(412);
        assertThat(http().post(
                                "/api/v1/ideas/" + id + "/triage",
                                "policy",
                                "{\"status\":\"NEW\",\"version\":" + (version + 1) + "}")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("INVALID_TRANSITION");
        assertThat(http().post(
                                "/api/v1/ideas/" + id + "/triage",
                                "policy",
                                "{\"status\":\"DOSSIER_CREATED\",\"version\":" + (version + 1) + "}")
                        .status())
                .as("needs the dossier")
                .isEqualTo(400);
        Response declined = http().post(
                        "/api/v1/ideas/" + id + "/triage",
                        "policy",
                        "{\"status\":\"DECLINED\",\"version\":" + (version + 1) + "}");
        assertThat(declined.json().get("history").size()).isEqualTo(3);
        assertThat(http().post(
                                "/api/v1/ideas/" + id + "/triage",
                                "policy",
                                "{\"status\":\"UNDER_STUDY\",\"version\":" + (version + 2) + "}")
                        .status())
                .as("declined is final")
                .isEqualTo(409);
    }

    @Test
    @Order(4)
    void ideaSubmissionsAreRateLimited() {
        // ideas-burst 4: three were used above; the 4th passes (then fails validation or not), the 5th is refused
        Response fourth = http().post("/public/ideas", null, "{\"name\":\"x\",\"extra\":1}");
        assertThat(fourth.status()).isEqualTo(400);
        Response fifth = http().post("/public/ideas", null, idea("29785", "Một mô tả đủ dài cho ý tưởng."));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json().get("code").asString()).isEqualTo("RATE_LIMITED");
    }

    @Test
    @Order(5)
    void publicReadsAreRateLimitedPerClient() {
        int refused = -1;
        for (int i = 0; i < 61 && refused < 0; i++) {
            if (http().get("/public/products", null).status() == 429) refused = i;
        }
        assertThat(refused).as("the 60-request burst runs out").isGreaterThanOrEqualTo(0);
        Response r = http().get("/public/certificates/VL-2024-10", null);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.isProblem()).isTrue();
        assertThat(http().get("/api/v1/certificates/VL-2024-10", "auditor").status())
                .as("the API is not limited")
                .isEqualTo(200);
    }
}
