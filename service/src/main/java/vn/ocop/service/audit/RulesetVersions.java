package vn.ocop.service.audit;

import vn.ocop.rules.api.PackVersion;
import java.util.Optional;

/**
 * Where replays find the exact ruleset version a record names, retired versions too. Implemented now by the built-in
 * packs ({@link BuiltInRulesetVersions}); the ruleset registry of the lifecycle feature replaces that one bean.
 */
public interface RulesetVersions {
    /** The compiled pack of exactly this edition and version whose content hash is {@code sha256}, if it can be loaded. */
    Optional<PackVersion> find(String edition, String version, String sha256);
}
