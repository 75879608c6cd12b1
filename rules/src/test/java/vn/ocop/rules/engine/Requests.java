package vn.ocop.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;

/** Builds requests on a sheet from the catalogue. */
final class Requests {
    private Requests() {}

    /** Every criterion at the option with the k-th lowest distinct points (capped at the highest). */
    static Map<String, Integer> level(SheetInfo sheet, int k) {
        Map<String, Integer> selections = new LinkedHashMap<>();
        for (CriterionInfo c : sheet.criteria()) {
            List<OptionInfo> sorted = new ArrayList<>(c.options());
            sorted.sort(java.util.Comparator.comparingInt(OptionInfo::points));
            selections.put(c.code(), sorted.get(Math.min(k, sorted.size() - 1)).number());
        }
        return selections;
    }

    static EvaluationRequest request(String edition, SheetInfo sheet, DeclaredFacts facts, int... levels) {
        String[] names = {"Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thị Dung", "Huỳnh Văn Em"};
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) assessments.add(new Assessment(names[i], level(sheet, levels[i])));
        return new EvaluationRequest(edition, sheet.id(), facts, assessments);
    }
}
