package vn.ocop.rules.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.RuleFileProblem;
import vn.ocop.rules.engine.BuiltInEditions;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.EditionManifest;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pipeline.RulesetCompiler;
import vn.ocop.rules.scenario.BuiltInScenarios;
import vn.ocop.rules.scenario.ScenarioFile;
import vn.ocop.rules.scenario.ScenarioRun;

/**
 * {@code java -jar ocop-service.jar rules validate|test|simulate <folder>}: the server's checks without a server,
 * for policy officers and the CI of a province's rule repository. Exit status: 0 passed, 1 failed, 2 usage error.
 * A folder holds an edition's files as in rules/src/main/resources/editions/&lt;id&gt;/ (edition.yaml, sheets/, stars/,
 * …, optionally scenarios/&lt;GROUP&gt;/*.yaml); a provincial edition ({@code extends}) is resolved against the
 * built-in parent; engine/ always comes from the platform.
 */
public final class RulesCli {
    /** Evaluation dates are Vietnamese calendar days. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PrintStream out;
    private final PrintStream err;

    private RulesCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; answers the exit status (never calls System.exit: tests call this in-process). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        RulesCli cli = new RulesCli(out, err);
        if (args.length < 2 || !Set.of("validate", "test", "simulate").contains(args[0])) {
            err.println("usage: rules validate|test <folder>");
            err.println("       rules simulate <folder> <dossier-folder> [yyyy-mm-dd]");
            err.println("  <dossier-folder>: *.json files, each a POST /api/v1/evaluate body"
                    + " {edition, sheet, dossier: {facts}, assessments: [{member, selections}]}");
            return 2;
        }
        try {
            return switch (args[0]) {
                case "validate" -> cli.validate(Path.of(args[1])) == null ? 1 : 0;
                case "test" -> cli.test(Path.of(args[1]));
                default ->
                    args.length < 3
                            ? cli.simulateUsage()
                            : cli.simulate(
                                    Path.of(args[1]),
                                    Path.of(args[2]),
                                    args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.now(VIETNAM));
            };
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private int simulateUsage() {
        err.println(
                "simulate needs a folder of dossiers: rules simulate <rules-folder> <dossier-folder> [evaluation-date]");
        err.println(
                "  each *.json is a POST /api/v1/evaluate body: {edition, sheet, dossier: {…facts}, assessments: [{member, selections}]}");
        return 2;
    }

    /** The compiled pack, or null after printing the problems. */
    CompiledRulePack validate(Path folder) throws IOException {
        RulePack pack = read(folder);
        out.println("Kiểm tra / validating " + pack.editionId() + " ("
                + pack.files().size() + " files, sha256 " + pack.sha256().substring(0, 12) + "…)");
        long start = System.nanoTime();
        try (RulesetCompiler compiler = new RulesetCompiler(Duration.ofMinutes(5))) {
            RulesetCompiler.Result r = compiler.compile(pack, pack.editionId());
            r.warnings().forEach(w -> out.println("  warning: " + w));
            for (RuleFileProblem p : r.problems()) {
                out.println("  " + p.file() + ":" + p.line() + ":" + p.column() + " " + p.code() + " " + p.message());
            }
            String took = String.format(" (%.1f s)", (System.nanoTime() - start) / 1e9);
            if (!r.ok()) {
                out.println("FAILED: " + r.problems().size() + " problem(s)" + took);
                return null;
            }
            out.println("OK: valid, groups " + r.pack().kjars().keySet() + took);
            return r.pack();
        }
    }

    int test(Path folder) throws IOException {
        CompiledRulePack pack = validate(folder);
        if (pack == null) return 1;
        List<ScenarioFile> scenarios = new ArrayList<>();
        List<Map<String, Object>> unreadable = new ArrayList<>();
        BuiltInScenarios.files(pack.editionId()).forEach((path, bytes) -> {
            if (pack.pack().files().containsKey(path)) return; // the folder's own scenario replaces the built-in one
            String name = "built-in:" + pack.editionId() + "/" + path.substring("scenarios/".length());
            try {
                scenarios.add(ScenarioFile.parse(name, bytes));
            } catch (IllegalArgumentException e) {
                unreadable.add(Map.of("file", name, "message", e.getMessage()));
            }
        });
        pack.pack().files().forEach((path, bytes) -> {
            if (path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"))) {
                try {
                    scenarios.add(ScenarioFile.parse(path, bytes));
                } catch (IllegalArgumentException e) {
                    unreadable.add(Map.of("file", path, "message", e.getMessage()));
                }
            }
        });
        out.println("Chạy kịch bản / running " + scenarios.size() + " scenarios");
        if (scenarios.isEmpty() && unreadable.isEmpty()) {
            // a pack with nothing to run proves nothing: add scenarios/<GROUP>/*.yaml (docs/rule-authoring.md)
            out.println("FAILED: không có kịch bản nào để chạy / no scenario to run (0 passed, 0 failed)");
            return 1;
        }
        List<ScenarioRun.Outcome> outcomes = new ArrayList<>();
        Map<String, List<String>> unfired = null;
        int batch = 20;
        for (int i = 0; i < scenarios.size(); i += batch) {
            ScenarioRun.Report r = ScenarioRun.run(pack, scenarios.subList(i, Math.min(scenarios.size(), i + batch)));
            outcomes.addAll(r.outcomes());
            // a rule is unfired when no batch fired it: intersect the batches' reports
            if (unfired == null) {
                unfired = new TreeMap<>(r.unfiredRules());
            } else {
                Map<String, List<String>> next = new TreeMap<>();
                for (var e : unfired.entrySet()) {
                    List<String> still = e.getValue().stream()
                            .filter(rule -> r.unfiredRules()
                                    .getOrDefault(e.getKey(), List.of())
                                    .contains(rule))
                            .toList();
                    if (!still.isEmpty()) next.put(e.getKey(), still);
                }
                unfired = next;
            }
            progress(Math.min(scenarios.size(), i + batch), scenarios.size());
        }
        if (unfired == null) unfired = ScenarioRun.run(pack, List.of()).unfiredRules();
        err.println();
        long failed = outcomes.stream().filter(o -> !o.passed()).count() + unreadable.size();
        unreadable.forEach(u -> out.println("  UNREADABLE " + u.get("file") + ": " + u.get("message")));
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> {
            out.println("  FAIL " + o.file() + " — " + o.name());
            o.differences().forEach(d -> out.println("       " + d));
        });
        long unfiredCount = unfired.values().stream().mapToLong(List::size).sum();
        out.println("Rules no scenario fired: " + unfiredCount + (unfiredCount == 0 ? "" : " " + unfired));
        out.println((failed == 0 ? "OK: " : "FAILED: ") + (outcomes.size() - failed + unreadable.size()) + " passed, "
                + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    int simulate(Path folder, Path dossiers, LocalDate date) throws IOException {
        CompiledRulePack candidate = validate(folder);
        if (candidate == null) return 1;
        List<Path> files;
        try (Stream<Path> s = Files.list(dossiers)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, CompiledRulePack> builtIn = new LinkedHashMap<>();
        BuiltInEditions.loadAll().forEach(p -> builtIn.put(p.editionId(), p));
        String base = candidate.editionId();
        if (!builtIn.containsKey(base) && candidate.info().extendsEdition() != null)
            base = candidate.info().extendsEdition();
        CompiledRulePack current = builtIn.get(base);
        if (current == null) {
            err.println("no built-in version of " + base + " to compare with");
            return 2;
        }
        out.println("So sánh / comparing with built-in " + current.editionId() + " version "
                + current.info().version() + " over " + files.size() + " dossiers");
        long[][] matrix = new long[6][6];
        long scored = 0, changed = 0, skipped = 0;
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (int i = 0; i < files.size(); i++) {
            Object doc = yaml.load(Files.readString(files.get(i), StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?> m)) {
                skipped++;
                continue;
            }
            @SuppressWarnings("unchecked")
            EvaluationRequest r = ScenarioFile.request((Map<String, Object>) m);
            EvaluationResult before = current.evaluate(
                    new EvaluationRequest(current.editionId(), r.group(), r.sheet(), r.facts(), r.assessments()));
            EvaluationResult after = candidate.evaluate(
                    new EvaluationRequest(candidate.editionId(), r.group(), r.sheet(), r.facts(), r.assessments()));
            int o = before.stars() == null ? 0 : before.stars(), n = after.stars() == null ? 0 : after.stars();
            matrix[o][n]++;
            scored++;
            if (o != n) {
                changed++;
                out.println("  " + files.get(i).getFileName() + ": " + before.averageTotalRounded() + " → "
                        + after.averageTotalRounded() + ", " + stars(o) + " → " + stars(n));
            }
            if (files.size() > 20 && (i % 50 == 0 || i == files.size() - 1)) progress(i + 1, files.size());
        }
        if (files.size() > 20) err.println();
        out.println("Ma trận sao / star matrix (rows: now, columns: with the change; '-' = INVALID)");
        out.println("        -     1     2     3     4     5");
        for (int o = 0; o < 6; o++) {
            StringBuilder row = new StringBuilder(String.format("  %s ", stars(o)));
            for (int n = 0; n < 6; n++) row.append(String.format("%5d ", matrix[o][n]));
            out.println(row);
        }
        out.println("OK: " + scored + " scored, " + changed + " change stars"
                + (skipped > 0 ? ", " + skipped + " unreadable" : ""));
        return 0;
    }

    private static String stars(int s) {
        return s == 0 ? "-" : String.valueOf(s);
    }

    private void progress(long done, long total) {
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + (100 * done / Math.max(1, total))
                + "% " + done + "/" + total);
        err.flush();
    }

    /** A folder as a pack: parent resolved from the built-ins, engine/ from the platform. */
    static RulePack read(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(RulePack.MANIFEST))) {
            throw new IllegalArgumentException(folder + " has no edition.yaml");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.") || rel.startsWith(RulesetCompiler.ENGINE)) continue;
                files.put(rel, Files.readAllBytes(p));
            }
        }
        EditionManifest m = EditionManifest.parse(files.get(RulePack.MANIFEST));
        RulePack pack = new RulePack(m.id(), files);
        if (m.extendsEdition() != null && !files.containsKey(RulePack.PARENT_PREFIX + RulePack.MANIFEST)) {
            pack = pack.extend(BuiltInPacks.pack(m.extendsEdition()));
        }
        Map<String, byte[]> withEngine = new TreeMap<>(pack.files());
        withEngine.keySet().removeIf(p -> p.startsWith(RulesetCompiler.ENGINE));
        withEngine.putAll(BuiltInPacks.engineFiles());
        return new RulePack(m.id(), withEngine);
    }
}
