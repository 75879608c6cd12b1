package vn.ocop.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ocop.rules.pack.BuiltInPacks;

/** The rules command line, called in-process (no web server, no store). */
class RulesCliTests {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = RulesCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path edition(String id, String fromThreshold) throws IOException {
        Path folder = dir.resolve(id);
        for (var e : BuiltInPacks.pack(id).files().entrySet()) {
            if (e.getKey().startsWith("engine/")) continue;
            Path p = folder.resolve(e.getKey());
            Files.createDirectories(p.getParent() == null ? folder : p.getParent());
            Files.write(p, e.getValue());
        }
        if (fromThreshold != null) {
            Path t = folder.resolve("stars/thresholds.csv");
            Files.writeString(t, Files.readString(t).replace("70,90,4", fromThreshold + ",90,4"));
        }
        return folder;
    }

    @Test
    void usageAndMissingInputsExitTwo() throws IOException {
        assertThat(cli().status()).isEqualTo(2);
        assertThat(cli("frobnicate", "x").status()).isEqualTo(2);
        Run simulate = cli("simulate", edition("ocop-2023", null).toString());
        assertThat(simulate.status()).isEqualTo(2);
        assertThat(simulate.err()).contains("folder of dossiers");
    }

    @Test
    void aPackWithNoScenarioToRunFails() throws IOException {
        Path folder = edition("ocop-2023", null);
        Path manifest = folder.resolve("edition.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("id: ocop-2023", "id: tinh-khong-kich-ban"));
        Run r = cli("test", folder.toString());
        assertThat(r.status()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("running 0 scenarios").contains("no scenario to run");
    }

    @Test
    void aBrokenThresholdFailsWithItsLine() throws IOException {
        Run r = cli("validate", edition("ocop-2023", "72").toString());
        assertThat(r.status()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("stars/thresholds.csv:14:").contains("FAILED");
    }

    @Test
    void theBuiltInPackPassesItsScenariosAndSimulates() throws IOException {
        Path folder = edition("ocop-2023", null);
        Run test = cli("test", folder.toString());
        assertThat(test.status()).as(test.out()).isZero();
        assertThat(test.out()).contains("OK: valid").contains(" 0 failed");
        assertThat(test.err()).contains("100%");

        Path dossiers = Files.createDirectories(dir.resolve("dossiers"));
        Files.writeString(dossiers.resolve("d1.json"), """
                {"edition":"ocop-2023","sheet":"food","assessments":[{"member":"A","selections":{}}]}""");
        Run sim = cli("simulate", folder.toString(), dossiers.toString());
        assertThat(sim.status()).as(sim.out() + sim.err()).isZero();
        assertThat(sim.out()).contains("star matrix").contains("1 scored, 0 change stars");
    }
}
