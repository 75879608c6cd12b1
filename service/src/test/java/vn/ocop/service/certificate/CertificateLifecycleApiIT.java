package vn.ocop.service.certificate;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.MutableClock;
import vn.ocop.testsupport.TempStore;
import vn.ocop.testsupport.TestEngineConfiguration;

/**
 * A certificate issued on a recognition decision, found by the public endpoint, its QR codes decoded back to the
 * verification URL; then expiry, a late re-evaluation filing, revocation and supersession change what the public sees.
 * The fixed test engine scores A1/B1/C1 (ocop-2023 maxima 40/25/35, options give 20%, 60%, 100%).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ocop.public.base-url=https://ocop.example.vn", "ocop.public.rate-limit.reads-burst=100000"})
@Import({TestEngineConfiguration.class, CertificateLifecycleApiIT.Clocks.class})
@ActiveProfiles("local")
class CertificateLifecycleApiIT {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate TODAY = LocalDate.now(VIETNAM);
    static final MutableClock CLOCK = new MutableClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        java.time.Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TempStore.register(registry, "ocop-certificates");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        CLOCK.setDay(TODAY);
    }

    @AfterEach
    void resetClock() {
        CLOCK.setDay(TODAY);
    }

    /** A dossier in Phường Đạo Thạnh, Đồng Tháp (2025 codes) evaluated by three members with the same options. */
    String evaluated(String product, int a, int b, int c) {
        String body = """
                {"product":{"name":"%s"},"producer":{"name":"HTX Nông nghiệp Tân Thuận","type":"COOPERATIVE"},
                 "location":{"provinceCode":"82","communeCode":"28249"},"edition":"ocop-2023","sheet":"food-fresh-produce"}
                """.formatted(product);
        Response d = http.post("/api/v1/dossiers", "integration", body);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String id = d.json().get("id").asString();
        for (String member : new String[] {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}) {
            assertThat(http.post(
                                    "/api/v1/dossiers/" + id + "/assessments",
                                    "council",
                                    Http.assessmentJson(member, a, b, c))
                            .status())
                    .isEqualTo(201);
        }
        Response e = http.post("/api/v1/dossiers/" + id + "/evaluations", "council", null);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        return e.json().get("id").asString();
    }

    static String decision(String evaluationId, int stars, String authority, String number, String extra) {
        return """
                {"evaluationId":"%s","stars":%d,"decision":{"number":"%s","date":"%s","signer":"Phạm Văn Hòa",
                 "authority":"%s","authorityName":"UBND tỉnh Đồng Tháp"}%s}
                """.formatted(evaluationId, stars, number, TODAY, authority, extra == null ? "" : "," + extra);
    }

    JsonNode issue(String evaluationId, int stars, String authority, String decisionNumber, String extra) {
        Response r = http.post(
                "/api/v1/certificates", "policy", decision(evaluationId, stars, authority, decisionNumber, extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode publicJson(String number) {
        Response r = http.get("/public/certificates/" + number, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    String publicHtml(String number) {
        Response r = http.send(
                "GET",
                "/public/certificates/" + number,
                null,
                null,
                null,
                "Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        return r.body();
    }

    @Test
    void issuedCertificateIsVerifiedPubliclyAndItsQrCodesDecodeToTheVerificationUrl() throws Exception {
        String evaluationId = evaluated("Bưởi Năm Roi", 3, 2, 2); // 40 + 15 + 21 = 76 → 4★
        JsonNode cert = issue(evaluationId, 4, "PROVINCE", "101/QĐ-UBND", null);
        String number = cert.get("number").asString();
        assertThat(number).matches("82-" + TODAY.getYear() + "-\\d{5}");
        assertThat(cert.get("productCode").asString()).matches("82-28249-\\d{3}-" + TODAY.getYear());
        assertThat(cert.get("expiresOn").asString())
                .isEqualTo(TODAY.plusMonths(36).toString());
        assertThat(cert.get("status").asString()).isEqualTo("VALID");
        String hash = mongo.getCollection("evaluations")
                .find(eq("_id", evaluationId))
                .first()
                .getString("hash");
        assertThat(cert.get("evaluationHash").asString()).isEqualTo(hash);

        JsonNode p = publicJson(number);
        assertThat(p.get("productName").asString()).isEqualTo("Bưởi Năm Roi");
        assertThat(p.get("producerName").asString()).isEqualTo("HTX Nông nghiệp Tân Thuận");
        assertThat(p.get("communeName").asString()).isEqualTo("Phường Đạo Thạnh");
        assertThat(p.get("provinceName").asString()).isEqualTo("Tỉnh Đồng Tháp");
        assertThat(p.get("stars").asInt()).isEqualTo(4);
        assertThat(p.get("status").asString()).isEqualTo("VALID");
        assertThat(p.get("recordCheck").asString()).isEqualTo("VERIFIED");
        assertThat(p.get("verificationUrl").asString())
                .isEqualTo("https://ocop.example.vn/public/certificates/" + number);
        // nothing personal or internal beyond what the certificate prints
        for (String field :
                new String[] {"signer", "issuedBy", "dossierId", "evaluationId", "producerType", "location"}) {
            assertThat(p.has(field)).as(field).isFalse();
        }
        assertThat(publicHtml(number)).contains("Bưởi Năm Roi", "Còn hiệu lực", "Phường Đạo Thạnh", "★★★★", "Toàn vẹn");

        Response png = http.send("GET", "/public/certificates/" + number + "/qr.png?size=300", null, null, null);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(pngBytes(number)))))
                .isEqualTo(p.get("verificationUrl").asString());

        Response svg = http.get("/public/certificates/" + number + "/qr.svg", null);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(decode(rasterise(svg.body())))
                .isEqualTo(p.get("verificationUrl").asString());

        // retrying the same decision returns the same certificate; another decision on the same record is refused
        Response again =
                http.post("/api/v1/certificates", "policy", decision(evaluationId, 4, "PROVINCE", "101/QĐ-UBND", null));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("number").asString()).isEqualTo(number);
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision(evaluationId, 4, "PROVINCE", "999/QĐ-UBND", null)),
                409,
                "CERTIFICATE_EXISTS");
    }

    @Test
    void unknownNumbersAreA404WithoutHints() {
        String number = issue(evaluated("Khô cá lóc", 3, 2, 2), 4, "PROVINCE", "102/QĐ-UBND", null)
                .get("number")
                .asString();
        String near = number.substring(0, number.length() - 1) + (number.endsWith("9") ? "8" : "9");
        for (String path : new String[] {
            "/public/certificates/" + near,
            "/public/certificates/" + near + "/qr.png",
            "/public/certificates/" + near + "/qr.svg"
        }) {
            Response r = http.get(path, null);
            assertProblem(r, 404, "NOT_FOUND");
            assertThat(r.body()).as("no hint of the existing number").doesNotContain(number);
        }
        assertProblem(http.get("/public/certificates/bad%20number", null), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/public/certificates/" + number + "?format=xml", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void expiryAndALateReEvaluationFilingChangeThePublicStatus() {
        String number = issue(evaluated("Mắm cá linh", 2, 2, 2), 3, "PROVINCE", "103/QĐ-UBND", null)
                .get("number")
                .asString(); // 60 → 3★
        LocalDate expires = TODAY.plusMonths(36);
        CLOCK.setDay(expires);
        assertThat(publicJson(number).get("status").asString()).isEqualTo("VALID");
        CLOCK.setDay(expires.plusDays(1));
        assertThat(publicJson(number).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(publicHtml(number)).contains("Hết hiệu lực");

        assertProblem(
                http.post(
                        "/api/v1/certificates/" + number + "/re-evaluation",
                        "policy",
                        "{\"filedOn\":\"" + expires.minusDays(181) + "\"}"),
                422,
                "FILING_TOO_EARLY");
        Response late = http.post(
                "/api/v1/certificates/" + number + "/re-evaluation",
                "policy",
                "{\"filedOn\":\"" + expires.minusDays(100) + "\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("reEvaluation").get("late").asBoolean()).isTrue();
        assertThat(late.json().get("validUntil").asString())
                .isEqualTo(expires.plusDays(180).toString());
        CLOCK.setDay(expires.plusDays(180));
        JsonNode extended = publicJson(number);
        assertThat(extended.get("status").asString()).isEqualTo("VALID");
        assertThat(extended.get("statusText").asString()).contains("gia hạn");
        CLOCK.setDay(expires.plusDays(181));
        assertThat(publicJson(number).get("status").asString()).isEqualTo("EXPIRED");

        // the authority decided 30 days after expiry: valid up to that day only
        Response decided = http.post(
                "/api/v1/certificates/" + number + "/re-evaluation",
                "policy",
                "{\"filedOn\":\"" + expires.minusDays(100) + "\",\"decidedOn\":\"" + expires.plusDays(30) + "\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        CLOCK.setDay(expires.plusDays(30));
        assertThat(publicJson(number).get("status").asString()).isEqualTo("VALID");
        CLOCK.setDay(expires.plusDays(31));
        assertThat(publicJson(number).get("status").asString()).isEqualTo("EXPIRED");

        // an on-time filing gives no extension
        String other = issue(evaluated("Mắm cá sặc", 2, 2, 2), 3, "PROVINCE", "104/QĐ-UBND", null)
                .get("number")
                .asString();
        CLOCK.setDay(TODAY);
        Response onTime = http.post(
                "/api/v1/certificates/" + other + "/re-evaluation",
                "policy",
                "{\"filedOn\":\"" + expires.minusDays(150) + "\"}");
        assertThat(onTime.json().get("reEvaluation").get("late").asBoolean()).isFalse();
        assertThat(onTime.json().get("validUntil").asString()).isEqualTo(expires.toString());
    }

    @Test
    void revocationNeedsTheRightAuthorityAndShowsPublicly() {
        String number = issue(evaluated("Nem Lai Vung", 3, 2, 2), 4, "PROVINCE", "105/QĐ-UBND", null)
                .get("number")
                .asString();
        String ministry = revocation("MINISTRY", TODAY.minusDays(3), TODAY);
        assertProblem(
                http.post("/api/v1/certificates/" + number + "/revocation", "policy", ministry),
                422,
                "WRONG_AUTHORITY");
        assertProblem(
                http.post(
                        "/api/v1/certificates/" + number + "/revocation",
                        "policy",
                        revocation("PROVINCE", TODAY.plusDays(3), TODAY)),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/certificates/" + number + "/revocation",
                        "integration",
                        revocation("PROVINCE", TODAY, TODAY)),
                403,
                "FORBIDDEN");
        assertProblem(
                http.post(
                        "/api/v1/certificates/" + number + "/revocation",
                        "policy",
                        "{\"ground\":\"TIRED\",\"groundEstablishedOn\":\"" + TODAY + "\",\"decision\":{}}"),
                400,
                "VALIDATION_FAILED");

        LocalDate decided = TODAY.plusDays(20);
        Response r = http.post(
                "/api/v1/certificates/" + number + "/revocation", "policy", revocation("PROVINCE", TODAY, decided));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revocation").get("withinTimeLimit").asBoolean())
                .isFalse();
        assertThat(r.json().get("revocation").get("daysAfterGround").asInt()).isEqualTo(20);
        assertThat(publicJson(number).get("status").asString())
                .as("in force until the decision's day")
                .isEqualTo("VALID");
        CLOCK.setDay(decided);
        JsonNode p = publicJson(number);
        assertThat(p.get("status").asString()).isEqualTo("REVOKED");
        assertThat(p.get("revocationGround").asString()).isEqualTo("PRODUCTION_STOPPED");
        assertThat(publicHtml(number)).contains("Đã bị thu hồi", "không còn sản xuất");
        assertProblem(
                http.post(
                        "/api/v1/certificates/" + number + "/revocation",
                        "policy",
                        revocation("PROVINCE", TODAY, decided)),
                409,
                "CERTIFICATE_NOT_IN_FORCE");
    }

    static String revocation(String authority, LocalDate ground, LocalDate decided) {
        return """
                {"ground":"PRODUCTION_STOPPED","groundEstablishedOn":"%s","note":"UBND xã xác nhận ngừng sản xuất",
                 "decision":{"number":"55/QĐ-UBND","date":"%s","signer":"Phạm Văn Hòa","authority":"%s"}}
                """.formatted(ground, decided, authority);
    }

    @Test
    void anUpgradeSupersedesTheOldCertificate() {
        String old = issue(evaluated("Bánh phồng tôm Sa Giang", 2, 2, 2), 3, "PROVINCE", "106/QĐ-UBND", null)
                .get("number")
                .asString();
        String five = evaluated("Bánh phồng tôm Sa Giang", 3, 3, 3); // 100 → 5★
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision(five, 5, "PROVINCE", "7/QĐ-BNNMT", null)),
                422,
                "WRONG_AUTHORITY");
        String three = evaluated("Bánh phồng tôm Sa Giang", 2, 2, 2);
        assertProblem(
                http.post(
                        "/api/v1/certificates",
                        "policy",
                        decision(
                                three,
                                3,
                                "PROVINCE",
                                "8/QĐ-UBND",
                                "\"kind\":\"UPGRADE\",\"supersedes\":\"" + old + "\"")),
                422,
                "NOT_AN_UPGRADE");
        JsonNode upgraded =
                issue(five, 5, "MINISTRY", "7/QĐ-BNNMT", "\"kind\":\"UPGRADE\",\"supersedes\":\"" + old + "\"");
        assertThat(upgraded.get("number").asString()).startsWith("TW-");
        JsonNode p = publicJson(old);
        assertThat(p.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(p.get("supersededBy").asString())
                .isEqualTo(upgraded.get("number").asString());
        assertThat(publicHtml(old))
                .contains("Đã được thay thế", upgraded.get("number").asString());
        assertThat(publicJson(upgraded.get("number").asString()).get("status").asString())
                .isEqualTo("VALID");
        // a superseded certificate cannot be superseded again
        String another = evaluated("Bánh phồng tôm Sa Giang", 3, 3, 3);
        assertProblem(
                http.post(
                        "/api/v1/certificates",
                        "policy",
                        decision(
                                another,
                                5,
                                "MINISTRY",
                                "9/QĐ-BNNMT",
                                "\"kind\":\"UPGRADE\",\"supersedes\":\"" + old + "\"")),
                409,
                "CERTIFICATE_NOT_IN_FORCE");
    }

    @Test
    void decisionsThatCannotGrantACertificateAreRefused() {
        String two = evaluated("Rau muống", 1, 3, 1); // 8 + 25 + 7 = 40 → 2★
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision(two, 2, "PROVINCE", "1/QĐ", null)),
                422,
                "NO_CERTIFICATE_BELOW_3_STARS");
        String four = evaluated("Sen Tháp Mười", 3, 2, 2);
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision(four, 5, "MINISTRY", "1/QĐ", null)),
                422,
                "STARS_MISMATCH");
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision("no-such-record", 4, "PROVINCE", "1/QĐ", null)),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post("/api/v1/certificates", "policy", "{\"evaluationId\":\"" + four + "\",\"stars\":4}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/certificates",
                        "policy",
                        decision(four, 4, "PROVINCE", "1/QĐ", "\"certificateNumber\":\"a/b\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/certificates",
                        "policy",
                        decision(four, 4, "PROVINCE", "1/QĐ", "\"supersedes\":\"X-1\"")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post(
                        "/api/v1/certificates",
                        "policy",
                        decision(four, 4, "PROVINCE", "1/QĐ", null)
                                .replace(TODAY.toString(), TODAY.minusDays(1).toString())),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                http.post("/api/v1/certificates", "council", decision(four, 4, "PROVINCE", "1/QĐ", null)),
                403,
                "FORBIDDEN");
        assertProblem(
                http.post("/api/v1/certificates", null, decision(four, 4, "PROVINCE", "1/QĐ", null)),
                401,
                "UNAUTHENTICATED");
    }

    @Test
    void aTamperedRecordNoLongerVerifies() {
        String evaluationId = evaluated("Hủ tiếu Sa Đéc", 3, 2, 2);
        String number = issue(evaluationId, 4, "PROVINCE", "110/QĐ-UBND", null)
                .get("number")
                .asString();
        assertThat(publicJson(number).get("recordCheck").asString()).isEqualTo("VERIFIED");
        mongo.getCollection("evaluations")
                .updateOne(eq("_id", evaluationId), new Document("$set", new Document("result.stars", 5)));
        assertThat(publicJson(number).get("recordCheck").asString()).isEqualTo("BROKEN");
        assertThat(publicHtml(number)).contains("Không kiểm chứng được");
        // and no certificate is issued on a broken chain
        String other = evaluated("Hủ tiếu Sa Đéc loại 2", 3, 2, 2);
        String dossierId = mongo.getCollection("evaluations")
                .find(eq("_id", other))
                .first()
                .getString("dossierId");
        mongo.getCollection("evaluations")
                .updateOne(eq("_id", other), new Document("$set", new Document("requestedBy", "someone else")));
        assertThat(dossierId).isNotNull();
        assertProblem(
                http.post("/api/v1/certificates", "policy", decision(other, 4, "PROVINCE", "111/QĐ-UBND", null)),
                422,
                "RECORD_NOT_VERIFIED");
    }

    byte[] pngBytes(String number) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/public/certificates/" + number
                                        + "/qr.png?size=300"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }

    /** Draws the SVG's path ("Mx,yhWv1h-Wz" runs in module units) at 8 pixels a module. */
    static BufferedImage rasterise(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        int scale = 8;
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) for (int x = 0; x < w * scale; x++) image.setRGB(x, y, 0xFFFFFF);
        Matcher run = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1)),
                    y0 = Integer.parseInt(run.group(2)),
                    len = Integer.parseInt(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++)
                for (int x = x0 * scale; x < (x0 + len) * scale; x++) image.setRGB(x, y, 0);
        }
        assertThat(runs).isGreaterThan(20);
        return image;
    }

    static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception");
    }
}
