package vn.ocop.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.EditionHeader;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.pack.BuiltInPacks;

/** The façade the service uses: what it answers is what the module's own classes answer. */
class RulePlatformTests {
    private static final RulePlatform RULES = RulePlatform.get();
    private static final String EDITION = "ocop-2019";

    private static PackVersion builtIn(String edition) {
        return RULES.loadBuiltIns().stream()
                .filter(v -> v.editionId().equals(edition))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPackMadeFromFilesHashesLikeTheStoredBuiltIn() {
        PackVersion version = builtIn(EDITION);
        PackSources again = RULES.pack(EDITION, version.pack().files());
        assertThat(again.sha256())
                .isEqualTo(version.sha256())
                .isEqualTo(BuiltInPacks.pack(EDITION).sha256());
        assertThat(RULES.load(again, version.kjars()).info()).isEqualTo(version.info());
    }

    @Test
    void theHeaderNamesTheParentAndAnUnreadableManifestIsRefused() {
        EditionHeader header = RULES.header("id: tinh-x\nextends: ocop-2023\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo(new EditionHeader("tinh-x", "ocop-2023"));
        assertThatThrownBy(() -> RULES.header(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RULES.header("id: [unclosed".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEngineOverNoVersionAnswersUnknownEditionAndForeignHandlesAreRefused() {
        var result = RULES.engine(List.of())
                .evaluate(new EvaluationRequest(EDITION, null, "food-fresh-produce", null, List.of()));
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.findings()).anyMatch(f -> f.code().equals("UNKNOWN_EDITION"));
        PackVersion foreign = (PackVersion) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PackVersion.class}, (proxy, method, args) -> null);
        assertThatThrownBy(() -> RULES.engine(List.of(foreign))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInScenariosRunInProcessAndAnUnreadableOneFails() {
        Map<String, byte[]> files = RULES.builtInScenarios(EDITION);
        assertThat(files)
                .isNotEmpty()
                .allSatisfy((path, bytes) ->
                        assertThat(path).startsWith("scenarios/").endsWith(".yaml"));
        List<SandboxMessages.Source> sources = new ArrayList<>();
        files.entrySet().stream()
                .filter(e -> e.getKey().startsWith("scenarios/FOOD/"))
                .limit(5)
                .forEach(e -> sources.add(new SandboxMessages.Source(e.getKey(), e.getValue())));
        sources.add(
                new SandboxMessages.Source("scenarios/FOOD/broken.yaml", "name: [".getBytes(StandardCharsets.UTF_8)));
        SandboxMessages.ScenarioReport report = RULES.runScenarios(builtIn(EDITION), sources);
        assertThat(report.outcomes()).hasSize(6);
        assertThat(report.outcomes())
                .filteredOn(o -> !o.passed())
                .singleElement()
                .satisfies(o -> assertThat(o.file()).isEqualTo("scenarios/FOOD/broken.yaml"));
        assertThat(RULES.builtInScenarios("no-such-edition")).isEmpty();
    }

    @Test
    void uploadLimitsAndTheCommandLineAreReachable() {
        assertThat(RULES.checkUploadLimits(Map.of("sheets/x.exe", new byte[] {1})))
                .isNotEmpty();
        assertThat(RULES.checkUploadLimits(Map.of("stars/thresholds.csv", "a,b\n".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(RULES.engineFiles())
                .isNotEmpty()
                .allSatisfy((path, bytes) -> assertThat(path).startsWith(PackSources.ENGINE_PREFIX));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RULES.runCommandLine(
                new String[0],
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: rules validate|test");
    }
}
