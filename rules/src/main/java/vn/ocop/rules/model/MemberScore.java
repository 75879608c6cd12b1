package vn.ocop.rules.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scoring member's sheet as the award rules fill it. Inserted into the session only after the
 * sheet's rules have fired, so later rules see final totals without modify.
 */
public class MemberScore {
    private final String member;
    private final int index;
    private final Map<String, Award> awards = new LinkedHashMap<>();
    private int partA;
    private int partB;
    private int partC;

    /** @param index position in the request; breaks ties deterministically */
    public MemberScore(String member, int index) {
        this.member = member;
        this.index = index;
    }

    public record Award(String criterion, int option, int points, String rule) {}

    void record(String criterion, int option, int points, String rule) {
        Award previous = awards.put(criterion, new Award(criterion, option, points, rule));
        if (previous != null) {
            add(criterion, -previous.points());
        }
        add(criterion, points);
    }

    private void add(String criterion, int points) {
        switch (criterion.charAt(0)) {
            case 'A' -> partA += points;
            case 'B' -> partB += points;
            case 'C' -> partC += points;
            default -> throw new IllegalArgumentException("criterion code must start with A, B or C: " + criterion);
        }
    }

    public String getMember() { return member; }
    public int getIndex() { return index; }
    public int getPartA() { return partA; }
    public int getPartB() { return partB; }
    public int getPartC() { return partC; }
    public int getTotal() { return partA + partB + partC; }

    /** Points awarded on a criterion, 0 when none was awarded. */
    public int pointsOf(String criterion) {
        Award award = awards.get(criterion);
        return award == null ? 0 : award.points();
    }

    public Award awardOf(String criterion) {
        return awards.get(criterion);
    }

    public Map<String, Award> getAwards() {
        return Map.copyOf(awards);
    }
}
