package vn.ocop.rules.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one evaluation.
 *
 * @param status          VALID, or INVALID when any ERROR finding was raised (then stars is null and nothing is scored)
 * @param edition         edition id that scored
 * @param sheet           sheet id that scored
 * @param rulesetVersion  version of the edition's rule pack
 * @param rulesetSha256   SHA-256 of the rule pack's sources
 * @param members         per scoring member results, in request order (empty when INVALID)
 * @param averageTotal    the council's exact average total (null when INVALID); compare thresholds on this
 * @param stars           1–5, or null when INVALID
 * @param selfAssessment  options supported by the declared facts (pre-score)
 * @param findings        errors and warnings
 */
public record EvaluationResult(
        Status status,
        String edition,
        String sheet,
        String rulesetVersion,
        String rulesetSha256,
        List<MemberResult> members,
        BigDecimal averageTotal,
        Integer stars,
        List<SelfAssessment> selfAssessment,
        List<Finding> findings) implements java.io.Serializable {

    public EvaluationResult {
        members = List.copyOf(members);
        selfAssessment = List.copyOf(selfAssessment);
        findings = List.copyOf(findings);
    }

    /** The average as shown to people: 2 decimals, half up. Stars are never derived from this. */
    public BigDecimal averageTotalRounded() {
        return averageTotal == null ? null : averageTotal.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
