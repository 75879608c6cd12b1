package vn.ocop.rules.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.CriterionScore;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.PartTotals;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.StarMinimumBasis;
import vn.ocop.rules.api.UnmetMinimum;

/**
 * The plain-Java baseline of the rules-engine benchmark: one sheet as a table (criterion code → option
 * → points and rule name), built once from the catalogue. Per evaluation it does the engine's scoring
 * work without rules: checks every member and selection (unknown criterion, option out of range,
 * criterion left out, a pair of cases with none or both scored, duplicate or missing member name, no scoring
 * member), looks up the points, applies "not applicable" conditions (2026: 5.1 «no story» → 5.2 gets 0), sums
 * parts A/B/C per member (the catalogue's part), keeps per-criterion scores in sheet order, averages the council
 * exactly (as {@code Council.exactAverage}: BigDecimal, 10 decimals, DOWN), rates stars at 30/50/70/90, checks the
 * sheet's star minimums (council average or lowest member per criterion; the lowest level not reached caps the
 * stars one below it) and flags a spread of 10 points or more. It does not derive the self-assessment or claim
 * warnings, nor NFC-normalise codes, nor write finding messages (see docs/benchmarks.md). Test code only: it is a
 * yardstick, not a second engine.
 */
public final class TableLookupScorer {
    static final int AVERAGE_SCALE = 10;
    private static final BigDecimal[] STAR_FROM = {
        BigDecimal.valueOf(90), BigDecimal.valueOf(70), BigDecimal.valueOf(50), BigDecimal.valueOf(30)
    };
    private static final int SPREAD = 10;

    /**
     * A criterion that does not apply after another choice: a member choosing {@code ifOption} on {@code ifCriterion}
     * gets 0 points on {@code criterion} (awarded by {@code rule}) whatever option they chose there, unless {@code keptOption}.
     */
    public record NotApplicable(String ifCriterion, int ifOption, String criterion, int keptOption, String rule) {}

    private record Row(int index, String code, int part, int[] points, String[] rules, String alternativeOf) {}

    private record Minimum(int criterion, int stars, int points) {}

    /** What the baseline computes; {@code errors} non-empty means nothing was scored (average and stars null). */
    public record Result(
            List<MemberResult> members,
            BigDecimal averageTotal,
            Integer starsByAverage,
            Integer stars,
            List<UnmetMinimum> blockingMinimums,
            boolean spread,
            List<String> errors) {}

    private final String sheetId;
    private final Map<String, Row> rows = new HashMap<>();
    private final Row[] inOrder;
    private final Map<String, int[]> cases = new HashMap<>();
    private final Minimum[] minimums;
    private final boolean lowestMember;
    private final int[][] conditions;
    private final String[] conditionRules;

    public TableLookupScorer(SheetInfo sheet) {
        this(sheet, StarMinimumBasis.COUNCIL_AVERAGE, List.of());
    }

    public TableLookupScorer(SheetInfo sheet, StarMinimumBasis basis, List<NotApplicable> notApplicable) {
        this.sheetId = sheet.id();
        this.lowestMember = basis == StarMinimumBasis.EVERY_SCORING_MEMBER;
        List<CriterionInfo> criteria = sheet.criteria();
        inOrder = new Row[criteria.size()];
        List<Minimum> mins = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionInfo c = criteria.get(i);
            int n = c.options().size();
            int[] points = new int[n + 1];
            String[] rules = new String[n + 1];
            for (OptionInfo o : c.options()) {
                points[o.number()] = o.points();
                rules[o.number()] = o.rule();
                if (o.minStars() != null) mins.add(new Minimum(i, o.minStars(), o.points()));
            }
            int part = switch (c.part()) {
                case "A" -> 0;
                case "B" -> 1;
                case "C" -> 2;
                default -> throw new IllegalArgumentException("part must be A, B or C: " + c.code());
            };
            Row row = new Row(i, c.code(), part, points, rules, c.alternativeOf());
            inOrder[i] = row;
            rows.put(c.code(), row);
        }
        for (Row row : inOrder) {
            if (row.alternativeOf == null) continue;
            int[] pair = cases.get(row.alternativeOf);
            int[] grown = pair == null ? new int[] {row.index} : java.util.Arrays.copyOf(pair, pair.length + 1);
            grown[grown.length - 1] = row.index;
            cases.put(row.alternativeOf, grown);
        }
        minimums = mins.toArray(Minimum[]::new);
        List<NotApplicable> applicable = notApplicable.stream()
                .filter(n -> rows.containsKey(n.ifCriterion()) && rows.containsKey(n.criterion()))
                .toList();
        conditions = new int[applicable.size()][];
        conditionRules = new String[applicable.size()];
        for (int i = 0; i < conditions.length; i++) {
            NotApplicable n = applicable.get(i);
            conditions[i] = new int[] {
                rows.get(n.ifCriterion()).index, n.ifOption(), rows.get(n.criterion()).index, n.keptOption()
            };
            conditionRules[i] = n.rule();
        }
    }

    public Result score(EvaluationRequest request) {
        List<String> errors = new ArrayList<>();
        if (!sheetId.equals(request.sheet())) errors.add("UNKNOWN_SHEET");
        List<Assessment> assessments = request.assessments();
        List<MemberResult> members = new ArrayList<>(assessments.size());
        Set<String> seen = new HashSet<>();
        long sum = 0;
        int scoring = 0;
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        long[] criterionSum = new long[inOrder.length];
        int[] criterionCount = new int[inOrder.length];
        int[] criterionLowest = new int[inOrder.length];
        java.util.Arrays.fill(criterionLowest, Integer.MAX_VALUE);
        for (Assessment a : assessments) {
            String member = a.member();
            if (member == null || member.isBlank()) errors.add("MEMBER_NAME_MISSING");
            else if (!seen.add(member)) errors.add("DUPLICATE_MEMBER");
            if (!a.scores()) continue;
            scoring++;
            int[] chosen = new int[inOrder.length];
            int[] points = new int[inOrder.length];
            for (Map.Entry<String, Integer> e : a.selections().entrySet()) {
                Row row = rows.get(e.getKey());
                Integer option = e.getValue();
                if (row == null) {
                    errors.add("UNKNOWN_CRITERION " + e.getKey());
                } else if (option == null || option < 1 || option >= row.points.length) {
                    errors.add("OPTION_OUT_OF_RANGE " + e.getKey());
                } else {
                    chosen[row.index] = option;
                    points[row.index] = row.points[option];
                }
            }
            String[] ruleOf = null;
            for (int i = 0; i < conditions.length; i++) {
                int[] c = conditions[i];
                if (chosen[c[0]] == c[1] && chosen[c[2]] != 0 && chosen[c[2]] != c[3]) {
                    points[c[2]] = 0;
                    if (ruleOf == null) ruleOf = new String[inOrder.length];
                    ruleOf[c[2]] = conditionRules[i];
                }
            }
            for (int[] pair : cases.values()) {
                int scored = 0;
                for (int index : pair) if (chosen[index] != 0) scored++;
                if (scored != 1) errors.add("CASES " + inOrder[pair[0]].alternativeOf);
            }
            List<CriterionScore> scores = new ArrayList<>(inOrder.length);
            int[] parts = new int[3];
            for (Row row : inOrder) {
                int option = chosen[row.index];
                if (option == 0) {
                    if (row.alternativeOf == null) errors.add("MISSING_CRITERION " + row.code);
                    continue;
                }
                int p = points[row.index];
                parts[row.part] += p;
                criterionSum[row.index] += p;
                criterionCount[row.index]++;
                criterionLowest[row.index] = Math.min(criterionLowest[row.index], p);
                String rule = ruleOf != null && ruleOf[row.index] != null ? ruleOf[row.index] : row.rules[option];
                scores.add(new CriterionScore(row.code, option, p, rule));
            }
            int total = parts[0] + parts[1] + parts[2];
            sum += total;
            max = Math.max(max, total);
            min = Math.min(min, total);
            members.add(
                    new MemberResult(member, a.role(), scores, new PartTotals(parts[0], parts[1], parts[2]), total));
        }
        if (scoring == 0) errors.add("NO_SCORING_MEMBER");
        if (!errors.isEmpty()) return new Result(List.of(), null, null, null, List.of(), false, errors);
        BigDecimal average =
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scoring), AVERAGE_SCALE, RoundingMode.DOWN);
        int byAverage = 1;
        for (int i = 0; i < STAR_FROM.length; i++) {
            if (average.compareTo(STAR_FROM[i]) >= 0) {
                byAverage = 5 - i;
                break;
            }
        }
        // Star minimums: points < required, exactly (sum < required × count is the same test as average < required).
        List<UnmetMinimum> blocking = new ArrayList<>();
        int lowestUnmet = Integer.MAX_VALUE;
        for (Minimum m : minimums) {
            int n = criterionCount[m.criterion];
            if (n == 0) continue;
            boolean unmet = lowestMember
                    ? criterionLowest[m.criterion] < m.points
                    : criterionSum[m.criterion] < (long) m.points * n;
            if (!unmet || m.stars > byAverage) continue;
            lowestUnmet = Math.min(lowestUnmet, m.stars);
            BigDecimal council = lowestMember
                    ? BigDecimal.valueOf(criterionLowest[m.criterion])
                    : BigDecimal.valueOf(criterionSum[m.criterion])
                            .divide(BigDecimal.valueOf(n), AVERAGE_SCALE, RoundingMode.DOWN);
            blocking.add(new UnmetMinimum(inOrder[m.criterion].code, m.stars, BigDecimal.valueOf(m.points), council));
        }
        if (blocking.size() > 1) {
            blocking.sort(java.util.Comparator.comparingInt(UnmetMinimum::stars)
                    .thenComparingInt(u -> rows.get(u.criterion()).index));
        }
        int stars = lowestUnmet == Integer.MAX_VALUE ? byAverage : lowestUnmet - 1;
        return new Result(members, average, byAverage, stars, blocking, max - min >= SPREAD, List.of());
    }
}
