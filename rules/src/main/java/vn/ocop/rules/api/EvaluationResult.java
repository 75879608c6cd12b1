package vn.ocop.rules.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one evaluation.
 *
 * @param status          VALID; INVALID when any ERROR finding was raised (then stars is null and nothing is scored);
 *                        EXCLUDED when the request names an exclusion of the sheet (then stars is null)
 * @param edition         edition id that scored
 * @param sheet           sheet id that scored
 * @param rulesetVersion  version of the edition's rule pack
 * @param rulesetSha256   SHA-256 of the rule pack's sources
 * @param members         per scoring member results, in request order (empty unless VALID); never the SELF sheet
 * @param averageTotal    the council's exact average total (null unless VALID); compare thresholds on this
 * @param starsByAverage  1–5 from the average total alone (null unless VALID)
 * @param stars           1–5 after the star minimums (and any gate), or null unless VALID
 * @param unmetMinimums   every star minimum of the sheet the council did not reach, lowest level first
 * @param roadToNextStar  one entry per level above {@code stars} up to 5 (empty at 5 stars or unless VALID)
 * @param self            the producer's own sheet (role SELF) scored, or null when the request has none
 * @param selfComparison  criteria where the SELF sheet's points differ from the council's average, in sheet order
 * @param selfAssessment  options supported by the declared facts (pre-score)
 * @param findings        errors, warnings and exclusions
 */
public record EvaluationResult(
        Status status,
        String edition,
        String sheet,
        String rulesetVersion,
        String rulesetSha256,
        List<MemberResult> members,
        BigDecimal averageTotal,
        Integer starsByAverage,
        Integer stars,
        List<UnmetMinimum> unmetMinimums,
        List<NextStarGap> roadToNextStar,
        MemberResult self,
        List<SelfComparison> selfComparison,
        List<SelfAssessment> selfAssessment,
        List<Finding> findings)
        implements java.io.Serializable {

    public EvaluationResult {
        members = List.copyOf(members);
        unmetMinimums = unmetMinimums == null ? List.of() : List.copyOf(unmetMinimums);
        roadToNextStar = roadToNextStar == null ? List.of() : List.copyOf(roadToNextStar);
        selfComparison = selfComparison == null ? List.of() : List.copyOf(selfComparison);
        selfAssessment = List.copyOf(selfAssessment);
        findings = List.copyOf(findings);
    }

    /** A result without minimums, road or SELF sheet (stars by average = stars). */
    public EvaluationResult(
            Status status,
            String edition,
            String sheet,
            String rulesetVersion,
            String rulesetSha256,
            List<MemberResult> members,
            BigDecimal averageTotal,
            Integer stars,
            List<SelfAssessment> selfAssessment,
            List<Finding> findings) {
        this(
                status,
                edition,
                sheet,
                rulesetVersion,
                rulesetSha256,
                members,
                averageTotal,
                stars,
                stars,
                List.of(),
                List.of(),
                null,
                List.of(),
                selfAssessment,
                findings);
    }

    /** The average as shown to people: 2 decimals, half up. Stars are never derived from this. */
    public BigDecimal averageTotalRounded() {
        return averageTotal == null ? null : averageTotal.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
