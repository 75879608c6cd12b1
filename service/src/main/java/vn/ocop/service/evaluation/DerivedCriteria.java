package vn.ocop.service.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;

/**
 * Format 4 (docs/audit.md, "Record formats"): a member's criterion scores left out of the stored result where they
 * are exactly what its own sheet in the record's snapshot gives: its selections as {@code {code, option}} in the order
 * of the sheet's criteria, which is how the engine lists them, with no award a condition changed. The test is made
 * when writing, so a score the engine gave otherwise (an override, a criterion excluded or left unscored) keeps the
 * member's whole list; reading puts the same list back from the same snapshot and the same sealed sheet.
 */
final class DerivedCriteria {
    private DerivedCriteria() {}

    /** The result without each member's criteria that its sheet in {@code assessments} gives. */
    static Map<String, Object> leaveOut(Map<String, Object> leanResult, SheetInfo sheet, List<?> assessments) {
        return LeanResult.members(leanResult, member -> {
            List<Map<String, Object>> derived = derived(sheet, assessments, member);
            if (derived != null && derived.equals(member.get("criteria"))) member.remove("criteria");
        });
    }

    /** The result with each member's criteria that {@link #leaveOut} left out put back. */
    static Map<String, Object> putBack(Map<String, Object> stored, SheetInfo sheet, List<?> assessments) {
        return LeanResult.members(stored, member -> {
            if (member.containsKey("criteria")) return;
            List<Map<String, Object>> derived = derived(sheet, assessments, member);
            if (derived != null) member.put("criteria", derived);
        });
    }

    /** The member's selections as lean scores in the sheet's order; null without exactly one sheet by that name. */
    private static List<Map<String, Object>> derived(SheetInfo sheet, List<?> assessments, Map<String, Object> member) {
        Map<String, Object> selections = selectionsOf(assessments, member.get("member"));
        if (selections == null) return null;
        List<Map<String, Object>> out = new ArrayList<>(selections.size());
        for (CriterionInfo c : sheet.criteria()) {
            Object option = selections.get(c.code());
            if (option == null) continue;
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("code", c.code());
            score.put("option", option);
            out.add(score);
        }
        return out;
    }

    /**
     * Code → option of the one assessment by {@code member}, in either shape a record has: the API's object or the
     * stored list of {@code {code, option}}.
     */
    private static Map<String, Object> selectionsOf(List<?> assessments, Object member) {
        Map<?, ?> found = null;
        for (Object a : assessments) {
            if (!(a instanceof Map<?, ?> m) || member == null || !Objects.equals(m.get("member"), member)) continue;
            if (found != null) return null;
            found = m;
        }
        if (found == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        Object selections = found.get("selections");
        if (selections instanceof Map<?, ?> byCode)
            byCode.forEach((code, option) -> out.put(String.valueOf(code), option));
        else if (selections instanceof List<?> list) {
            for (Object s : list) {
                if (!(s instanceof Map<?, ?> score)
                        || out.putIfAbsent(String.valueOf(score.get("code")), score.get("option")) != null) return null;
            }
        } else return null;
        return out;
    }
}
