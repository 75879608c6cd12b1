package vn.ocop.rules.api;

import java.util.List;

/**
 * What to score.
 *
 * @param edition     criteria edition id, e.g. "ocop-2026"
 * @param group       product group (optional); when given it must be the sheet's group
 * @param sheet       sheet id within the edition, e.g. "food-fresh-produce"
 * @param facts       the dossier's declared facts
 * @param assessments one per council member, plus at most one with role SELF (the producer's own sheet)
 * @param exclusions  exclusions or knock-outs found (codes of the sheet's exclusions); any one makes the result EXCLUDED
 */
public record EvaluationRequest(
        String edition,
        String group,
        String sheet,
        DeclaredFacts facts,
        List<Assessment> assessments,
        List<Exclusion> exclusions)
        implements java.io.Serializable {
    public EvaluationRequest {
        facts = facts == null ? DeclaredFacts.none() : facts;
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public EvaluationRequest(
            String edition, String group, String sheet, DeclaredFacts facts, List<Assessment> assessments) {
        this(edition, group, sheet, facts, assessments, List.of());
    }

    public EvaluationRequest(String edition, String sheet, DeclaredFacts facts, List<Assessment> assessments) {
        this(edition, null, sheet, facts, assessments, List.of());
    }
}
