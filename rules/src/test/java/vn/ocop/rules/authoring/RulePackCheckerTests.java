package vn.ocop.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.RuleFileProblem;

class RulePackCheckerTests {

    private final BoundedCompiler worker = new BoundedCompiler(Duration.ofSeconds(30), 1);
    private final RulePackChecker checker = new RulePackChecker(worker);

    @AfterEach
    void close() {
        worker.close();
    }

    private static byte[] res(String name) {
        return RuleSourceGuardTests.resource(name).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPackInTheDesignNotesLayoutPasses() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("edition.yaml", "id: ocop-2019-hn\nextends: ocop-2019\n".getBytes(StandardCharsets.UTF_8));
        files.put("sheets/food-fresh-produce.csv", res("sheet-valid.csv"));
        files.put("council/spread.drl", res("valid.drl"));
        RulePackChecker.Report report = checker.check(files);
        assertThat(report.problems()).isEmpty();
        assertThat(report.drlSources()).containsOnlyKeys("council/spread.drl", "sheets/food-fresh-produce.csv");
        assertThat(report.drlSources().get("sheets/food-fresh-produce.csv")).contains("$s.award(3,");
    }

    @Test
    void everyRefusalOfThePackIsListedWithFileAndLine() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sheets/attack.csv", res("sheet-attack.csv"));
        files.put("gates/exit.drl", res("system-exit.drl"));
        files.put("gates/ok.drl", res("valid.drl"));
        RulePackChecker.Report report = checker.check(files);
        assertThat(report.problems())
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(
                        tuple("gates/exit.drl", 10, "NAME_NOT_ALLOWED"),
                        tuple("sheets/attack.csv", 10, "NAME_NOT_ALLOWED"));
        assertThat(report.drlSources()).containsOnlyKeys("gates/ok.drl");
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedBeforeAnythingIsParsed() {
        byte[] big = new byte[50 * 1024 * 1024];
        RulePackChecker.Report report = checker.check(Map.of("sheets/big.xlsx", big));
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .extracting(RuleFileProblem::code)
                .containsExactly("UPLOAD_TOO_LARGE", "FILE_TOO_LARGE");
    }

    @Test
    void aPathologicallyNestedFileIsRefusedNotCrashed() {
        String deep = "(".repeat(200_000) + "1" + ")".repeat(200_000);
        String drl = "package vn.ocop.editions.t;\nimport vn.ocop.rules.model.Selection;\n"
                + "rule \"deep\" when $s : Selection( option == " + deep + " ) then end\n";
        RulePackChecker.Report report = checker.check(Map.of("deep.drl", drl.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.ok()).isFalse();
        assertThat(report.drlSources()).isEmpty();
    }

    @Test
    void aFileOfBackslashesIsCheckedQuickly() {
        String drl = "package vn.ocop.editions.t;\n//" + "\\".repeat(1_500_000) + "\n";
        long start = System.nanoTime();
        RulePackChecker.Report report = checker.check(Map.of("slashes.drl", drl.getBytes(StandardCharsets.UTF_8)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.problems()).isEmpty();
    }
}
