package vn.ocop.rules.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;

/**
 * A scoring member's sheet as the award rules fill it. Inserted into the session only after the
 * sheet's rules have fired, so later rules see final totals without modify.
 */
public class MemberScore {
    private final String member;
    private final int index;
    private final Map<String, Award> awards = new LinkedHashMap<>();
    private final Map<String, String> partOf;
    private final List<Finding> findings = new ArrayList<>();
    private final java.util.Set<String> chosen = new java.util.HashSet<>();
    private int partA;
    private int partB;
    private int partC;

    /** @param index position in the request; breaks ties deterministically */
    public MemberScore(String member, int index) {
        this(member, index, Map.of());
    }

    /**
     * @param partOf criterion code → part ("A", "B", "C") for sheets whose codes do not start with the part
     *               (2026: "1.1", "6.2"); a code missing here is read by its first letter (2019/2023: "A1.1")
     */
    public MemberScore(String member, int index, Map<String, String> partOf) {
        this.member = member;
        this.index = index;
        this.partOf = partOf == null ? Map.of() : partOf;
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
        String part = partOf.get(criterion);
        switch (part != null ? part.charAt(0) : criterion.charAt(0)) {
            case 'A' -> partA += points;
            case 'B' -> partB += points;
            case 'C' -> partC += points;
            default -> throw new IllegalArgumentException("criterion code must start with A, B or C: " + criterion);
        }
    }

    public String getMember() {
        return member;
    }

    public int getIndex() {
        return index;
    }

    public int getPartA() {
        return partA;
    }

    public int getPartB() {
        return partB;
    }

    public int getPartC() {
        return partC;
    }

    public int getTotal() {
        return partA + partB + partC;
    }

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

    void chose(String criterion) {
        chosen.add(criterion);
    }

    /** True when the member's sheet has a choice for the criterion (a case of an alternative may have none). */
    public boolean hasSelection(String criterion) {
        return chosen.contains(criterion);
    }

    /** @param severity "ERROR" or "WARNING": rule files state it as data */
    void report(String code, String severity, String criterion, String message) {
        findings.add(new Finding(code, Severity.valueOf(severity), criterion, member, message));
    }

    /** Findings the sheet-phase rules raised about this member's choices. */
    public List<Finding> getFindings() {
        return List.copyOf(findings);
    }
}
