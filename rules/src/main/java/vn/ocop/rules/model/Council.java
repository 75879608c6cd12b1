package vn.ocop.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.UnmetMinimum;

/** The council's outcome as the aggregation, star and gate rules build it. */
public class Council {
    /** Enough digits that truncation never moves an average across a threshold of 2 decimals or fewer. */
    static final int AVERAGE_SCALE = 10;

    private final List<Finding> findings = new ArrayList<>();
    private final List<UnmetMinimum> unmetMinimums = new ArrayList<>();
    private BigDecimal averageTotal;
    private Integer stars;
    private String starsRule;

    /** Exact enough: sum / count truncated (DOWN) at 10 decimals, so 69.99… stays below 70. */
    public static BigDecimal exactAverage(Number sum, Number count) {
        return BigDecimal.valueOf(sum.longValue())
                .divide(BigDecimal.valueOf(count.longValue()), AVERAGE_SCALE, RoundingMode.DOWN);
    }

    public BigDecimal getAverageTotal() { return averageTotal; }
    public void setAverageTotal(BigDecimal averageTotal) { this.averageTotal = averageTotal; }
    public Integer getStars() { return stars; }
    public void setStars(Integer stars) { this.stars = stars; }
    public String getStarsRule() { return starsRule; }
    public void setStarsRule(String starsRule) { this.starsRule = starsRule; }

    /** @param severity "ERROR" or "WARNING": rule files state it as data */
    public void report(String code, String severity, String criterion, String member, String message) {
        findings.add(new Finding(code, Severity.valueOf(severity), criterion, member, message));
    }

    public List<Finding> getFindings() { return List.copyOf(findings); }

    /** Records a star minimum the council did not reach (the minimums rules call it once per minimum). */
    public void unmetMinimum(StarMinimum minimum, CriterionPoints points) {
        unmetMinimums.add(new UnmetMinimum(minimum.criterion(), minimum.stars(), minimum.requiredPoints(), points.points()));
    }

    public List<UnmetMinimum> getUnmetMinimums() { return List.copyOf(unmetMinimums); }

    /** A number as people read it: no trailing zeros, decimal comma ("1,5", "70"). */
    public static String shown(BigDecimal value) {
        if (value == null) return "";
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }
}
