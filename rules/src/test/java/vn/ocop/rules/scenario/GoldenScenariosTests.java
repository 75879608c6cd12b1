package vn.ocop.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.pack.BuiltInPacks;

/**
 * Runs every scenario file under scenarios/ (one DynamicTest each), then reports the rules no scenario
 * fired (test output and target/unfired-rules.txt). The report fails when an award rule of any sheet of a
 * built-in edition (one option of one criterion) was never fired: a criteria change must come with a scenario. Other
 * rules (stars, gates, council, claims, self-assessment) are listed but do not fail the build.
 */
class GoldenScenariosTests {
    private static final String FULLY_COVERED = "ocop-2026";
    private static final Path UNFIRED_REPORT = Path.of("target", "unfired-rules.txt");

    /** "edition/group" → rule names fired by some scenario. */
    private final Map<String, Set<String>> fired = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        DroolsRulesEngine engine = TestEngines.engine();
        // the shipped scenarios (src/main/resources) and those of the test packs (src/test/resources)
        List<DynamicTest> tests = new ArrayList<>();
        for (java.net.URL url :
                java.util.Collections.list(getClass().getClassLoader().getResources("scenarios"))) {
            Path root = Path.of(url.toURI());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".yaml")
                                || p.toString().endsWith(".yml")
                                || p.toString().endsWith(".json"))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                String path = root.relativize(file).toString().replace('\\', '/');
                ScenarioFile scenario = ScenarioFile.parse(path, Files.readAllBytes(file));
                tests.add(DynamicTest.dynamicTest(
                        path + ": " + scenario.name(), file.toUri(), () -> run(engine, scenario)));
            }
        }
        tests.add(DynamicTest.dynamicTest(
                "every award rule of every sheet is fired by some scenario", () -> reportUnfired(engine)));
        return tests.stream();
    }

    private void run(DroolsRulesEngine engine, ScenarioFile scenario) {
        EvaluationResult result = engine.pack(scenario.request().edition())
                .map(pack -> pack.evaluate(
                        scenario.request(), rule -> firedIn(pack, scenario).add(rule)))
                .orElseGet(() -> engine.evaluate(scenario.request()));
        assertThat(ScenarioRun.differences(scenario.expect(), result))
                .as("differences from the expect block")
                .isEmpty();
    }

    private Set<String> firedIn(CompiledRulePack pack, ScenarioFile scenario) {
        String group =
                pack.sheet(scenario.request().sheet()).map(SheetInfo::group).orElse("?");
        return fired.computeIfAbsent(pack.editionId() + "/" + group, k -> ConcurrentHashMap.newKeySet());
    }

    private void reportUnfired(DroolsRulesEngine engine) throws IOException {
        Map<String, TreeSet<String>> unfired = new TreeMap<>();
        List<String> unfiredAwards = new ArrayList<>();
        for (var info : engine.editions()) {
            CompiledRulePack pack = engine.pack(info.id()).orElseThrow();
            boolean builtIn = BuiltInPacks.editionIds().contains(pack.editionId());
            pack.ruleNames().forEach((group, names) -> {
                Set<String> done = fired.getOrDefault(pack.editionId() + "/" + group, Set.of());
                if (!builtIn && done.isEmpty()) return; // a test pack's groups without scenarios say nothing
                TreeSet<String> missing = new TreeSet<>(names);
                missing.removeAll(done);
                if (!missing.isEmpty()) unfired.put(pack.editionId() + "/" + group, missing);
            });
            if (!builtIn) continue; // test packs inherit their sheets
            for (SheetInfo sheet : pack.sheets().values()) {
                Set<String> done = fired.getOrDefault(pack.editionId() + "/" + sheet.group(), Set.of());
                sheet.criteria().stream()
                        .flatMap(c -> c.options().stream())
                        .map(OptionInfo::rule)
                        .filter(rule -> !done.contains(rule))
                        .forEach(rule -> unfiredAwards.add(pack.editionId() + "/" + sheet.id() + ": " + rule));
            }
        }
        StringBuilder report = new StringBuilder("# Rules no golden scenario fired, per edition/group\n");
        unfired.forEach((key, names) -> {
            report.append(key).append('\n');
            names.forEach(n -> report.append("  ").append(n).append('\n'));
        });
        Files.createDirectories(UNFIRED_REPORT.getParent());
        Files.writeString(UNFIRED_REPORT, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(unfiredAwards)
                .as("award rules that no scenario fires (add a scenario, see docs/rule-authoring.md)")
                .isEmpty();
        // ocop-2026's scenarios are generated to fire every rule of the edition, not only its award rules. A rule
        // counts as fired when it fired in any group's KieBase: the edition-wide files are in every group, and some
        // rows cannot fire on every sheet (sheet 26 scores at least 31 points, so never 1 star).
        Set<String> firedAnywhere = new TreeSet<>();
        fired.forEach((key, names) -> {
            if (key.startsWith(FULLY_COVERED + "/")) firedAnywhere.addAll(names);
        });
        TreeSet<String> neverFired = new TreeSet<>();
        unfired.forEach((key, names) -> {
            if (key.startsWith(FULLY_COVERED + "/")) neverFired.addAll(names);
        });
        neverFired.removeAll(firedAnywhere);
        assertThat(neverFired)
                .as("rules of " + FULLY_COVERED + " that no scenario fires")
                .isEmpty();
    }
}
