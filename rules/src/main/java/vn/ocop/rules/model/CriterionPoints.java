package vn.ocop.rules.model;

import java.math.BigDecimal;

/**
 * The council's points on one criterion, as the edition compares them with star minimums: the exact average of
 * the scoring members ({@code basis} "COUNCIL_AVERAGE"), or the lowest member's points ("EVERY_SCORING_MEMBER").
 */
public record CriterionPoints(String criterion, BigDecimal points, String basis) {
    public String getCriterion() {
        return criterion;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public String getBasis() {
        return basis;
    }

    /** The points as people read them: no trailing zeros, decimal comma (1,5). */
    public String getPointsText() {
        return Council.shown(points);
    }

    /** What the points are, in Vietnamese, for messages. */
    public String getBasisText() {
        return "EVERY_SCORING_MEMBER".equals(basis)
                ? "điểm thấp nhất của các thành viên chấm"
                : "điểm trung bình của hội đồng";
    }
}
