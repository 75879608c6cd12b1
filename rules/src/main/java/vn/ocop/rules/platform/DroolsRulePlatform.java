package vn.ocop.rules.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.CompileReport;
import vn.ocop.rules.api.EditionHeader;
import vn.ocop.rules.api.PackCompiler;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RuleFileProblem;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.rules.authoring.UploadLimits;
import vn.ocop.rules.cli.RulesCli;
import vn.ocop.rules.engine.BuiltInEditions;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.EditionManifest;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pipeline.RulesetCompiler;
import vn.ocop.rules.sandbox.SandboxMain;
import vn.ocop.rules.scenario.BuiltInScenarios;

/**
 * {@link RulePlatform} over this module's packages (registered in {@code META-INF/services}). It only delegates:
 * handles it answers are the module's own {@link RulePack} and {@link CompiledRulePack}, so a handle made elsewhere is
 * copied ({@link PackSources}) or refused ({@link PackVersion}).
 */
public final class DroolsRulePlatform implements RulePlatform {

    @Override
    public PackSources pack(String edition, Map<String, byte[]> files) {
        return new RulePack(edition, files);
    }

    @Override
    public PackSources extend(PackSources child, PackVersion parent) {
        return rulePack(child).extend(compiled(parent).pack());
    }

    @Override
    public EditionHeader header(byte[] manifestYaml) {
        EditionManifest m;
        try {
            m = EditionManifest.parse(manifestYaml);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // the YAML parser's own exceptions
        }
        return new EditionHeader(m.id(), m.extendsEdition());
    }

    @Override
    public Map<String, byte[]> engineFiles() {
        return BuiltInPacks.engineFiles();
    }

    @Override
    public List<RuleFileProblem> checkUploadLimits(Map<String, byte[]> files) {
        return UploadLimits.defaults().check(files);
    }

    @Override
    public List<PackVersion> loadBuiltIns() {
        return List.copyOf(BuiltInEditions.loadAll());
    }

    @Override
    public PackVersion load(PackSources pack, Map<String, byte[]> kjars) {
        return CompiledRulePack.load(rulePack(pack), kjars);
    }

    @Override
    public PackCompiler compiler(Duration timeout) {
        RulesetCompiler compiler = new RulesetCompiler(timeout);
        return new PackCompiler() {
            @Override
            public CompileReport compile(PackSources pack, String expectedEdition) {
                RulesetCompiler.Result r = compiler.compile(rulePack(pack), expectedEdition);
                return new CompileReport(r.pack(), r.problems(), r.warnings());
            }

            @Override
            public void close() {
                compiler.close();
            }
        };
    }

    @Override
    public RulesEngine engine(Collection<PackVersion> versions) {
        return new DroolsRulesEngine(
                versions.stream().map(DroolsRulePlatform::compiled).toList());
    }

    @Override
    public Map<String, byte[]> builtInScenarios(String edition) {
        return BuiltInScenarios.files(edition);
    }

    @Override
    public SandboxMessages.ScenarioReport runScenarios(PackVersion version, List<SandboxMessages.Source> scenarios) {
        return SandboxMain.scenarios(compiled(version), new SandboxMessages.RunScenarios(scenarios));
    }

    @Override
    public int runCommandLine(String[] args, PrintStream out, PrintStream err) {
        return RulesCli.run(args, out, err);
    }

    private static RulePack rulePack(PackSources sources) {
        return sources instanceof RulePack p ? p : new RulePack(sources.editionId(), sources.files());
    }

    private static CompiledRulePack compiled(PackVersion version) {
        if (version instanceof CompiledRulePack p) return p;
        throw new IllegalArgumentException("not a version loaded by the rules module: " + version);
    }
}
