package vn.ocop.rules;

import java.util.ArrayList;
import java.util.List;
import vn.ocop.rules.engine.BuiltInEditions;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.RulePackCompiler;

/** One engine for all tests: the built-in editions plus the test-only provincial example, compiled at run time. */
public final class TestEngines {
    public static final String PROVINCIAL = "dongthap-example";
    private static DroolsRulesEngine engine;

    private TestEngines() {}

    public static synchronized DroolsRulesEngine engine() {
        if (engine == null) {
            List<CompiledRulePack> packs = new ArrayList<>(BuiltInEditions.loadAll());
            packs.add(provincial());
            engine = new DroolsRulesEngine(packs);
        }
        return engine;
    }

    private static CompiledRulePack provincial() {
        RulePackCompiler.Compilation compilation =
                new RulePackCompiler().compile(BuiltInPacks.read("editions/" + PROVINCIAL));
        if (!compilation.succeeded())
            throw new AssertionError("provincial example does not compile: " + compilation.errors());
        return CompiledRulePack.load(compilation.pack(), compilation.kjars());
    }
}
