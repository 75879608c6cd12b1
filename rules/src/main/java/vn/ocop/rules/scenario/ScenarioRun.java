package vn.ocop.rules.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.engine.CompiledRulePack;

/**
 * Runs golden scenarios against one compiled pack and reports, instead of asserting: pass/fail per scenario with
 * the differences, and the rules no scenario fired per group. Same comparison as the rules module's test runner.
 */
public final class ScenarioRun {

    /** One scenario's outcome. */
    public record Outcome(String file, String name, boolean passed, List<String> differences) {}

    /** The whole run. */
    public record Report(List<Outcome> outcomes, Map<String, List<String>> unfiredRules) {
        /** False when no scenario ran: a pack with nothing to run proves nothing. */
        public boolean passed() {
            return !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::passed);
        }

        public long failed() {
            return outcomes.stream().filter(o -> !o.passed()).count();
        }
    }

    private ScenarioRun() {}

    /**
     * Runs every scenario on the pack. A scenario that throws fails with the exception as its difference.
     */
    public static Report run(CompiledRulePack pack, List<ScenarioFile> scenarios) {
        Map<String, Set<String>> fired = new ConcurrentHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (ScenarioFile s : scenarios) {
            EvaluationRequest request = s.request();
            String group = pack.sheet(request.sheet()).map(SheetInfo::group).orElse("?");
            try {
                // a scenario naming another edition (e.g. "unknown edition") is scored by an engine holding only this
                // pack
                EvaluationResult result = pack.editionId().equals(request.edition())
                        ? pack.evaluate(
                                request,
                                rule -> fired.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet())
                                        .add(rule))
                        : onlyThisPack(pack).evaluate(request);
                List<String> diffs = differences(s.expect(), result);
                outcomes.add(new Outcome(s.file(), s.name(), diffs.isEmpty(), diffs));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(s.file(), s.name(), false, List.of("error: " + describe(e))));
            }
        }
        Map<String, List<String>> unfired = new TreeMap<>();
        pack.ruleNames().forEach((group, names) -> {
            TreeSet<String> missing = new TreeSet<>(names);
            missing.removeAll(fired.getOrDefault(group, Set.of()));
            if (!missing.isEmpty()) unfired.put(group, List.copyOf(missing));
        });
        return new Report(List.copyOf(outcomes), unfired);
    }

    /** A rule limit (code and Vietnamese message) when one is behind the exception, else the exception itself. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof vn.ocop.rules.api.RuleLimitExceeded limit) return limit.code() + ": " + limit.getMessage();
        }
        return e.toString();
    }

    private static vn.ocop.rules.api.RulesEngine onlyThisPack(CompiledRulePack pack) {
        return new vn.ocop.rules.engine.DroolsRulesEngine(List.of(pack));
    }

    /** What differs between the expect block and the result; empty when the scenario passes. */
    @SuppressWarnings("unchecked")
    public static List<String> differences(Map<String, Object> expect, EvaluationResult result) {
        List<String> d = new ArrayList<>();
        if (!result.status().name().equals(String.valueOf(expect.get("status")))) {
            d.add("status: expected " + expect.get("status") + ", got " + result.status() + " (findings "
                    + codes(result.findings()) + ")");
        }
        if (expect.containsKey("stars")) {
            Integer want = expect.get("stars") == null ? null : ((Number) expect.get("stars")).intValue();
            if (!Objects.equals(want, result.stars())) {
                d.add("stars: expected " + want + ", got " + result.stars() + " (average " + result.averageTotal()
                        + ")");
            }
        }
        if (expect.containsKey("starsByAverage")) {
            Integer want =
                    expect.get("starsByAverage") == null ? null : ((Number) expect.get("starsByAverage")).intValue();
            if (!Objects.equals(want, result.starsByAverage()))
                d.add("starsByAverage: expected " + want + ", got " + result.starsByAverage());
        }
        if (expect.containsKey("unmetMinimums")) {
            List<String> want = ((List<Map<String, Object>>) expect.get("unmetMinimums"))
                    .stream()
                            .map(u -> u.get("criterion") + "@" + u.get("stars"))
                            .sorted()
                            .toList();
            List<String> got = result.unmetMinimums().stream()
                    .map(u -> u.criterion() + "@" + u.stars())
                    .sorted()
                    .toList();
            if (!want.equals(got)) d.add("unmetMinimums (criterion@stars): expected " + want + ", got " + got);
        }
        if (expect.containsKey("roadToNextStar")) {
            List<String> want = ((List<Map<String, Object>>) expect.get("roadToNextStar"))
                    .stream()
                            .map(g -> g.get("stars") + ":"
                                    + new BigDecimal(g.get("pointsShort").toString())
                                            .stripTrailingZeros()
                                            .toPlainString()
                                    + ":" + g.get("unmetMinimums"))
                            .toList();
            List<String> got = result.roadToNextStar().stream()
                    .map(g -> g.stars() + ":"
                            + g.pointsShort().stripTrailingZeros().toPlainString() + ":"
                            + g.unmetMinimums().size())
                    .toList();
            if (!want.equals(got))
                d.add("roadToNextStar (stars:pointsShort:unmet count): expected " + want + ", got " + got);
        }
        if (expect.containsKey("self")) {
            Map<String, Object> want = (Map<String, Object>) expect.get("self");
            if (result.self() == null) {
                d.add("self: expected a scored SELF sheet, got none");
            } else if (want.containsKey("total")
                    && !Objects.equals(num(want.get("total")), num(result.self().total()))) {
                d.add("self total: expected " + want.get("total") + ", got "
                        + result.self().total());
            }
        }
        if (expect.containsKey("selfComparison")) {
            List<String> want = ((List<Object>) expect.get("selfComparison"))
                    .stream().map(String::valueOf).toList();
            List<String> got =
                    result.selfComparison().stream().map(c -> c.criterion()).toList();
            if (!want.equals(got)) d.add("selfComparison criteria: expected " + want + ", got " + got);
        }
        if (expect.get("averageTotal") != null) {
            BigDecimal want = new BigDecimal(expect.get("averageTotal").toString());
            if (result.averageTotal() == null || result.averageTotal().compareTo(want) != 0) {
                d.add("averageTotal: expected " + want + ", got " + result.averageTotal());
            }
        }
        if (expect.get("averageTotalRounded") != null) {
            BigDecimal want = new BigDecimal(expect.get("averageTotalRounded").toString());
            if (!want.equals(result.averageTotalRounded())) {
                d.add("averageTotalRounded: expected " + want + ", got " + result.averageTotalRounded());
            }
        }
        if (expect.containsKey("members")) {
            members((List<Map<String, Object>>) expect.get("members"), result.members(), d);
        }
        findings((List<Map<String, Object>>) expect.getOrDefault("findings", List.of()), result.findings(), d);
        if (expect.containsKey("selfAssessment")) {
            Map<String, Integer> actual = new TreeMap<>(result.selfAssessment().stream()
                    .collect(Collectors.toMap(s -> s.code(), s -> s.option(), (a, b) -> a)));
            Map<String, Integer> want = new TreeMap<>();
            ((Map<Object, Object>) expect.get("selfAssessment"))
                    .forEach((k, v) -> want.put(k.toString(), ((Number) v).intValue()));
            if (!want.equals(actual)) d.add("selfAssessment: expected " + want + ", got " + actual);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static void members(List<Map<String, Object>> expected, List<MemberResult> actual, List<String> d) {
        if (expected.size() != actual.size()) {
            d.add("members: expected " + expected.size() + ", got " + actual.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            MemberResult m = actual.get(i);
            if (!Objects.equals(e.get("member"), m.member()))
                d.add("member " + (i + 1) + ": expected " + e.get("member") + ", got " + m.member());
            Map<String, Object> parts = (Map<String, Object>) e.get("parts");
            if (parts != null) {
                List<Object> want = List.of(num(parts.get("A")), num(parts.get("B")), num(parts.get("C")));
                List<Object> got = List.of(
                        num(m.parts().a()), num(m.parts().b()), num(m.parts().c()));
                if (!want.equals(got)) d.add("parts of " + m.member() + ": expected A/B/C " + want + ", got " + got);
            }
            if (e.containsKey("total") && !Objects.equals(num(e.get("total")), num(m.total()))) {
                d.add("total of " + m.member() + ": expected " + e.get("total") + ", got " + m.total());
            }
            if (e.get("criteria") instanceof Map<?, ?> criteria) {
                criteria.forEach((code, points) -> {
                    Object got = m.criteria().stream()
                            .filter(c -> c.code().equals(String.valueOf(code)))
                            .findFirst()
                            .map(c -> num(c.points()))
                            .orElse(null);
                    if (!Objects.equals(num(points), got))
                        d.add("points of " + m.member() + " on " + code + ": expected " + points + ", got " + got);
                });
            }
        }
    }

    private static Object num(Object o) {
        return o instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : o;
    }

    private static void findings(List<Map<String, Object>> expected, List<Finding> actual, List<String> d) {
        List<Finding> left = new ArrayList<>(actual);
        List<Map<String, Object>> unmatched = new ArrayList<>();
        for (Map<String, Object> e : expected) {
            Finding match = left.stream().filter(f -> matches(e, f)).findFirst().orElse(null);
            if (match == null) unmatched.add(e);
            else left.remove(match);
        }
        unmatched.forEach(e -> d.add("finding expected but not raised: " + new LinkedHashMap<>(e)));
        left.forEach(f -> d.add("finding not expected: " + f.code() + " " + f.severity()
                + (f.criterion() == null ? "" : " " + f.criterion())
                + (f.member() == null ? "" : " (" + f.member() + ")")));
    }

    private static boolean matches(Map<String, Object> e, Finding f) {
        return f.code().equals(e.get("code"))
                && f.severity().name().equals(String.valueOf(e.get("severity")))
                && (e.get("criterion") == null || e.get("criterion").toString().equals(f.criterion()))
                && (e.get("member") == null || e.get("member").toString().equals(f.member()));
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList().toString();
    }
}
