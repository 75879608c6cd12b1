package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pack.RulePackCompiler;

/**
 * The sandbox JVM on its own: it scores exactly as this JVM does, and a pack that exhausts memory (a join of every
 * selection with every other, which the upload guard cannot see) kills only the sandbox: the caller gets a
 * RULESET_SANDBOX_OUT_OF_MEMORY (or _TIMEOUT) failure, and this JVM goes on.
 */
class RuleSandboxTests {
    static final String EDITION = "ocop-2023";

    /** The built-in pack with only the FOOD sheets (so one kjar is compiled, not six) and an extra council rule. */
    static RulePack withCouncilRule(String drl) {
        RulePack builtIn = BuiltInPacks.pack(EDITION);
        Map<String, byte[]> files = new TreeMap<>(builtIn.files());
        builtIn.manifest().sheets().stream()
                .filter(s -> !s.group().equals("FOOD"))
                .forEach(s -> files.remove(s.file()));
        if (drl != null) files.put("council/extra.drl", drl.getBytes(StandardCharsets.UTF_8));
        return new RulePack(EDITION, files);
    }

    static Map<String, byte[]> kjars(RulePack pack) {
        RulePackCompiler.Compilation c = new RulePackCompiler().compile(pack);
        assertThat(c.errors()).isEmpty();
        assertThat(c.kjars()).containsOnlyKeys("FOOD");
        return c.kjars();
    }

    static EvaluationRequest request(CompiledRulePack pack, int members) {
        SheetInfo sheet = pack.sheet("food").orElseThrow();
        List<Assessment> assessments = new java.util.ArrayList<>();
        for (int m = 0; m < members; m++) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            sheet.criteria().forEach(c -> selections.put(c.code(), c.options().size()));
            assessments.add(new Assessment("Thành viên " + (m + 1), selections));
        }
        return new EvaluationRequest(EDITION, "food", null, assessments);
    }

    @Test
    void theSandboxScoresAsThisJvmDoes() {
        RulePack pack = withCouncilRule(null);
        Map<String, byte[]> kjars = kjars(pack);
        CompiledRulePack here = CompiledRulePack.load(pack, kjars);
        EvaluationRequest request = request(here, 3);
        RuleSandbox sandbox = new RuleSandbox("128m", Duration.ofSeconds(120), 1);
        try (RuleSandbox.Session s = sandbox.open(EDITION, pack.files(), kjars)) {
            SandboxMessages.Evaluated e = s.evaluate(List.of(request, request));
            EvaluationResult expected = here.evaluate(request);
            assertThat(e.failures()).containsOnlyNulls();
            assertThat(e.results()).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(expected));
            assertThat(expected.stars()).isEqualTo(5);
        } finally {
            sandbox.destroy();
        }
    }

    @Test
    void aRuleThatExhaustsMemoryKillsOnlyTheSandbox() {
        String cross = """
                package vn.ocop.editions.ocop2023.council;
                import vn.ocop.rules.model.*;
                rule "mọi lựa chọn nối với mọi lựa chọn"
                    ruleflow-group "aggregate"
                when
                    $c : Council()
                    $a : Selection()
                    $b : Selection()
                    $d : Selection()
                    $e : Selection()
                    $f : Selection()
                then
                    $c.report("X", "WARNING", null, null, "x");
                end
                """;
        RulePack pack = withCouncilRule(cross);
        Map<String, byte[]> kjars = kjars(pack);
        RulePack plain = withCouncilRule(null);
        Map<String, byte[]> plainKjars = kjars(plain);
        EvaluationRequest request = request(CompiledRulePack.load(plain, plainKjars), 5);
        RuleSandbox sandbox = new RuleSandbox("64m", Duration.ofSeconds(60), 1);
        try {
            assertThatThrownBy(() -> {
                        try (RuleSandbox.Session s = sandbox.open(EDITION, pack.files(), kjars)) {
                            s.evaluate(List.of(request));
                        }
                    })
                    .isInstanceOfSatisfying(RuleSandbox.SandboxFailure.class, f -> {
                        assertThat(f.code()).isIn("RULESET_SANDBOX_OUT_OF_MEMORY", "RULESET_SANDBOX_TIMEOUT");
                        assertThat(f.getMessage()).contains("quy tắc");
                    });
            // the slot came back: the next sandbox starts
            try (RuleSandbox.Session s = sandbox.open(EDITION, plain.files(), plainKjars)) {
                assertThat(s.evaluate(List.of(request)).results().get(0).stars())
                        .isEqualTo(5);
            }
        } finally {
            sandbox.destroy();
        }
    }
}
