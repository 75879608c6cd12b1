package vn.ocop.rules.model;

/**
 * One member's chosen option on one criterion. A sheet rule matches (criterion, option) and calls
 * {@link #award}; the points go straight to the member's {@link MemberScore}, so part subtotals need
 * no further rule firings.
 */
public class Selection {
    private final MemberScore member;
    private final String criterion;
    private final int option;

    public Selection(MemberScore member, String criterion, int option) {
        this.member = member;
        this.criterion = criterion;
        this.option = option;
    }

    public String getMember() { return member.getMember(); }
    public String getCriterion() { return criterion; }
    public int getOption() { return option; }

    public void award(int points, String rule) {
        member.record(criterion, option, points, rule);
    }
}
