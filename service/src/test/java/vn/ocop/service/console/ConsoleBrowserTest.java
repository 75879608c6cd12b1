package vn.ocop.service.console;

import java.io.IOException;
import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (Debian's headless chromium), against the service with the real rules engine: a council
 * member scores a whole sheet and sees the stars the API gives for the same choices; a submission with criteria missing
 * is refused; a policy officer runs a simulation and watches its progress reach 100%. Skips where no browser is installed.
 * With -Docop.console.screenshots=../docs/console it also writes the pictures of docs/console.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ConsoleBrowserTest {
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

    /** A dossier on the edition's first food sheet, through the API as the integration client. */
    String dossier(Http http, String name) {
        String body = """
                {"product":{"name":"%s"},"producer":{"name":"HTX Tân Thuận","type":"COOPERATIVE"},
                 "location":{"provinceCode":"82","communeCode":"28249"},"edition":"%s","sheet":"%s",
                 "facts":{"rawMaterialInProvincePct":80}}""".formatted(name, EDITION, SHEET);
        Http.Response r = http.post("/api/v1/dossiers", "integration", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void councilMemberScoresAWholeSheetAndSeesTheApiStars() throws IOException {
        Http http = new Http(port);
        String id = dossier(http, "Bưởi Năm Roi Phúc Trạch");
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "council").json();
        List<JsonNode> criteria = new java.util.ArrayList<>();
        sheet.get("criteria").forEach(criteria::add);
        assertThat(criteria).hasSizeGreaterThan(10);

        signIn("council");
        Browser.screenshot(browser, "home");
        browser.get(url("/dossiers"));
        assertThat(browser.findElement(By.id("dossier-list")).getText()).contains("Bưởi Năm Roi Phúc Trạch");
        Browser.screenshot(browser, "dossiers");
        browser.get(url("/dossiers/" + id + "/sheet"));
        assertThat(browser.findElements(By.cssSelector("fieldset.criterion"))).hasSize(criteria.size());
        assertThat(browser.executeScript("return typeof htmx")).as("htmx loaded from its webjar").isEqualTo("object");

        // choose option by a pattern that reaches several parts' different options; all but the last criterion first
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            JsonNode c = criteria.get(i);
            int options = c.get("options").size();
            chosen.put(c.get("code").asString(), 1 + (i * 7) % options);
        }
        List<String> codes = List.copyOf(chosen.keySet());
        for (String code : codes.subList(0, codes.size() - 1)) choose(code, chosen.get(code));
        waiting().until(d -> d.findElement(By.id("chosen")).getText().equals(String.valueOf(codes.size() - 1)));
        waiting().until(d -> d.findElement(By.id("missing")).getText().contains(codes.get(codes.size() - 1))
                && d.findElement(By.id("total")).getText().equals("–"));

        // the draft keeps the choices across a reload
        browser.findElement(By.xpath("//button[text()='Lưu nháp']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("draft-saved")));
        assertThat(browser.findElement(By.id("o-" + codes.get(0) + "-" + chosen.get(codes.get(0)))).isSelected()).isTrue();

        // submitting with a criterion missing is refused, naming it
        browser.findElement(By.id("submit")).click();
        WebElement refused = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("submit-refused")));
        assertThat(refused.getText()).contains("SHEET_INCOMPLETE").contains(codes.get(codes.size() - 1));
        assertThat(http.get("/api/v1/dossiers/" + id + "/assessments", "council").json()).isEmpty();

        String last = codes.get(codes.size() - 1);
        choose(last, chosen.get(last));
        waiting().until(d -> d.findElement(By.id("chosen")).getText().equals(String.valueOf(codes.size()))
                && !d.findElement(By.id("total")).getText().equals("–"));
        String shownTotal = browser.findElement(By.id("total")).getText();
        String shownStars = browser.findElement(By.id("stars")).getAttribute("data-stars");

        // the API's stateless evaluation of the same sheet
        StringBuilder selections = new StringBuilder();
        chosen.forEach((code, option) -> selections.append(selections.isEmpty() ? "" : ",").append('"').append(code).append("\":").append(option));
        JsonNode api = http.post("/api/v1/evaluate", "integration", """
                {"edition":"%s","sheet":"%s","dossier":{"rawMaterialInProvincePct":80},
                 "assessments":[{"member":"council","selections":{%s}}]}""".formatted(EDITION, SHEET, selections)).json();
        assertThat(api.get("status").asString()).isEqualTo("VALID");
        assertThat(shownTotal).isEqualTo(String.valueOf(api.get("members").get(0).get("total").asInt()));
        assertThat(api.get("stars").isNull()).isFalse();
        assertThat(shownStars).isEqualTo(String.valueOf(api.get("stars").asInt()));
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "scoring-sheet");
        browser.manage().window().setSize(new Dimension(412, 915)); // a phone
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "scoring-sheet-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // after the phone-size pass the sheet's sticky summary can cover the button where the driver aims: press it as a
        // keyboard user does (focus, Enter), which is what the page must support anyway
        WebElement submit = browser.findElement(By.id("submit"));
        browser.executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus()", submit);
        submit.sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assessments")));
        JsonNode stored = http.get("/api/v1/dossiers/" + id + "/assessments", "council").json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("selections").get(last).asInt()).isEqualTo(chosen.get(last));

        // the council's result, and the stars the dossier page shows are the stored record's
        browser.findElement(By.xpath("//button[text()='Tổng hợp kết quả Hội đồng']")).click();
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evaluations .evaluation-stars")));
        JsonNode records = http.get("/api/v1/dossiers/" + id + "/evaluations", "council").json();
        assertThat(records).hasSize(1);
        int stars = records.get(0).get("result").get("stars").asInt();
        assertThat(String.valueOf(stars)).isEqualTo(shownStars);
        assertThat(row.getText()).contains("(" + stars + " sao)");
        assertThat(browser.findElement(By.id("dossier-stars")).getText()).contains("(" + stars + " sao)");
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
        JsonNode sheet = http.get("/api/v1/editions/" + EDITION + "/sheets/" + SHEET, "council").json();
        for (int n = 0; n < 3; n++) {
            String id = dossier(http, "Mật ong rừng U Minh " + n);
            StringBuilder selections = new StringBuilder();
            int k = n;
            sheet.get("criteria").forEach(c -> selections.append(selections.isEmpty() ? "" : ",").append('"')
                    .append(c.get("code").asString()).append("\":").append(Math.min(1 + k, c.get("options").size())));
            assertThat(http.post("/api/v1/dossiers/" + id + "/assessments", "council",
                    "{\"member\":\"Nguyễn Văn An\",\"selections\":{" + selections + "}}").status()).isEqualTo(201);
        }
        signIn("policy");
        browser.get(url("/rulesets"));
        Browser.screenshot(browser, "rulesets");
        browser.findElement(By.xpath("//table[@id='ruleset-list']//a[text()='" + EDITION + "']")).click();
        assertThat(browser.findElement(By.id("ruleset-status")).getText()).isEqualTo("Đang áp dụng");
        browser.findElement(By.id("sim-group")).sendKeys("FOOD");
        browser.findElement(By.id("simulate")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("job-progress")));
        // htmx polls the job every second until it has finished
        waiting(180).until(d -> d.findElement(By.id("job-percent")).getText().equals("100%"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("star-matrix")));
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("Hoàn thành");
        assertThat(browser.findElement(By.id("job-progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("star-matrix")).getText()).contains("sao");
        Browser.screenshot(browser, "simulation");
    }
}
