package vn.ocop.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.service.OcopApplication;
import vn.ocop.service.docs.Shell.Token;

/**
 * Every curl example of {@code docs/api.md} and the README, run in order against the application started on a
 * random port with the embedded store, the shipped editions and the {@code local} profile's users. Each must answer
 * the status its document shows ({@code # 201}, {@code → 202}; otherwise any 2xx) and, where the document shows
 * a JSON answer ({@code # → {"outcome":…}}), have its top-level fields. A failing example fails the build: fix
 * the document (or the code), never this list.
 */
class DocumentedExamplesIT {

    /** The ids the examples pass on ({@code $ID}…): read from the answer of the latest example that creates one. */
    private static final List<Capture> CAPTURES = List.of(
            new Capture("GET", Pattern.compile("/api/v1/editions/ocop-2026/sheets$"), "SHEET", "/0/id"),
            new Capture("POST", Pattern.compile("/api/v1/dossiers$"), "ID", "/id"),
            new Capture("POST", Pattern.compile("/api/v1/dossiers/[^/]+/evaluations$"), "EVALUATION_ID", "/id"),
            new Capture("POST", Pattern.compile("/api/v1/rulesets/[^/]+/simulate$"), "JOB_ID", "/id"),
            new Capture("POST", Pattern.compile("/api/v1/replays$"), "JOB_ID", "/id"),
            new Capture("POST", Pattern.compile("/api/v1/certificates$"), "N", "/number"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JQ_KEY = Pattern.compile("([{,]\\s*)([A-Za-z_][A-Za-z0-9_]*)\\s*:");

    record Capture(String method, Pattern path, String variable, String pointer) {}

    @TempDir
    static Path data;

    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() {
        app = SpringApplication.run(
                OcopApplication.class,
                "--server.port=0",
                "--spring.profiles.active=local",
                "--ocop.storage.embedded.path=" + data.resolve("ocop.mv"),
                "--spring.main.banner-mode=off",
                // the examples are about answers, not this machine's speed: a busy CI may compile slowly
                "--ocop.rulesets.compile-timeout=600s",
                "--ocop.rulesets.sandbox.timeout=600s");
        base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyExampleOfTheApiGuideAnswersAsDocumented(@TempDir Path folder) throws Exception {
        assertThat(runAll("docs/api.md", folder))
                .as("examples of docs/api.md that fail")
                .isEmpty();
    }

    @Test
    void everyExampleOfTheReadmeAnswersAsDocumented(@TempDir Path folder) throws Exception {
        assertThat(runAll("README.md", folder))
                .as("examples of README.md that fail")
                .isEmpty();
    }

    private List<String> runAll(String document, Path folder) throws Exception {
        copyFixtures(folder);
        List<CurlExamples.Example> examples =
                CurlExamples.parse(document, Files.readString(Path.of("..").resolve(document), StandardCharsets.UTF_8));
        Map<String, String> vars = new HashMap<>();
        vars.put("B", base);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (CurlExamples.Example example : examples) {
            try {
                requests += run(example, vars, folder, failures);
            } catch (Exception | AssertionError e) {
                failures.add(example + "\n    → " + e.getMessage());
            }
        }
        assertThat(requests).as("requests sent for " + document).isGreaterThan(3);
        return failures;
    }

    /** Runs one example (a list of commands); returns how many requests it sent. */
    private int run(CurlExamples.Example example, Map<String, String> vars, Path folder, List<String> failures)
            throws Exception {
        int sent = 0;
        for (List<Token> command : Shell.commands(Shell.tokens(example.command(), Shell.lookup(vars)))) {
            byte[] piped = null;
            List<List<String>> stages = stages(command);
            for (int s = 0; s < stages.size(); s++) {
                List<String> words = stages.get(s);
                String program = words.get(0);
                if (words.size() == 1 && program.matches("[A-Z_][A-Z0-9_]*=.*")) {
                    String name = program.substring(0, program.indexOf('='));
                    // B stays the started application, and what the service answered wins over what the document
                    // wrote down ("N=82-2026-00001   # the number answered above")
                    boolean captured =
                            CAPTURES.stream().anyMatch(c -> c.variable().equals(name)) && vars.containsKey(name);
                    if (!name.equals("B") && !captured) {
                        vars.put(name, program.substring(name.length() + 1));
                    }
                } else if (program.equals("jq")) {
                    piped = jq(words, folder);
                } else if (program.equals("curl")) {
                    Curl.Answer answer = Curl.run(words.subList(1, words.size()), piped, folder);
                    sent++;
                    String redirect = redirect(command);
                    if (redirect != null && s == stages.size() - 1) {
                        Files.write(folder.resolve(redirect), answer.body());
                    }
                    check(example, answer, failures);
                    capture(words, answer, vars);
                } else {
                    return sent; // a build or start command (mvn, java, docker): not a request
                }
            }
        }
        return sent;
    }

    private static List<List<String>> stages(List<Token> command) {
        List<List<String>> stages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            Token t = command.get(i);
            if (t.operator() && t.text().equals("|")) {
                stages.add(current);
                current = new ArrayList<>();
            } else if (t.operator() && t.text().equals(">")) {
                i++; // the file name: see redirect()
            } else {
                current.add(t.text());
            }
        }
        stages.add(current);
        return stages;
    }

    private static String redirect(List<Token> command) {
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).operator() && command.get(i).text().equals(">")) {
                return command.get(i + 1).text();
            }
        }
        return null;
    }

    private static void check(CurlExamples.Example example, Curl.Answer answer, List<String> failures) {
        String problem = null;
        if (example.status().isPresent()) {
            if (answer.status() != example.status().getAsInt()) {
                problem = "status " + answer.status() + ", the document says "
                        + example.status().getAsInt();
            }
        } else if (answer.status() / 100 != 2) {
            problem = "status " + answer.status() + ", the document implies success";
        }
        if (problem == null && !example.fields().isEmpty()) {
            JsonNode json = JSON.readTree(answer.text());
            List<String> missing =
                    example.fields().stream().filter(f -> !json.has(f)).toList();
            if (!missing.isEmpty()) {
                problem = "the answer has no " + missing + " (the document shows them)";
            }
        }
        if (problem != null) {
            String body = answer.text();
            failures.add(example + "\n    → " + problem + ": "
                    + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
        }
    }

    private static void capture(List<String> words, Curl.Answer answer, Map<String, String> vars) {
        if (!answer.contentType().contains("json") || answer.status() / 100 != 2) {
            return;
        }
        String method = method(words);
        String url =
                words.stream().filter(w -> w.startsWith("http")).findFirst().orElse("");
        String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        for (Capture c : CAPTURES) {
            if (c.method().equals(method) && c.path().matcher(path).find()) {
                JsonNode value = JSON.readTree(answer.text()).at(c.pointer());
                if (!value.isMissingNode()) {
                    vars.put(c.variable(), value.asString());
                }
            }
        }
    }

    private static String method(List<String> words) {
        int x = words.indexOf("-X");
        if (x >= 0) {
            return words.get(x + 1);
        }
        boolean body = Stream.of("-d", "--data", "--data-binary", "-F").anyMatch(words::contains);
        return body ? "POST" : "GET";
    }

    /** {@code jq -n --rawfile NAME FILE 'FILTER'} for a filter that builds an object of literals and NAME. */
    private static byte[] jq(List<String> words, Path folder) throws Exception {
        assertThat(words).as("the jq form the documents use").hasSize(6).startsWith("jq", "-n", "--rawfile");
        String text = Files.readString(folder.resolve(words.get(4)), StandardCharsets.UTF_8);
        Matcher m = JQ_KEY.matcher(words.get(5));
        String filter = m.replaceAll("$1\"$2\":");
        String json = filter.replace("$" + words.get(3), JSON.writeValueAsString(text));
        return JSON.writeValueAsBytes(JSON.readTree(json));
    }

    /** The files the examples send ({@code -d @dossier.json}…), from {@code src/test/resources/docs-examples}. */
    private static void copyFixtures(Path folder) throws Exception {
        Path fixtures = Path.of("src/test/resources/docs-examples");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName().toString()));
            }
        }
    }
}
