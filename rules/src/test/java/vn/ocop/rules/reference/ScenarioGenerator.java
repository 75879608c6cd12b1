package vn.ocop.rules.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the golden scenarios of edition ocop-2026 (scenarios/ocop-2026/GROUP/NN-*.yaml) from the reference data.
 * The expectations come from an independent reading of the rules written here (totals, exact averages, stars by
 * the thresholds, star minimums, the road, the 5.2 rule), not from the engine. Run from the repository root:
 * <pre>mvn -q -o -pl rules test-compile exec:java -Dexec.mainClass=vn.ocop.rules.reference.ScenarioGenerator -Dexec.classpathScope=test</pre>
 */
public final class ScenarioGenerator {
    static final String EDITION = "ocop-2026";
    private static final List<String> NAMES = List.of(
            "Nguyễn Văn An",
            "Trần Thị Bích",
            "Lê Hoàng Cường",
            "Phạm Thu Dung",
            "Hoàng Minh Đức",
            "Vũ Thị Hà",
            "Đặng Quốc Hùng");
    private final Reading reading;
    private final ShippedSheet sheet;
    private final String id;

    private ScenarioGenerator(Reading reading, ShippedSheet sheet) {
        this.reading = reading;
        this.sheet = sheet;
        this.id = sheet.source().id();
    }

    /** relative path → content, for every sheet of the reference folder. */
    public static Map<String, String> generate(Path reference) throws IOException {
        Reading reading = Reading.parse(Files.readString(reference.resolve("reading.yaml"), StandardCharsets.UTF_8));
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(reference.resolve("sheets"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                ShippedSheet s = ShippedSheet.of(
                        ReferenceSheet.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)),
                        reading);
                new ScenarioGenerator(reading, s).scenarios(out);
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path reference = Path.of(args.length > 0 ? args[0] : "rules/src/main/reference/qd26-2026");
        Path out = Path.of(args.length > 1 ? args[1] : "rules/src/main/resources/scenarios/" + EDITION);
        Map<String, String> files = generate(reference);
        if (Files.isDirectory(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                for (Path p : old.filter(Files::isRegularFile).toList()) Files.delete(p);
            }
        }
        for (var f : files.entrySet()) {
            Path target = out.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("[ocop-rules] wrote " + files.size() + " scenarios to " + out);
    }

    // ------------------------------------------------------------------ the scenarios of one sheet

    private void scenarios(Map<String, String> out) {
        List<ShippedSheet.Criterion> primary = primaryCriteria("a");
        Map<String, Integer> max = choose(primary, c -> c.options().size());
        Map<String, Integer> min = choose(primary, c -> 1);
        add(
                out,
                "all-maximum",
                "mọi tiêu chí ở phương án cao nhất: 100 điểm, 5 sao",
                List.of(max, max, max),
                null,
                null);
        add(out, "all-minimum", "mọi tiêu chí ở phương án 1", List.of(min, min, min), null, null);
        everyOption(out);
        for (Reading.Threshold t : reading.thresholds()) {
            if (t.from() == null) continue;
            thresholdScenarios(out, t.stars(), t.from());
        }
        minimumsBlocking(out, max);
        for (ShippedSheet.Exclusion x : sheet.exclusions()) {
            add(
                    out,
                    "excluded-" + x.code().toLowerCase().replace('_', '-'),
                    "hồ sơ bị loại: " + x.code(),
                    List.of(max),
                    List.of(x.code()),
                    null);
        }
        if (sheet.source().number() == 1) {
            add(
                    out,
                    "error-unknown-exclusion",
                    "mã loại hồ sơ không có trong phiếu: INVALID",
                    List.of(max),
                    List.of("NOT_A_CODE"),
                    null);
        }
        storyRule(out, max);
        add(
                out,
                "self-assessment",
                "phiếu tự đánh giá (SELF) chấm mọi tiêu chí phương án 1, hội đồng chấm tối đa",
                List.of(max, max),
                null,
                min);
        if (primary.size() != sheet.criteria().size()) cases(out, max);
    }

    /** Criteria a member scores: every criterion, and of each pair of cases the one ending in {@code which}. */
    private List<ShippedSheet.Criterion> primaryCriteria(String which) {
        return sheet.criteria().stream()
                .filter(c -> c.source().alternativeOf() == null || c.code().endsWith(which))
                .toList();
    }

    private Map<String, Integer> choose(
            List<ShippedSheet.Criterion> criteria, java.util.function.ToIntFunction<ShippedSheet.Criterion> option) {
        Map<String, Integer> m = new LinkedHashMap<>();
        criteria.forEach(c -> m.put(c.code(), option.applyAsInt(c)));
        return m;
    }

    private void everyOption(Map<String, String> out) {
        int most = sheet.criteria().stream()
                .mapToInt(c -> c.options().size())
                .max()
                .orElse(1);
        for (String which : sheet.criteria().size() == primaryCriteria("a").size() ? List.of("a") : List.of("a", "b")) {
            List<Map<String, Integer>> members = new ArrayList<>();
            for (int k = 1; k <= most; k++) {
                int kk = k;
                members.add(choose(
                        primaryCriteria(which), c -> Math.min(kk, c.options().size())));
            }
            add(
                    out,
                    "every-option" + (which.equals("a") ? "" : "-case-b"),
                    "thành viên thứ k chọn phương án k (mọi quy tắc cho điểm đều chạy)",
                    members,
                    null,
                    null);
        }
    }

    /** At the threshold (three members at T) and just below it (T, T, T−1: T − 1/3), minimums of the level met when they can be. */
    private void thresholdScenarios(Map<String, String> out, int stars, int from) {
        Map<String, Integer> at = sheetWithTotal(stars, from);
        Map<String, Integer> below = sheetWithTotal(stars, from - 1);
        if (at == null || below == null) {
            at = sheetWithTotal(0, from);
            below = sheetWithTotal(0, from - 1);
        }
        if (at == null || below == null) return;
        add(out, "at-" + from, "ba thành viên cùng " + from + " điểm", List.of(at, at, at), null, null);
        add(
                out,
                "below-" + from + "-thirds",
                "tổng " + from + ", " + from + ", " + (from - 1) + ": trung bình " + from + " − 1/3",
                List.of(at, at, below),
                null,
                null);
    }

    /** A sheet with exactly {@code total} points meeting every minimum of levels ≤ {@code level}, or null. */
    private Map<String, Integer> sheetWithTotal(int level, int total) {
        List<ShippedSheet.Criterion> criteria = primaryCriteria("a");
        Map<String, Integer> choice = new LinkedHashMap<>();
        int sum = 0;
        for (ShippedSheet.Criterion c : criteria) {
            int need = required(c, level);
            ReferenceSheet.Option base = c.options().stream()
                    .filter(o -> o.points() >= need)
                    .min((a, b) -> a.points() != b.points()
                            ? Integer.compare(a.points(), b.points())
                            : Integer.compare(a.n(), b.n()))
                    .orElseThrow();
            choice.put(c.code(), base.n());
            sum += base.points();
        }
        if (sum > total) return null;
        for (ShippedSheet.Criterion c : criteria) {
            if (sum == total) break;
            int current = points(c, choice.get(c.code()));
            int room = total - sum;
            ReferenceSheet.Option best = null;
            for (ReferenceSheet.Option o : c.options()) {
                if (o.points() > current
                        && o.points() - current <= room
                        && (best == null || o.points() > best.points())) best = o;
            }
            if (best != null) {
                choice.put(c.code(), best.n());
                sum += best.points() - current;
            }
        }
        return sum == total ? choice : null;
    }

    /** One scenario per star minimum that can be missed: all maximum but that criterion just below it. */
    private void minimumsBlocking(Map<String, String> out, Map<String, Integer> max) {
        for (ShippedSheet.Criterion c : primaryCriteria("a")) {
            for (int level = 3; level <= 5; level++) {
                int l = level;
                if (c.options().stream().noneMatch(o -> o.minStars() != null && o.minStars() == l)) continue;
                int need = required(c, level);
                int lower = required(c, level - 1);
                ReferenceSheet.Option miss = null;
                for (ReferenceSheet.Option o : c.options()) {
                    if (o.points() < need && o.points() >= lower && (miss == null || o.points() > miss.points()))
                        miss = o;
                }
                if (miss == null) continue; // no option below the minimum: it cannot be missed
                Map<String, Integer> sheetChoice = new LinkedHashMap<>(max);
                sheetChoice.put(c.code(), miss.n());
                add(
                        out,
                        "minimum-" + c.code() + "-" + level + "-stars",
                        "tiêu chí " + c.code() + " dưới yêu cầu tối thiểu của " + level + " sao (phương án " + miss.n()
                                + "), các tiêu chí khác tối đa",
                        List.of(sheetChoice, sheetChoice, sheetChoice),
                        null,
                        null);
            }
        }
    }

    private void storyRule(Map<String, String> out, Map<String, Integer> max) {
        Reading.Conditional cond = reading.conditional();
        ShippedSheet.Criterion target = find(cond.criterion());
        ShippedSheet.Criterion when = find(cond.whenCriterion());
        if (target == null || when == null || target.source().notes().stream().noneMatch(n -> n.contains(cond.note())))
            return;
        int none = when.options().stream()
                .filter(o -> o.label().equals(cond.whenOptionLabel()))
                .findFirst()
                .orElseThrow()
                .n();
        Map<String, Integer> noStory = new LinkedHashMap<>(max);
        noStory.put(when.code(), none);
        add(
                out,
                "story-structure-without-story",
                cond.whenCriterion() + " «" + cond.whenOptionLabel() + "» nhưng chọn " + cond.criterion()
                        + " phương án cao nhất: " + cond.criterion() + " được 0 điểm, cảnh báo",
                List.of(max, noStory, max),
                null,
                null);
    }

    private void cases(Map<String, String> out, Map<String, Integer> max) {
        Map<String, Integer> both = new LinkedHashMap<>(max);
        Map<String, Integer> neither = new LinkedHashMap<>(max);
        for (ShippedSheet.Criterion c : sheet.criteria()) {
            if (c.source().alternativeOf() == null) continue;
            if (c.code().endsWith("b")) both.put(c.code(), c.options().size());
            neither.remove(c.code());
        }
        add(
                out,
                "all-maximum-case-b",
                "trường hợp 2 ở mọi tiêu chí có hai trường hợp, tối đa: 100 điểm",
                List.of(choose(primaryCriteria("b"), c -> c.options().size())),
                null,
                null);
        add(out, "error-both-cases", "chấm cả hai trường hợp của một tiêu chí: lỗi", List.of(both), null, null);
        add(out, "error-no-case", "không chấm trường hợp nào của một tiêu chí: lỗi", List.of(neither), null, null);
    }

    private ShippedSheet.Criterion find(String code) {
        return sheet.criteria().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    /** The points a level needs on a criterion: the most points among its options marked for that level or below. */
    private static int required(ShippedSheet.Criterion c, int level) {
        return c.options().stream()
                .filter(o -> o.minStars() != null && o.minStars() <= level)
                .mapToInt(ReferenceSheet.Option::points)
                .max()
                .orElse(0);
    }

    private static int points(ShippedSheet.Criterion c, int option) {
        return c.options().get(option - 1).points();
    }

    // ------------------------------------------------------------------ the oracle and the file

    private void add(
            Map<String, String> out,
            String kind,
            String description,
            List<Map<String, Integer>> members,
            List<String> exclusions,
            Map<String, Integer> self) {
        String file = sheet.group() + "/" + String.format("%02d", sheet.source().number()) + "-" + kind + ".yaml";
        StringBuilder y = new StringBuilder();
        y.append(
                "# Generated by vn.ocop.rules.reference.ScenarioGenerator from rules/src/main/reference/qd26-2026 — re-run it instead of editing.\n");
        y.append("name: ")
                .append(EditionWriter.q(EDITION + "/" + id + ": " + description))
                .append('\n');
        y.append("request:\n  edition: ")
                .append(EDITION)
                .append("\n  sheet: ")
                .append(id)
                .append('\n');
        if (exclusions != null) {
            y.append("  exclusions:\n");
            exclusions.forEach(
                    x -> y.append("    - {code: ").append(x).append(", note: \"Tổ tư vấn ghi nhận khi khảo sát\"}\n"));
        }
        y.append("  assessments:\n");
        for (int i = 0; i < members.size(); i++) {
            y.append("    - member: ").append(EditionWriter.q(NAMES.get(i))).append('\n');
            y.append("      selections: ").append(flow(members.get(i))).append('\n');
        }
        if (self != null) {
            y.append("    - member: \"Hợp tác xã (tự đánh giá)\"\n      role: SELF\n      selections: ")
                    .append(flow(self))
                    .append('\n');
        }
        y.append("expect:\n");
        expect(y, members, exclusions, self);
        out.put(file, y.toString());
    }

    private static String flow(Map<String, Integer> selections) {
        return selections.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private void expect(
            StringBuilder y, List<Map<String, Integer>> members, List<String> exclusions, Map<String, Integer> self) {
        if (exclusions != null) {
            boolean known = exclusions.stream()
                    .allMatch(x ->
                            sheet.exclusions().stream().anyMatch(e -> e.code().equals(x)));
            y.append("  status: ").append(known ? "EXCLUDED" : "INVALID").append("\n  stars: null\n  findings:\n");
            for (String x : exclusions) {
                ShippedSheet.Exclusion e = sheet.exclusions().stream()
                        .filter(s -> s.code().equals(x))
                        .findFirst()
                        .orElse(null);
                y.append("    - {code: ")
                        .append(known ? x : "UNKNOWN_EXCLUSION")
                        .append(", severity: ")
                        .append(known ? "WARNING" : "ERROR")
                        .append(e != null && e.criterion() != null ? ", criterion: \"" + e.criterion() + "\"" : "")
                        .append("}\n");
            }
            return;
        }
        List<String> errors = caseErrors(members);
        if (!errors.isEmpty()) {
            y.append("  status: INVALID\n  stars: null\n  findings:\n");
            errors.forEach(e -> y.append("    - {code: ").append(e).append(", severity: ERROR}\n"));
            return;
        }
        List<String> findings = new ArrayList<>();
        List<Map<String, Integer>> points = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) points.add(score(members.get(i), NAMES.get(i), findings));
        Map<String, Integer> selfPoints = self == null ? null : score(self, "Hợp tác xã (tự đánh giá)", findings);
        List<Integer> totals = points.stream()
                .map(p -> p.values().stream().mapToInt(Integer::intValue).sum())
                .toList();
        long sum = totals.stream().mapToLong(Integer::longValue).sum();
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(totals.size()), 10, RoundingMode.DOWN);
        int byAverage = 1;
        for (Reading.Threshold t : reading.thresholds())
            if (t.from() != null && average.compareTo(BigDecimal.valueOf(t.from())) >= 0)
                byAverage = Math.max(byAverage, t.stars());
        int max = totals.stream().mapToInt(Integer::intValue).max().orElse(0),
                minTotal = totals.stream().mapToInt(Integer::intValue).min().orElse(0);
        if (max - minTotal >= reading.councilSpreadWarning()) findings.add("{code: COUNCIL_SPREAD, severity: WARNING}");
        List<int[]> unmet = new ArrayList<>(); // {criterion index, level}
        List<ShippedSheet.Criterion> all = sheet.criteria();
        for (int ci = 0; ci < all.size(); ci++) {
            ShippedSheet.Criterion c = all.get(ci);
            long cs = 0;
            int n = 0;
            for (Map<String, Integer> p : points)
                if (p.containsKey(c.code())) {
                    cs += p.get(c.code());
                    n++;
                }
            if (n == 0) continue;
            for (ReferenceSheet.Option o : c.options()) {
                if (o.minStars() != null && cs < (long) o.points() * n) unmet.add(new int[] {ci, o.minStars()});
            }
        }
        int stars = byAverage;
        for (int[] u : unmet) if (u[1] <= byAverage) stars = Math.min(stars, u[1] - 1);
        int finalByAverage = byAverage;
        List<int[]> blocking =
                unmet.stream().filter(u -> u[1] <= finalByAverage).toList();
        blocking.forEach(u -> findings.add("{code: STAR_MINIMUM_NOT_MET, severity: WARNING, criterion: \""
                + all.get(u[0]).code() + "\"}"));
        if (stars < 5) findings.add("{code: NEXT_STAR_GAP, severity: WARNING}");
        y.append("  status: VALID\n");
        y.append("  members:\n");
        for (int i = 0; i < members.size(); i++) {
            Map<String, Integer> p = points.get(i);
            y.append("    - {member: ")
                    .append(EditionWriter.q(NAMES.get(i)))
                    .append(", parts: {A: ")
                    .append(part(p, "A"))
                    .append(", B: ")
                    .append(part(p, "B"))
                    .append(", C: ")
                    .append(part(p, "C"))
                    .append("}, total: ")
                    .append(totals.get(i));
            if (reading.conditional() != null
                    && p.containsKey(reading.conditional().criterion())) {
                y.append(", criteria: {\"")
                        .append(reading.conditional().criterion())
                        .append("\": ")
                        .append(p.get(reading.conditional().criterion()))
                        .append('}');
            }
            y.append("}\n");
        }
        if (average.stripTrailingZeros().scale() <= 2)
            y.append("  averageTotal: \"")
                    .append(average.stripTrailingZeros().toPlainString())
                    .append("\"\n");
        y.append("  starsByAverage: ").append(byAverage).append('\n');
        y.append("  stars: ").append(stars).append('\n');
        y.append("  unmetMinimums:").append(blocking.isEmpty() ? " []\n" : "\n");
        blocking.forEach(u -> y.append("    - {criterion: \"")
                .append(all.get(u[0]).code())
                .append("\", stars: ")
                .append(u[1])
                .append("}\n"));
        y.append("  roadToNextStar:").append(stars == 5 ? " []\n" : "\n");
        for (int level = stars + 1; level <= 5; level++) {
            int l = level;
            BigDecimal from = BigDecimal.valueOf(reading.thresholds().stream()
                    .filter(t -> t.stars() == l)
                    .findFirst()
                    .orElseThrow()
                    .from());
            BigDecimal shortBy = from.subtract(average).max(BigDecimal.ZERO);
            long count = unmet.stream().filter(u -> u[1] <= l).count();
            y.append("    - {stars: ")
                    .append(level)
                    .append(", pointsShort: \"")
                    .append(shortBy.stripTrailingZeros().toPlainString())
                    .append("\", unmetMinimums: ")
                    .append(count)
                    .append("}\n");
        }
        if (selfPoints != null) {
            y.append("  self: {total: ")
                    .append(selfPoints.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .append("}\n");
            List<String> differ = new ArrayList<>();
            for (ShippedSheet.Criterion c : all) {
                if (!selfPoints.containsKey(c.code())) continue;
                long cs = points.stream()
                        .mapToLong(p -> p.getOrDefault(c.code(), 0))
                        .sum();
                if ((long) selfPoints.get(c.code()) * points.size() != cs) differ.add("\"" + c.code() + "\"");
            }
            y.append("  selfComparison: [").append(String.join(", ", differ)).append("]\n");
        }
        y.append("  findings:").append(findings.isEmpty() ? " []\n" : "\n");
        findings.forEach(f -> y.append("    - ").append(f).append('\n'));
    }

    private List<String> caseErrors(List<Map<String, Integer>> members) {
        List<String> errors = new ArrayList<>();
        for (Map<String, Integer> m : members) {
            Map<String, Integer> count = new LinkedHashMap<>();
            for (ShippedSheet.Criterion c : sheet.criteria()) {
                if (c.source().alternativeOf() != null)
                    count.merge(c.source().alternativeOf(), m.containsKey(c.code()) ? 1 : 0, Integer::sum);
            }
            count.values().forEach(v -> {
                if (v == 0) errors.add("CASE_NOT_CHOSEN");
                if (v > 1) errors.add("BOTH_CASES_SCORED");
            });
        }
        return errors;
    }

    /** A member's points per criterion, with the 5.2 rule applied (and its warning). */
    private Map<String, Integer> score(Map<String, Integer> selections, String member, List<String> findings) {
        Map<String, Integer> p = new LinkedHashMap<>();
        for (ShippedSheet.Criterion c : sheet.criteria()) {
            Integer o = selections.get(c.code());
            if (o != null) p.put(c.code(), points(c, o));
        }
        Reading.Conditional cond = reading.conditional();
        ShippedSheet.Criterion target = find(cond.criterion());
        ShippedSheet.Criterion when = find(cond.whenCriterion());
        if (target != null && when != null && target.source().notes().stream().anyMatch(n -> n.contains(cond.note()))) {
            int none = when.options().stream()
                    .filter(o -> o.label().equals(cond.whenOptionLabel()))
                    .findFirst()
                    .orElseThrow()
                    .n();
            int zero = target.options().stream()
                    .filter(o -> o.points() == 0)
                    .findFirst()
                    .orElseThrow()
                    .n();
            if (selections.getOrDefault(when.code(), 0) == none
                    && selections.getOrDefault(target.code(), zero) != zero) {
                p.put(target.code(), 0);
                findings.add("{code: CRITERION_NOT_APPLICABLE, severity: WARNING, criterion: \"" + target.code()
                        + "\", member: " + EditionWriter.q(member) + "}");
            }
        }
        return p;
    }

    private int part(Map<String, Integer> points, String part) {
        return sheet.criteria().stream()
                .filter(c -> c.source().part().equals(part) && points.containsKey(c.code()))
                .mapToInt(c -> points.get(c.code()))
                .sum();
    }
}
