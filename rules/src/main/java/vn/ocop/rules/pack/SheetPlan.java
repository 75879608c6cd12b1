package vn.ocop.rules.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.model.StarMinimum;

/**
 * What every evaluation of one sheet looks up, computed once when the pack is loaded instead of per call: criteria
 * by code, each criterion's part, the criteria a member must score, the pairs of cases ("8a"/"8b"), the sheet
 * order, and the star minimums as facts (immutable, so one instance serves every session).
 */
public final class SheetPlan {
    private final SheetInfo sheet;
    private final Map<String, CriterionInfo> byCode;
    private final Map<String, String> partOf;
    private final Map<String, Integer> order;
    private final List<String> required;
    private final Map<String, List<String>> cases;
    private final List<StarMinimum> starMinimums;

    public SheetPlan(SheetInfo sheet) {
        this.sheet = sheet;
        Map<String, CriterionInfo> codes = new HashMap<>();
        Map<String, String> parts = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        List<String> plain = new ArrayList<>();
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        List<StarMinimum> minimums = new ArrayList<>();
        List<CriterionInfo> criteria = sheet.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionInfo c = criteria.get(i);
            codes.put(c.code(), c);
            parts.put(c.code(), c.part());
            positions.put(c.code(), i);
            if (c.alternativeOf() != null) {
                pairs.computeIfAbsent(c.alternativeOf(), k -> new ArrayList<>()).add(c.code());
            } else {
                plain.add(c.code());
            }
            c.options().stream()
                    .filter(o -> o.minStars() != null)
                    .forEach(o -> minimums.add(new StarMinimum(
                            c.code(), o.minStars(), o.number(), o.label(), BigDecimal.valueOf(o.points()))));
        }
        this.byCode = Map.copyOf(codes);
        this.partOf = Map.copyOf(parts);
        this.order = Map.copyOf(positions);
        this.required = List.copyOf(plain);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        pairs.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.cases = java.util.Collections.unmodifiableMap(frozen);
        this.starMinimums = List.copyOf(minimums);
    }

    public SheetInfo sheet() {
        return sheet;
    }

    /** The criterion with this (NFC) code, or null. */
    public CriterionInfo criterion(String code) {
        return byCode.get(code);
    }

    /** Criterion code → part ("A", "B", "C"). */
    public Map<String, String> partOf() {
        return partOf;
    }

    /** Position of the criterion in sheet order, or -1. */
    public int position(String code) {
        Integer p = order.get(code);
        return p == null ? -1 : p;
    }

    /** Criteria every scoring sheet must score (not a case of an alternative), in sheet order. */
    public List<String> required() {
        return required;
    }

    /** Alternative criterion ("8") → its cases' codes ("8a", "8b"), in sheet order. */
    public Map<String, List<String>> cases() {
        return cases;
    }

    /** One fact per option printed with a star minimum, in sheet order. */
    public List<StarMinimum> starMinimums() {
        return starMinimums;
    }
}
