package vn.ocop.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.authoring.BoundedCompiler;
import vn.ocop.rules.authoring.RulePackChecker;

/** The shipped rule files keep to what an uploaded pack may contain: fact-model calls only. */
class BuiltInPacksPassTheGuardTests {
    private final RulePackChecker checker = new RulePackChecker(new BoundedCompiler(Duration.ofSeconds(60), 1));

    @Test
    void everyBuiltInAndExampleRuleFilePassesTheUploadGuard() {
        for (RulePack pack : new RulePack[] {
            BuiltInPacks.pack("ocop-2019"),
            BuiltInPacks.pack("ocop-2023"),
            BuiltInPacks.read("editions/dongthap-example")
        }) {
            Map<String, byte[]> ruleFiles = new TreeMap<>(pack.files());
            ruleFiles.keySet().removeIf(p -> !(p.endsWith(".drl") || p.endsWith(".csv")));
            RulePackChecker.Report report = checker.check(ruleFiles);
            assertThat(report.problems()).as(pack.editionId()).isEmpty();
        }
    }

    @Test
    void theRuleFilesOfOcop2026PassTheUploadGuard() {
        // the edition-wide files and two sheets (one with cases): all 26 together take minutes to compile here
        Map<String, byte[]> ruleFiles =
                new TreeMap<>(BuiltInPacks.pack("ocop-2026").files());
        ruleFiles
                .keySet()
                .removeIf(p -> !(p.endsWith(".drl") || p.endsWith(".csv"))
                        || (p.startsWith("sheets/") && !p.startsWith("sheets/01-") && !p.startsWith("sheets/26-")));
        RulePackChecker.Report report = checker.check(ruleFiles);
        assertThat(report.problems()).isEmpty();
        assertThat(ruleFiles).containsKeys("minimums/star-minimums.drl", "conditions/cau-chuyen-san-pham.drl");
    }
}
