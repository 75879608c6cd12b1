package vn.ocop.rules.model;

public class Selection {
    private final String member;
    private final String sheet;
    private final String criterion;
    private final int option;
    private Integer points;
    private String rule;

    public Selection(String member, String sheet, String criterion, int option) {
        this.member = member; this.sheet = sheet; this.criterion = criterion; this.option = option;
    }
    public String getMember() { return member; }
    public String getSheet() { return sheet; }
    public String getCriterion() { return criterion; }
    public int getOption() { return option; }
    public Integer getPoints() { return points; }
    public String getRule() { return rule; }
    public void award(int points, String rule) { this.points = points; this.rule = rule; }
}
