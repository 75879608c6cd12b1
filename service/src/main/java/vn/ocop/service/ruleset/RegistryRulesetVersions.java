package vn.ocop.service.ruleset;

import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.PackVersion;

/**
 * Any stored version of an edition, retired ones too, from the ruleset registry: the pack of exactly the recorded
 * version, accepted only when its SHA-256 is the recorded one (a re-seeded or altered version is never used to replay).
 */
@Component
class RegistryRulesetVersions implements RulesetVersions {
    private final RulesetRegistry registry;

    RegistryRulesetVersions(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<PackVersion> find(String edition, String version, String sha256) {
        if (edition == null || version == null || sha256 == null) return Optional.empty();
        int number;
        try {
            number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return registry.version(edition, number).filter(p -> Objects.equals(p.sha256(), sha256));
    }
}
