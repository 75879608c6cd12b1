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
import vn.ocop.rules.api.PartTotals;
import vn.ocop.rules.api.SheetInfo;

/**
 * The plain-Java baseline of the rules-engine benchmark: one sheet as a table (criterion code → option
 * → points and rule name), built once from the catalogue. Per evaluation it does the engine's scoring
 * work without rules: checks every member and selection (unknown criterion, option out of range,
 * criterion left out, duplicate or missing member name, no scoring member), looks up the points,
 * sums parts A/B/C per member, keeps per-criterion scores in sheet order, averages the council exactly
 * (as {@code Council.exactAverage}: BigDecimal, 10 decimals, DOWN), rates stars at 30/50/70/90 and
 * flags a spread of 10 points or more. It does not derive the self-assessment or claim warnings, nor
 * NFC-normalise codes (see docs/benchmarks.md). Test code only: it is a yardstick, not a second engine.
 */
public final class TableLookupScorer {
    static final int AVERAGE_SCALE = 10;
    private static final BigDecimal[] STAR_FROM = {
            BigDecimal.valueOf(90), BigDecimal.valueOf(70), BigDecimal.valueOf(50), BigDecimal.valueOf(30)};
    private static final int SPREAD = 10;

    private record Row(int index, String code, int part, int[] points, String[] rules) {}

    /** What the baseline computes; {@code errors} non-empty means nothing was scored (average and stars null). */
    public record Result(List<MemberResult> members, BigDecimal averageTotal, Integer stars, boolean spread, List<String> errors) {}

    private final String sheetId;
    private final Map<String, Row> rows = new HashMap<>();
    private final Row[] inOrder;

    public TableLookupScorer(SheetInfo sheet) {
        this.sheetId = sheet.id();
        List<CriterionInfo> criteria = sheet.criteria();
        inOrder = new Row[criteria.size()];
        for (int i = 0; i < criteria.size(); i++) {
            CriterionInfo c = criteria.get(i);
            int n = c.options().size();
            int[] points = new int[n + 1];
            String[] rules = new String[n + 1];
            c.options().forEach(o -> {
                points[o.number()] = o.points();
                rules[o.number()] = o.rule();
            });
            int part = switch (c.code().charAt(0)) {
                case 'A' -> 0;
                case 'B' -> 1;
                case 'C' -> 2;
                default -> throw new IllegalArgumentException("criterion code must start with A, B or C: " + c.code());
            };
            Row row = new Row(i, c.code(), part, points, rules);
            inOrder[i] = row;
            rows.put(c.code(), row);
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
        for (Assessment a : assessments) {
            String member = a.member();
            if (member == null || member.isBlank()) errors.add("MEMBER_NAME_MISSING");
            else if (!seen.add(member)) errors.add("DUPLICATE_MEMBER");
            if (!a.scores()) continue;
            scoring++;
            int[] chosen = new int[inOrder.length];
            int[] parts = new int[3];
            for (Map.Entry<String, Integer> e : a.selections().entrySet()) {
                Row row = rows.get(e.getKey());
                Integer option = e.getValue();
                if (row == null) {
                    errors.add("UNKNOWN_CRITERION " + e.getKey());
                } else if (option == null || option < 1 || option >= row.points.length) {
                    errors.add("OPTION_OUT_OF_RANGE " + e.getKey());
                } else {
                    chosen[row.index] = option;
                    parts[row.part] += row.points[option];
                }
            }
            List<CriterionScore> scores = new ArrayList<>(inOrder.length);
            for (Row row : inOrder) {
                int option = chosen[row.index];
                if (option == 0) {
                    errors.add("MISSING_CRITERION " + row.code);
                } else {
                    scores.add(new CriterionScore(row.code, option, row.points[option], row.rules[option]));
                }
            }
            int total = parts[0] + parts[1] + parts[2];
            sum += total;
            max = Math.max(max, total);
            min = Math.min(min, total);
            members.add(new MemberResult(member, a.role(), scores, new PartTotals(parts[0], parts[1], parts[2]), total));
        }
        if (scoring == 0) errors.add("NO_SCORING_MEMBER");
        if (!errors.isEmpty()) return new Result(List.of(), null, null, false, errors);
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scoring), AVERAGE_SCALE, RoundingMode.DOWN);
        int stars = 1;
        for (int i = 0; i < STAR_FROM.length; i++) {
            if (average.compareTo(STAR_FROM[i]) >= 0) {
                stars = 5 - i;
                break;
            }
        }
        return new Result(members, average, stars, max - min >= SPREAD, List.of());
    }
}
