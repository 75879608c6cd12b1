package vn.ocop.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TempStore;

/**
 * The console in a real browser (Debian's headless chromium), against the service with the real rules engine: a council
 * member of the procedure scores a whole sheet (draft, a refused submission, the refusal cleared once complete) and sees
 * the stars the API gives for the same choices; the chair sees the members' totals, quorum, average and stars and records
 * the result; the province's decision issues a certificate, verified on the public page by number and by its QR URL (and
 * a wrong number is not found); a dossier outside the procedure is scored as the API's assessment; a policy officer runs a
 * simulation and watches its progress reach 100%. Skips where no browser is installed.
 * With -Docop.console.screenshots=../docs/console it also writes the pictures of docs/console.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ConsoleBrowserIT {
    static final String EDITION = "ocop-2026";
    /** Phụ lục II, sheet 1 of Decision 26/2026/QĐ-TTg: Rau, củ, quả, hạt tươi. */
    static final String SHEET = "rau-cu-qua-hat-tuoi";

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-console");
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        String missing = Browser.missing();
        assumeTrue(missing == null, () -> "Browser tests skipped: " + missing);
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        return waiting(30);
    }

    WebDriverWait waiting(int seconds) {
        // htmx replaces the summary and the progress while we look: an element can go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-pass");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.who")));
    }

    /** A dossier outside the procedure on the edition's first food sheet, through the API as the integration client. */
    String dossier(Http http, String name) {
        String body = """
                {"product":{"name":"%s"},"producer":{"name":"HTX Tân Thuận","type":"COOPERATIVE"},
                 "location":{"provinceCode":"82","communeCode":"28249"},"edition":"%s","sheet":"%s",
                 "facts":{"rawMaterialInProvincePct":80}}""".formatted(name, EDITION, SHEET);
        Http.Response r = http.post("/api/v1/dossiers", "integration", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static final String P = "/api/v1/procedure";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * A dossier of the procedure (docs/procedure.md), through the API with the local profile's cast: registered by the
     * producer, checked by the commune and the provincial office, in a round whose council is the chair and one member
     * (quorum: both), so the member's and the chair's sheets are the whole council.
     */
    String procedureDossier(Http http, String name) {
        String registration = """
                {"kind":"FIRST","samples":5,"dossier":{"product":{"name":"%s"},
                 "producer":{"name":"HTX Nông nghiệp Tân Thuận","type":"COOPERATIVE","taxOrRegistrationNumber":"1402345678"},
                 "location":{"provinceCode":"82","communeCode":"29869"},"edition":"%s","sheet":"%s",
                 "facts":{"rawMaterialInProvincePct":80}}}""".formatted(name, EDITION, SHEET);
        String id = ok(http.post(P + "/dossiers", "producer-dt", registration), 201)
                .get("dossierId")
                .asString();
        ok(http.post(P + "/dossiers/" + id + "/file", "producer-dt", "{}"), 200);
        String fine = "{\"satisfied\":true}";
        ok(http.post(P + "/dossiers/" + id + "/commune-check", "commune-caolanh", """
                {"origin":%1$s,"localRawMaterial":%1$s,"localLabour":%1$s,"ideaOrigin":%1$s,"localIdentity":%1$s,
                 "outcome":"PROPOSE"}""".formatted(fine)), 200);
        ok(http.post(P + "/dossiers/" + id + "/completeness-check", "ocop-dongthap", "{\"complete\":true}"), 200);
        String round = ok(
                        http.post(P + "/rounds", "ocop-dongthap", """
                {"level":"PROVINCE","provinceCode":"82","year":%d,"number":9,"cutoff":"%s","decisionDue":"%s"}""".formatted(
                                        TODAY.getYear(), TODAY.plusDays(10), TODAY.plusDays(40))),
                        201)
                .get("id")
                .asString();
        ok(http.put(P + "/rounds/" + round + "/council", "ocop-dongthap", """
                {"sittingDate":"%s","members":[
                 {"user":"chair-dt","name":"Trần Văn Chủ","department":"UBND tỉnh Đồng Tháp","role":"CHAIR"},
                 {"user":"member-dt1","name":"Nguyễn Văn An","department":"Sở Nông nghiệp và Môi trường","role":"MEMBER"},
                 {"user":"secretary-dt","name":"Võ Thị Dung","role":"SECRETARY"}]}""".formatted(TODAY)), 200);
        ok(http.post(P + "/dossiers/" + id + "/assignment", "ocop-dongthap", "{\"roundId\":\"" + round + "\"}"), 200);
        return id;
    }

    static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    /** The API's stateless evaluation of one sheet with these choices. */
    static JsonNode evaluate(Http http, Map<String, Integer> chosen) {
        return http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","dossier":{"rawMaterialInProvincePct":80},
                 "assessments":[{"member":"Nguyễn Văn An","selections":%s}]}""".formatted(EDITION, SHEET, selections(chosen)))
                .json();
    }

    static String selections(Map<String, Integer> chosen) {
        StringBuilder out = new StringBuilder();
        chosen.forEach((code, option) -> out.append(out.isEmpty() ? "{" : ",")
                .append('"')
                .append(code)
                .append("\":")
                .append(option));
        return out.append('}').toString();
    }

    /**
     * Choices the province recognises (3★ or 4★ under 90 points, so not forwarded to the central round), found with the
     * API's own evaluation: from each criterion's best option, criteria are lowered to their first option one by one,
     * those without a star minimum (an option marked minStars) first, so the minimums stay met as long as possible.
     */
    static Map<String, Integer> provincialChoices(Http http, List<JsonNode> criteria) {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (JsonNode c : criteria) chosen.put(c.get("code").asString(), best(c));
        List<JsonNode> order = new java.util.ArrayList<>(
                criteria.stream().filter(c -> !hasMinimum(c)).toList());
        order.addAll(criteria.stream().filter(ConsoleBrowserIT::hasMinimum).toList());
        for (JsonNode c : order) {
            JsonNode r = evaluate(http, chosen);
            assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("VALID");
            int stars = r.get("stars").isNull() ? 0 : r.get("stars").asInt();
            if (r.get("averageTotal").asDouble() < 90 && (stars == 3 || stars == 4)) return chosen;
            chosen.put(
                    c.get("code").asString(),
                    c.get("options").get(0).get("number").asInt());
        }
        throw new AssertionError("no choices give 3 or 4 stars under 90 points on " + SHEET);
    }

    static int best(JsonNode criterion) {
        JsonNode best = null;
        for (JsonNode o : criterion.get("options"))
            if (best == null || o.get("points").asInt() > best.get("points").asInt()) best = o;
        return best.get("number").asInt();
    }

    static boolean hasMinimum(JsonNode criterion) {
        for (JsonNode o : criterion.get("options")) if (o.path("minStars").isNumber()) return true;
        return false;
    }

    @Test
    void theCouncilScoresInTheBrowserTheChairRecordsAndThePublicVerifiesTheCertificate() throws IOException {
        Http http = new Http(port);
        String id = procedureDossier(http, "Bưởi Năm Roi Phúc Trạch");
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "council")
                .json();
        List<JsonNode> criteria = new java.util.ArrayList<>();
        sheet.get("criteria").forEach(criteria::add);
        assertThat(criteria).hasSizeGreaterThan(10);
        Map<String, Integer> chosen = provincialChoices(http, criteria);
        List<String> codes = List.copyOf(chosen.keySet());
        String last = codes.get(codes.size() - 1);
        String sheetsPath = P + "/rounds/" + roundOf(http, id) + "/dossiers/" + id + "/sheets";

        // the member's to-do opens their sheet
        signIn("member-dt1");
        Browser.screenshot(browser, "home");
        browser.findElement(By.cssSelector("#todo a[href='/dossiers/" + id + "/sheet']"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("seat")));
        assertThat(browser.findElement(By.id("seat")).getText()).contains("Nguyễn Văn An");
        assertThat(browser.findElements(By.cssSelector("fieldset.criterion"))).hasSize(criteria.size());
        assertThat(browser.executeScript("return typeof htmx"))
                .as("htmx loaded from its webjar")
                .isEqualTo("object");

        // all but the last criterion; the summary lists the one still missing
        for (String code : codes.subList(0, codes.size() - 1)) choose(code, chosen.get(code));
        waiting().until(d -> d.findElement(By.id("chosen")).getText().equals(String.valueOf(codes.size() - 1)));
        waiting()
                .until(d -> d.findElement(By.id("missing")).getText().contains(last)
                        && d.findElement(By.id("total")).getText().equals("–"));

        // the draft is the procedure's member sheet: the API shows it, and it comes back on reload
        browser.findElement(By.id("save-draft")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("draft-saved")));
        assertThat(browser.findElement(By.id("o-" + codes.get(0) + "-" + chosen.get(codes.get(0))))
                        .isSelected())
                .isTrue();
        JsonNode draft = ok(http.get(sheetsPath, "member-dt1"), 200).get(0);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("selections").size()).isEqualTo(codes.size() - 1);

        // submitting with a criterion missing is refused by the procedure, naming it; the sheet stays a draft
        browser.findElement(By.id("submit")).click();
        WebElement refused =
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#submit-refused .alert")));
        assertThat(refused.getText()).contains("SHEET_INCOMPLETE").contains(last);
        assertThat(ok(http.get(sheetsPath, "member-dt1"), 200)
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");

        // the last choice completes the sheet: the refusal goes (htmx out-of-band swap), the engine's total shows
        choose(last, chosen.get(last));
        waiting()
                .until(d -> d.findElement(By.id("chosen")).getText().equals(String.valueOf(codes.size()))
                        && !d.findElement(By.id("total")).getText().equals("–"));
        waiting()
                .until(d ->
                        d.findElements(By.cssSelector("#submit-refused .alert")).isEmpty());
        assertThat(browser.findElement(By.id("submit-refused")).getText()).isEmpty();
        String shownTotal = browser.findElement(By.id("total")).getText();
        String shownStars = browser.findElement(By.id("stars")).getAttribute("data-stars");
        JsonNode api = evaluate(http, chosen);
        assertThat(shownTotal)
                .isEqualTo(String.valueOf(api.get("members").get(0).get("total").asInt()));
        assertThat(shownStars).isEqualTo(String.valueOf(api.get("stars").asInt()));
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "scoring-sheet");
        browser.manage().window().setSize(new Dimension(412, 915)); // a phone
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "scoring-sheet-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // after the phone-size pass the sheet's sticky summary can cover the button where the driver aims: press it as
        // a
        // keyboard user does (focus, Enter), which is what the page must support anyway
        WebElement submit = browser.findElement(By.id("submit"));
        browser.executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus()", submit);
        submit.sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-submitted")));
        JsonNode submitted = ok(http.get(sheetsPath, "chair-dt"), 200).get(0);
        assertThat(submitted.get("member").asString()).isEqualTo("member-dt1");
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("selections").get(last).asInt()).isEqualTo(chosen.get(last));

        // the chair's own sheet through the API; then the chair's view in the browser, reached from the to-do list
        ok(http.put(sheetsPath + "/chair-dt", "chair-dt", "{\"selections\":" + selections(chosen) + "}"), 200);
        ok(http.post(sheetsPath + "/chair-dt/submit", "chair-dt", null), 200);
        signIn("chair-dt");
        browser.findElement(By.cssSelector("#todo a[href='/dossiers/" + id + "/council']"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("council-members")));
        List<String> totals = browser.findElements(By.cssSelector("#council-members .member-total")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(totals).containsExactly(shownTotal, shownTotal);
        assertThat(browser.findElement(By.id("quorum")).getText())
                .startsWith("Đủ túc số")
                .contains("2/2");
        assertThat(browser.findElement(By.id("council-stars")).getAttribute("data-stars"))
                .isEqualTo(shownStars);
        assertThat(browser.findElement(By.id("council-average")).getText()).isEqualTo(shownTotal + ",00");
        assertThat(browser.findElements(By.id("council-spread")))
                .as("equal sheets: no spread")
                .isEmpty();
        Browser.screenshot(browser, "council");
        browser.findElement(By.id("record-result")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-recorded")));
        JsonNode scored = ok(http.get(P + "/dossiers/" + id, "chair-dt"), 200);
        assertThat(scored.get("state").asString()).isEqualTo("SCORED");
        assertThat(scored.get("results").get(0).get("stars").asInt()).isEqualTo(Integer.parseInt(shownStars));
        assertThat(browser.findElement(By.cssSelector("#council-results .result-stars"))
                        .getText())
                .contains("(" + shownStars + " sao)");

        // the province recognises the product; the certificate it issues is verified on the public page, no login
        ok(http.post(P + "/dossiers/" + id + "/decisions", "ocop-dongthap", """
                {"outcome":"RECOGNISED","number":"101/QĐ-UBND","date":"%s","signer":"Nguyễn Văn Ký"}""".formatted(TODAY)), 200);
        JsonNode certificate = ok(http.get("/api/v1/certificates?province=82", "auditor"), 200)
                .get("items")
                .get(0);
        String number = certificate.get("number").asString();
        browser.manage().deleteAllCookies();
        browser.get(url("/public/verify"));
        assertThat(browser.findElements(By.cssSelector("form.who")))
                .as("nobody signed in")
                .isEmpty();
        Browser.screenshot(browser, "public-verify");
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.cssSelector("#verify-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("certificate")));
        assertCertificatePage(number, shownStars);
        Browser.screenshot(browser, "public-certificate");

        // the QR stamp's URL, as a phone opens it after the scan
        browser.get(
                url(URI.create(certificate.get("verificationUrl").asString()).getPath()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("certificate")));
        assertCertificatePage(number, shownStars);

        // a wrong number: the Vietnamese "not found" answer, by number and by a scanned URL
        browser.get(url("/public/verify"));
        browser.findElement(By.id("number")).sendKeys("82-2026-99999");
        browser.findElement(By.cssSelector("#verify-form button[type=submit]")).click();
        WebElement notFound = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verify-not-found")));
        assertThat(notFound.getText())
                .contains("Không tìm thấy giấy chứng nhận với số này.")
                .contains("82-2026-99999");
        browser.get(url("/public/certificates/82-2026-99999"));
        assertThat(waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("verify-not-found")))
                        .getText())
                .contains("Không tìm thấy giấy chứng nhận với số này.");

        // the catalogue lists the product; the idea form is there; English on asking
        browser.get(url("/public/products"));
        assertThat(browser.findElement(By.id("catalogue")).getText()).contains("Bưởi Năm Roi Phúc Trạch");
        Browser.screenshot(browser, "public-catalogue");
        browser.get(url("/public/ideas"));
        assertThat(browser.findElement(By.id("idea")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "public-idea-form");
        browser.get(url("/public/verify?number=" + number + "&lang=en"));
        assertThat(browser.findElement(By.cssSelector("#certificate h1")).getText())
                .startsWith("OCOP product certificate no.");
        browser.findElement(By.id("lang-switch")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#main h1")).getText().startsWith("Tra cứu giấy chứng nhận"));
    }

    private void assertCertificatePage(String number, String stars) {
        assertThat(browser.findElement(By.id("certificate-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("certificate-product")).getText()).isEqualTo("Bưởi Năm Roi Phúc Trạch");
        assertThat(browser.findElement(By.id("certificate-stars")).getAttribute("data-stars"))
                .isEqualTo(stars);
        assertThat(browser.findElement(By.id("certificate-status")).getText()).isEqualTo("Còn hiệu lực");
        assertThat(browser.findElement(By.id("certificate-record")).getText()).startsWith("Toàn vẹn");
    }

    static String roundOf(Http http, String id) {
        return ok(http.get(P + "/dossiers/" + id, "ocop-dongthap"), 200)
                .get("roundId")
                .asString();
    }

    @Test
    void aCouncilMemberScoresADossierOutsideTheProcedureAsTheApisAssessment() throws IOException {
        Http http = new Http(port);
        String id = dossier(http, "Mắm cá linh Hồng Ngự");
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "council")
                .json();
        signIn("council");
        browser.get(url("/dossiers"));
        assertThat(browser.findElement(By.id("dossier-list")).getText()).contains("Mắm cá linh Hồng Ngự");
        Browser.screenshot(browser, "dossiers");
        browser.get(url("/dossiers/" + id + "/sheet"));
        assertThat(browser.findElements(By.id("save-draft")))
                .as("drafts are the procedure's")
                .isEmpty();
        Map<String, Integer> chosen = new LinkedHashMap<>();
        sheet.get("criteria").forEach(c -> chosen.put(c.get("code").asString(), 1));
        chosen.forEach(this::choose);
        waiting().until(d -> d.findElement(By.id("chosen")).getText().equals(String.valueOf(chosen.size())));
        WebElement submit = browser.findElement(By.id("submit"));
        browser.executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus()", submit);
        submit.sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assessments")));
        JsonNode stored =
                http.get("/api/v1/dossiers/" + id + "/assessments", "council").json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("member").asString()).isEqualTo("council");
        browser.findElement(By.xpath("//button[text()='Tổng hợp kết quả Hội đồng']"))
                .click();
        WebElement row = waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evaluations .evaluation-stars")));
        JsonNode records =
                http.get("/api/v1/dossiers/" + id + "/evaluations", "council").json();
        assertThat(records).hasSize(1);
        assertThat(row.getText())
                .isEqualTo(
                        records.get(0).get("result").get("stars").isNull()
                                ? "chưa xếp hạng"
                                : "★"
                                                .repeat(records.get(0)
                                                        .get("result")
                                                        .get("stars")
                                                        .asInt()) + " ("
                                        + records.get(0)
                                                .get("result")
                                                .get("stars")
                                                .asInt() + " sao)");
        Browser.screenshot(browser, "dossier");
    }

    private void choose(String code, int option) {
        WebElement radio = browser.findElement(By.id("o-" + code + "-" + option));
        browser.executeScript("arguments[0].scrollIntoView({block:'center'})", radio);
        radio.click();
    }

    @Test
    void policyOfficerWatchesASimulationReachAHundredPercent() throws IOException {
        Http http = new Http(port);
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "council")
                .json();
        for (int n = 0; n < 3; n++) {
            String id = dossier(http, "Mật ong rừng U Minh " + n);
            StringBuilder selections = new StringBuilder();
            int k = n;
            sheet.get("criteria")
                    .forEach(c -> selections
                            .append(selections.isEmpty() ? "" : ",")
                            .append('"')
                            .append(c.get("code").asString())
                            .append("\":")
                            .append(Math.min(1 + k, c.get("options").size())));
            assertThat(http.post(
                                    "/api/v1/dossiers/" + id + "/assessments",
                                    "council",
                                    "{\"member\":\"Nguyễn Văn An\",\"selections\":{" + selections + "}}")
                            .status())
                    .isEqualTo(201);
        }
        signIn("policy");
        browser.get(url("/rulesets"));
        Browser.screenshot(browser, "rulesets");
        browser.findElement(By.xpath("//table[@id='ruleset-list']//a[text()='" + EDITION + "']"))
                .click();
        assertThat(browser.findElement(By.id("ruleset-status")).getText()).isEqualTo("Đang áp dụng");
        browser.findElement(By.id("sim-group")).sendKeys("FOOD");
        browser.findElement(By.id("simulate")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("job-progress")));
        // htmx polls the job every second until it has finished
        waiting(180).until(d -> d.findElement(By.id("job-percent")).getText().equals("100%"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("star-matrix")));
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("Hoàn thành");
        assertThat(browser.findElement(By.id("job-progress")).getAttribute("value"))
                .isEqualTo("100");
        assertThat(browser.findElement(By.id("star-matrix")).getText()).contains("sao");
        Browser.screenshot(browser, "simulation");
    }
}
