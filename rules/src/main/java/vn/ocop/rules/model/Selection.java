package vn.ocop.rules.model;

/**
 * One member's chosen option on one criterion. A sheet rule matches (criterion, option) and calls
 * {@link #award}; the points also go straight to the member's {@link MemberScore} (when the engine
 * created the selection with one), so part subtotals need no further rule firings.
 */
public class Selection {
    private final MemberScore score;
    private final String member;
    private final String sheet;
    private final String criterion;
    private final int option;
    private Integer points;
    private String rule;

    /** A selection scored into {@code score}. */
    public Selection(MemberScore score, String sheet, String criterion, int option) {
        this.score = score;
        this.member = score.getMember();
        this.sheet = sheet;
        this.criterion = criterion;
        this.option = option;
        score.chose(criterion);
    }

    /** A stand-alone selection (no member score to add to). */
    public Selection(String member, String sheet, String criterion, int option) {
        this.score = null;
        this.member = member;
        this.sheet = sheet;
        this.criterion = criterion;
        this.option = option;
    }

    public String getMember() {
        return member;
    }

    public String getSheet() {
        return sheet;
    }

    public String getCriterion() {
        return criterion;
    }

    public int getOption() {
        return option;
    }

    /** Points awarded, or null while no rule has awarded any. */
    public Integer getPoints() {
        return points;
    }

    /** Name of the rule that awarded the points, or null. */
    public String getRule() {
        return rule;
    }

    public void award(int points, String rule) {
        this.points = points;
        this.rule = rule;
        if (score != null) score.record(criterion, option, points, rule);
    }

    /**
     * A finding about this choice (e.g. a criterion that does not apply), kept with the member's sheet.
     * @param severity "ERROR" or "WARNING"
     */
    public void report(String code, String severity, String message) {
        if (score != null) score.report(code, severity, criterion, message);
    }
}
