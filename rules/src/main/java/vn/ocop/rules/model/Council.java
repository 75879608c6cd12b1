package vn.ocop.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.RuleLimitExceeded;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.UnmetMinimum;

/** The council's outcome as the aggregation, star and gate rules build it. */
public class Council {
    /** Enough digits that truncation never moves an average across a threshold of 2 decimals or fewer. */
    static final int AVERAGE_SCALE = 10;
    /** Bounds of one evaluation, far above real ones: a rule that loops through modify cannot fill the heap. */
    static final int MAX_FINDINGS = 1_000;

    static final int MAX_TEXT = 2_000;

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

    public BigDecimal getAverageTotal() {
        return averageTotal;
    }

    public void setAverageTotal(BigDecimal averageTotal) {
        this.averageTotal = averageTotal;
    }

    public Integer getStars() {
        return stars;
    }

    public void setStars(Integer stars) {
        this.stars = stars;
    }

    public String getStarsRule() {
        return starsRule;
    }

    public void setStarsRule(String starsRule) {
        this.starsRule = bounded(starsRule);
    }

    /** @param severity "ERROR" or "WARNING": rule files state it as data */
    public void report(String code, String severity, String criterion, String member, String message) {
        if (findings.size() >= MAX_FINDINGS) {
            throw new RuleLimitExceeded(
                    "RULE_FINDINGS_LIMIT",
                    "Quy tắc báo quá " + MAX_FINDINGS
                            + " phát hiện trong một lần chấm: bộ quy tắc có lỗi (quy tắc lặp hoặc nối chéo các dữ kiện).");
        }
        findings.add(new Finding(
                bounded(code), Severity.valueOf(severity), bounded(criterion), bounded(member), bounded(message)));
    }

    private static String bounded(String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new RuleLimitExceeded(
                    "RULE_TEXT_LIMIT",
                    "Quy tắc tạo chuỗi dài quá " + MAX_TEXT
                            + " ký tự: bộ quy tắc có lỗi (chuỗi lớn dần qua các lần sửa dữ kiện).");
        }
        return text;
    }

    public List<Finding> getFindings() {
        return List.copyOf(findings);
    }

    /** Records a star minimum the council did not reach (the minimums rules call it once per minimum). */
    public void unmetMinimum(StarMinimum minimum, CriterionPoints points) {
        unmetMinimums.add(
                new UnmetMinimum(minimum.criterion(), minimum.stars(), minimum.requiredPoints(), points.points()));
    }

    public List<UnmetMinimum> getUnmetMinimums() {
        return List.copyOf(unmetMinimums);
    }

    /** A number as people read it: no trailing zeros, decimal comma ("1,5", "70"). */
    public static String shown(BigDecimal value) {
        if (value == null) return "";
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }
}
