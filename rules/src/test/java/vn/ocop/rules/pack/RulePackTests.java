package vn.ocop.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.engine.CompiledRulePack;

class RulePackTests {
    private final RulePack ocop2019 = BuiltInPacks.pack("ocop-2019");

    @Test
    void shaDependsOnPathsAndContentsNotOnInsertionOrder() {
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("b.drl", bytes("x"));
        a.put("a.drl", bytes("y"));
        Map<String, byte[]> b = new TreeMap<>(a);
        assertThat(new RulePack("e", a).sha256()).isEqualTo(new RulePack("e", b).sha256());
        assertThat(new RulePack("e", Map.of("a.drl", bytes("xy"))).sha256())
                .as("path/content boundaries are part of the hash")
                .isNotEqualTo(new RulePack("e", Map.of("a.drl", bytes("x"), "a.drl2", bytes("y"))).sha256());
        assertThat(new RulePack("e", Map.of("a.drl", bytes("x"))).sha256())
                .isNotEqualTo(new RulePack("e", Map.of("a.drl", bytes("X"))).sha256());
    }

    @Test
    void builtInPackHoldsTheLayoutAndTheSharedEngineRules() {
        assertThat(ocop2019.files().keySet())
                .contains(
                        "edition.yaml",
                        "sheets/food-fresh-produce.csv",
                        "stars/thresholds.csv",
                        "council/spread.drl",
                        "self-assessment/food-fresh-produce.drl",
                        "engine/average.drl",
                        "engine/claims.drl");
        assertThat(ocop2019.files().keySet())
                .filteredOn(p -> p.startsWith("sheets/"))
                .hasSize(7);
    }

    @Test
    void precompiledKjarsMatchTheBuiltInPacks() {
        for (String id : BuiltInPacks.editionIds()) {
            var sha = Thread.currentThread()
                    .getContextClassLoader()
                    .getResourceAsStream("compiled/" + id + "/pack.sha256");
            assertThat(sha).as("build-time kjars for " + id).isNotNull();
            try (sha) {
                assertThat(new String(sha.readAllBytes(), StandardCharsets.UTF_8).strip())
                        .isEqualTo(BuiltInPacks.pack(id).sha256());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void childFilesReplaceTheParentsOfTheSamePath() {
        RulePack child = new RulePack(
                "tinh-x",
                Map.of(
                        "edition.yaml", bytes("id: tinh-x\nextends: ocop-2019\nversion: \"7\"\n"),
                        "council/spread.drl", bytes("package x\n")));
        RulePack resolved = child.extend(ocop2019);
        assertThat(resolved.file("council/spread.drl"))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("package x\n"));
        assertThat(resolved.file("stars/thresholds.csv"))
                .hasValueSatisfying(b -> assertThat(b)
                        .isEqualTo(ocop2019.file("stars/thresholds.csv").orElseThrow()));
        assertThat(resolved.file("parent/edition.yaml")).isPresent();
        EditionManifest manifest = resolved.manifest();
        assertThat(manifest.id()).isEqualTo("tinh-x");
        assertThat(manifest.version()).isEqualTo("7");
        assertThat(manifest.extendsEdition()).isEqualTo("ocop-2019");
        assertThat(manifest.sheets()).isEqualTo(ocop2019.manifest().sheets());
        assertThat(manifest.effectiveFrom()).isEqualTo(ocop2019.manifest().effectiveFrom());
    }

    @Test
    void typeErrorsNameTheFileOnce() {
        Map<String, byte[]> files = new TreeMap<>(ocop2019.files());
        files.put("council/spread.drl", bytes("package x\n\nrule \"broken\"\nwhen\n    NoSuchFact( )\nthen\nend\n"));
        RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(new RulePack("ocop-2019", files));
        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.kjars()).isEmpty();
        assertThat(compilation.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("council/spread.drl");
            assertThat(e.message()).contains("NoSuchFact");
        });
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        Map<String, byte[]> files = new TreeMap<>(ocop2019.files());
        files.put(
                "gates/syntax.drl", bytes("package y\n\nrule \"unfinished\"\nwhen\n    Council( stars >\nthen\nend\n"));
        RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(new RulePack("ocop-2019", files));
        assertThat(compilation.errors()).doesNotHaveDuplicates().anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("gates/syntax.drl");
            assertThat(e.line()).isEqualTo(7);
        });
    }

    @Test
    void aSheetThatDoesNotAddUpIsACompileError() {
        Map<String, byte[]> files = new TreeMap<>(ocop2019.files());
        String csv = new String(files.get("sheets/food-fresh-produce.csv"), StandardCharsets.UTF_8)
                .replace("75% đến 100% trong tỉnh → 3 điểm,A1.1,3,3,", "75% đến 100% trong tỉnh → 4 điểm,A1.1,3,4,");
        files.put("sheets/food-fresh-produce.csv", bytes(csv));
        List<CompileError> errors =
                new RulePackCompiler().compile(new RulePack("ocop-2019", files)).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("sheets/food-fresh-produce.csv");
            assertThat(e.message()).contains("phần A").contains("36").contains("35");
        });
    }

    @Test
    void aMissingSheetFileIsSkippedWithAWarningAndIsThenUnknown() {
        Map<String, byte[]> files = new TreeMap<>(ocop2019.files());
        files.keySet().removeIf(p -> p.startsWith("sheets/") && !p.equals("sheets/food-fresh-produce.csv"));
        RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(new RulePack("ocop-2019", files));
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings())
                .hasSize(6)
                .allSatisfy(w -> assertThat(w).contains("skipped"));
        assertThat(compilation.kjars()).containsOnlyKeys("FOOD");
        CompiledRulePack pack = CompiledRulePack.load(compilation.pack(), compilation.kjars());
        assertThat(pack.sheets()).containsOnlyKeys("food-fresh-produce");
        assertThat(pack.evaluate(new EvaluationRequest(
                                "ocop-2019", "beverage", null, List.of(new Assessment("An", Map.of()))))
                        .findings())
                .extracting(Finding::code)
                .containsExactly("UNKNOWN_SHEET");
    }

    @Test
    void anUnresolvedProvincialPackIsACompileError() {
        RulePack child =
                new RulePack("tinh-x", Map.of("edition.yaml", bytes("id: tinh-x\nextends: ocop-2019\nsheets: []\n")));
        assertThat(new RulePackCompiler().compile(child).errors())
                .extracting(CompileError::message)
                .anySatisfy(m -> assertThat(m).contains("ocop-2019").contains("extend"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
