package vn.ocop.service.ruleset;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "rulesetIntegrity": DOWN, with the refused versions and why, while any stored version failed its integrity
 * check (a kjar or source swapped in the database); UP otherwise. Scoring goes on without the refused versions.
 */
@Component("rulesetIntegrity")
class RulesetIntegrityHealth implements HealthIndicator {
    private final RulesetRegistry registry;

    RulesetIntegrityHealth(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, RulesetSeals.Broken> refused = registry.refused();
        if (refused.isEmpty()) return Health.up().build();
        Map<String, String> details = new TreeMap<>();
        refused.forEach((id, b) -> details.put(id, b.code() + ": " + b.message()));
        return Health.down().withDetail("refusedVersions", details).build();
    }
}
