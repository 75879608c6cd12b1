package vn.ocop.service.audit;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.rules.engine.DroolsRulesEngine;
import vn.ocop.rules.pack.CompiledRulePack;

/**
 * The versions the engine holds now: an edition's active pack, when its version and SHA-256 are the recorded ones.
 * Swap this bean for one backed by the ruleset registry to replay retired versions.
 */
@Component
class BuiltInRulesetVersions implements RulesetVersions {
    private final DroolsRulesEngine engine;

    BuiltInRulesetVersions(DroolsRulesEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<CompiledRulePack> find(String edition, String version, String sha256) {
        return engine.pack(edition)
                .filter(p -> Objects.equals(p.info().version(), version) && Objects.equals(p.sha256(), sha256));
    }
}
