package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TempStore;

/** POST /api/v1/rulesets as multipart/form-data (issue 4, item 2): the same draft as the JSON form, the same guards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class RulesetMultipartIT {
    static final String PATH = "stars/thresholds.csv";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-multipart");
    }

    Http http() {
        return new Http(port, java.time.Duration.ofMinutes(2));
    }

    /** A hand-built multipart body: fields, then one "files" part per entry (filename = path in the pack). */
    record Multipart(String contentType, byte[] body) {
        static Multipart of(Map<String, String> fields, Map<String, byte[]> files) {
            String boundary = "----ocop" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
                out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
                write(out, "\r\n");
            });
            files.forEach((filename, bytes) -> {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                                + "\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n");
                out.writeBytes(bytes);
                write(out, "\r\n");
            });
            write(out, "--" + boundary + "--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    Response post(String user, Multipart m) {
        return http().send("POST", "/api/v1/rulesets", user, m.contentType(), m.body());
    }

    static byte[] newThresholds() throws IOException {
        String original = new String(
                new ClassPathResource("editions/ocop-2019/" + PATH).getContentAsByteArray(), StandardCharsets.UTF_8);
        return original.replace("Notes,\"", "Notes,\"Tải lên dạng multipart. ").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDraftFromUploadedFilesReplacesOneFileOfVersionOne() throws IOException {
        byte[] replaced = newThresholds();
        Response r = post(
                "policy",
                Multipart.of(
                        Map.of(
                                "edition",
                                "ocop-2019",
                                "parentVersion",
                                "1",
                                "note",
                                "Ngưỡng sao tải lên dạng multipart"),
                        Map.of(PATH, replaced)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(r.location()).endsWith("/api/v1/rulesets/" + id);
        assertThat(r.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(r.json().get("parentVersion").asInt()).isEqualTo(1);
        assertThat(r.json().get("note").asString()).isEqualTo("Ngưỡng sao tải lên dạng multipart");

        Response file = http().get("/api/v1/rulesets/" + id + "/files/" + PATH, "policy");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body())
                .isEqualTo(new String(replaced, StandardCharsets.UTF_8))
                .contains("Tải lên dạng multipart.");
        // the other files come from version 1 unchanged
        assertThat(http().get("/api/v1/rulesets/" + id + "/files/sheets/food-fresh-produce.csv", "policy")
                        .body())
                .isEqualTo(http().get("/api/v1/rulesets/ocop-2019@1/files/sheets/food-fresh-produce.csv", "policy")
                        .body());
    }

    @Test
    void withoutAnEditionTheProblemIs400() throws IOException {
        Response r = post("policy", Multipart.of(Map.of("note", "no edition"), Map.of(PATH, newThresholds())));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body()).contains("edition");
    }

    @Test
    void aPathOutsideThePackIsRefused() {
        Response r = post(
                "policy",
                Multipart.of(
                        Map.of("edition", "ocop-2019", "parentVersion", "1", "note", "traversal"),
                        Map.of("../../etc/passwd.csv", "x".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("UPLOAD_REFUSED");
        assertThat(r.body()).contains("BAD_PATH");
        assertThat(http().get("/api/v1/rulesets?edition=ocop-2019", "policy")
                        .json()
                        .size())
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aFilesPartWithoutAFilenameIsRefused() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"edition\"\r\n\r\nocop-2019\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n";
        Response r = http().send(
                        "POST",
                        "/api/v1/rulesets",
                        "policy",
                        "multipart/form-data; boundary=" + boundary,
                        body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aFilesPartWithNoFilenameAttributeIsRefused() {
        Response r = post("policy", Multipart.of(Map.of("edition", "ocop-2019", "files", "5 sao từ 90"), Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theGuardsFileLimitIsReachableAndABodyOverTheUploadLimitIs413() {
        // 2 MiB + 1 in one file: over the upload guard's limit (422), under the upload body limit (32MB)
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Response r =
                post("policy", Multipart.of(Map.of("edition", "ocop-2019", "note", "too big"), Map.of("big.csv", big)));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("UPLOAD_REFUSED");

        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        try {
            Response tooLarge = post(
                    "policy",
                    Multipart.of(Map.of("edition", "ocop-2019", "note", "too big"), Map.of("huge.csv", huge)));
            assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
            assertThat(tooLarge.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        } catch (IllegalStateException e) {
            // the server answered 413 by Content-Length and closed the connection before the client finished sending
            assertThat(e.getCause()).isNotNull();
        }
        // other endpoints keep the 1MB limit
        Response dossier =
                http().post("/api/v1/dossiers", "integration", "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}");
        assertThat(dossier.status()).isEqualTo(413);
    }

    @Test
    void aCouncilMemberCannotUpload() throws IOException {
        Response r = post(
                "council",
                Multipart.of(Map.of("edition", "ocop-2019", "note", "not mine"), Map.of(PATH, newThresholds())));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
    }
}
