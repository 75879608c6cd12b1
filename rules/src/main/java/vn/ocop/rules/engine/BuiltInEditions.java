package vn.ocop.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pack.RulePackCompiler;

/** The editions shipped on the classpath ({@link BuiltInPacks}), loaded: from the kjars compiled at build time when they match. */
public final class BuiltInEditions {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInEditions.class);

    private BuiltInEditions() {}

    /** Loads every built-in edition, from precompiled kjars when they match, else by compiling (slow; logged). */
    public static List<CompiledRulePack> loadAll() {
        List<CompiledRulePack> packs = new ArrayList<>();
        for (String id : BuiltInPacks.editionIds()) {
            packs.add(load(BuiltInPacks.pack(id)));
        }
        return packs;
    }

    /** One built-in edition, loaded from its precompiled kjars when they match (not warmed). */
    public static CompiledRulePack load(String editionId) {
        return load(BuiltInPacks.pack(editionId));
    }

    static CompiledRulePack load(RulePack pack) {
        Optional<Map<String, byte[]>> kjars = BuiltInPacks.precompiledKjars(pack);
        if (kjars.isPresent()) return CompiledRulePack.load(pack, kjars.get());
        LOG.warn(
                "No precompiled kjars matching edition {} (sha {}); compiling its rules now",
                pack.editionId(),
                pack.sha256());
        RulePackCompiler.Compilation compilation = new RulePackCompiler().compile(pack);
        if (!compilation.succeeded()) {
            throw new IllegalStateException(
                    "built-in edition " + pack.editionId() + " does not compile: " + compilation.errors());
        }
        return CompiledRulePack.load(compilation.pack(), compilation.kjars());
    }
}
