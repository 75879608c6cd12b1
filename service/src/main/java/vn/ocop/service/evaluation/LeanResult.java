package vn.ocop.service.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;

/**
 * The result as a format-3 or format-4 record stores it (docs/audit.md, "Record formats"): every criterion score
 * ({@code members[].criteria[]}, {@code self.criteria[]}, {@code selfAssessment[]}) keeps its {@code code} and
 * {@code option}, and its {@code points} and {@code rule} only where they differ from what the sheet of the ruleset
 * that scored gives that option (a condition rule overrode the award, e.g. 2026 criterion 5.2). A member left out is
 * read back as the sheet's value, so {@code expand(compact(r)) = r} whenever both use the same sheet, which the
 * record's sealed {@code rulesetSha256} guarantees. Without the sheet nothing is left out (and nothing can be re-added).
 * Format 4 then leaves out a member's whole list where its own sheet in the snapshot gives it ({@link DerivedCriteria}).
 */
final class LeanResult {
    private LeanResult() {}

    /**
     * The stored form (format 4) of a result tree (plain maps and lists in the API's shape), scored from
     * {@code assessments} (the record's snapshot).
     */
    static Map<String, Object> compact(Map<String, Object> result, Optional<SheetInfo> sheet, List<?> assessments) {
        return sheet.map(s -> DerivedCriteria.leaveOut(leanScores(result, s), s, assessments))
                .orElse(result);
    }

    /**
     * The API's result tree from a stored one: a member's criteria put back from its sheet in {@code assessments}
     * (format 4; empty for format 3), and the sheet's points and rule where the record left them out.
     */
    static Map<String, Object> expand(Map<String, Object> stored, Optional<SheetInfo> sheet, List<?> assessments) {
        return fullScores(
                sheet.map(s -> DerivedCriteria.putBack(stored, s, assessments)).orElse(stored), sheet);
    }

    private static Map<String, Object> leanScores(Map<String, Object> result, SheetInfo sheet) {
        Map<String, OptionInfo[]> options = options(sheet);
        return rewrite(result, score -> {
            OptionInfo o = option(options, score);
            Map<String, Object> lean = new LinkedHashMap<>(score);
            if (o != null) {
                if (Integer.valueOf(o.points()).equals(score.get("points"))) lean.remove("points");
                if (o.rule() != null && o.rule().equals(score.get("rule"))) lean.remove("rule");
            }
            return lean;
        });
    }

    private static Map<String, Object> fullScores(Map<String, Object> stored, Optional<SheetInfo> sheet) {
        Map<String, OptionInfo[]> options = sheet.map(LeanResult::options).orElse(Map.of());
        return rewrite(stored, score -> {
            OptionInfo o = option(options, score);
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("code", score.get("code"));
            full.put("option", score.get("option"));
            full.put("points", score.containsKey("points") ? score.get("points") : o == null ? null : o.points());
            full.put("rule", score.containsKey("rule") ? score.get("rule") : o == null ? null : o.rule());
            score.forEach(full::putIfAbsent);
            return full;
        });
    }

    private interface ScoreRewrite {
        Map<String, Object> apply(Map<String, Object> score);
    }

    /** A copy of the result with every criterion score rewritten; anything else is shared. */
    private static Map<String, Object> rewrite(Map<String, Object> result, ScoreRewrite f) {
        Map<String, Object> out = members(result, member -> {
            if (member.get("criteria") instanceof List<?> scores) member.put("criteria", scores(scores, f));
        });
        if (out.get("selfAssessment") instanceof List<?> scores) out.put("selfAssessment", scores(scores, f));
        return out;
    }

    /**
     * A copy of the result whose council members ({@code members[]}) and producer's sheet ({@code self}) are copies
     * that {@code f} may change; anything else is shared.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> members(Map<String, Object> result, Consumer<Map<String, Object>> f) {
        Map<String, Object> out = new LinkedHashMap<>(result);
        if (out.get("members") instanceof List<?> members) {
            List<Object> rewritten = new ArrayList<>(members.size());
            for (Object m : members) rewritten.add(member(m, f));
            out.put("members", rewritten);
        }
        if (out.get("self") != null) out.put("self", member(out.get("self"), f));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object member(Object member, Consumer<Map<String, Object>> f) {
        if (!(member instanceof Map<?, ?> m)) return member;
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) m);
        f.accept(out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> scores(List<?> scores, ScoreRewrite f) {
        List<Object> out = new ArrayList<>(scores.size());
        for (Object s : scores) out.add(s instanceof Map<?, ?> m ? f.apply((Map<String, Object>) m) : s);
        return out;
    }

    /** Criterion code → its options by number (index 0 = option 1); the first criterion of a code wins. */
    private static Map<String, OptionInfo[]> options(SheetInfo sheet) {
        Map<String, OptionInfo[]> out = new HashMap<>();
        for (CriterionInfo c : sheet.criteria()) {
            out.computeIfAbsent(c.code(), k -> {
                int max =
                        c.options().stream().mapToInt(OptionInfo::number).max().orElse(0);
                OptionInfo[] byNumber = new OptionInfo[Math.max(0, max)];
                for (OptionInfo o : c.options()) if (o.number() >= 1) byNumber[o.number() - 1] = o;
                return byNumber;
            });
        }
        return out;
    }

    private static OptionInfo option(Map<String, OptionInfo[]> options, Map<String, Object> score) {
        OptionInfo[] byNumber = options.get(String.valueOf(score.get("code")));
        if (byNumber == null || !(score.get("option") instanceof Integer n) || n < 1 || n > byNumber.length)
            return null;
        return byNumber[n - 1];
    }
}
