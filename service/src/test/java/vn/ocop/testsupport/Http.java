package vn.ocop.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A raw HTTP client for tests that must send what the generated client never would (bad JSON, wrong types…). */
public final class Http {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration timeout;

    public Http(int port) {
        this(port, Duration.ofSeconds(30));
    }

    /** For calls that compile rule packs (ruleset validation takes tens of seconds on a busy machine). */
    public Http(int port, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    public record Response(int status, String contentType, String etag, String location, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, String user, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (user != null) b.header("Authorization", basic(user));
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Location").orElse(null),
                    r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public Response get(String path, String user) {
        return send("GET", path, user, null, null);
    }

    public Response post(String path, String user, String json, String... headers) {
        return send(
                "POST",
                path,
                user,
                "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    public Response put(String path, String user, String json, String... headers) {
        return send("PUT", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A dossier body; {@code extra} JSON members are appended to the top level. */
    public static String dossierJson(String productName, String province, String extra) {
        return """
                {"product":{"name":"%s"},
                 "producer":{"name":"HTX Nông nghiệp Tân Thuận","type":"COOPERATIVE","taxOrRegistrationNumber":"1402345678"},
                 "location":{"provinceCode":"%s","communeCode":"%s"},
                 "edition":"ocop-2023","sheet":"food-fresh-produce",
                 "facts":{"rawMaterialInProvincePct":80.5,"certifications":["VIETGAP"]}%s}
                """.formatted(productName, province, communeOf(province), extra == null ? "" : "," + extra);
    }

    /** A commune of the province in the list in force from 2025-07-01 (the service refuses codes not in it). */
    public static String communeOf(String province) {
        return COMMUNES_2025.getOrDefault(province, "29869");
    }

    private static final java.util.Map<String, String> COMMUNES_2025 = firstCommunes();

    private static java.util.Map<String, String> firstCommunes() {
        java.util.Map<String, String> first = new java.util.HashMap<>();
        try (var in = Http.class.getClassLoader().getResourceAsStream("admin-units/units-2025.csv");
                var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().skip(1).map(l -> l.split(",")).forEach(c -> first.putIfAbsent(c[0], c[2]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        first.put("82", "29869"); // Đồng Tháp: the local profile's commune officer (commune-caolanh) works here
        return first;
    }

    public static String assessmentJson(String member, int a, int b, int c) {
        return """
                {"member":"%s","selections":{"A1":%d,"B1":%d,"C1":%d}}""".formatted(member, a, b, c);
    }
}
