package vn.ocop.rules.api;

import java.util.List;

/** One member's scored sheet: per-criterion points, part subtotals and total. */
public record MemberResult(String member, CouncilRole role, List<CriterionScore> criteria, PartTotals parts, int total)
        implements java.io.Serializable {
    public MemberResult {
        criteria = List.copyOf(criteria);
    }
}
