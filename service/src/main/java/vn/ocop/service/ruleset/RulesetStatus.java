package vn.ocop.service.ruleset;

/**
 * Where a ruleset version is in its lifecycle. Only {@link Ruleset} moves a version from one status to another; the
 * table of legal moves is in docs/rulesets.md.
 */
public enum RulesetStatus {
    /** Uploaded, not (or not successfully) validated. */
    DRAFT,
    /** Compiled without problems; its tests may run and it may be simulated and published. */
    VALIDATED,
    /** Scores from its effectiveFrom on. */
    PUBLISHED,
    /** Rolled back: no longer scores, kept so that old records replay on it. */
    RETIRED;

    /** Still a draft (DRAFT or VALIDATED): it can be validated again or deleted. */
    boolean isDraft() {
        return this == DRAFT || this == VALIDATED;
    }

    /** Compiled: its tests can run (only a VALIDATED version records them). */
    boolean isCompiled() {
        return this != DRAFT;
    }
}
