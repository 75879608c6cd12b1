package vn.ocop.service.ruleset;

import java.util.Optional;
import vn.ocop.rules.api.PackVersion;

/**
 * The ruleset feature's answer to "which pack scored this record": the exact version a stored evaluation names,
 * retired versions too, accepted only when its content hash is the recorded one. Audit (replay, explanations) and
 * evaluation ask this, not each other.
 */
public interface RulesetVersions {
    /** The compiled pack of exactly this edition and version whose content hash is {@code sha256}, if it can be loaded. */
    Optional<PackVersion> find(String edition, String version, String sha256);
}
