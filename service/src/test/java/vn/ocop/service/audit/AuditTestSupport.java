package vn.ocop.service.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;

/** Random but valid selections for a real sheet of the built-in packs. */
final class AuditTestSupport {
    private AuditTestSupport() {}

    static Map<String, Integer> randomSelections(SheetInfo sheet, Random random) {
        Map<String, Integer> s = new LinkedHashMap<>();
        for (CriterionInfo c : sheet.criteria())
            s.put(c.code(), 1 + random.nextInt(c.options().size()));
        return s;
    }

    static String selectionsJson(Map<String, Integer> selections) {
        StringBuilder sb = new StringBuilder("{");
        selections.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        return sb.append('}').toString();
    }
}
