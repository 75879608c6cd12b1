package vn.ocop.rules.bench;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;
import vn.ocop.rules.api.SheetInfo;

/** The requests the rules-engine benchmark scores (ocop-2019 / food-fresh-produce, the reference sheet). */
public final class BenchmarkRequests {
    public static final String EDITION = "ocop-2019";
    public static final String SHEET = "food-fresh-produce";

    /** Member An's options in sheet order (A1.1 … C3.1): 68 points. */
    private static final int[] AN = {3, 3, 2, 2, 3, 2, 4, 3, 2, 3, 2, 2, 2, 2, 3, 2, 3, 4, 4, 2, 3, 4, 4, 3, 3, 2, 3, 3, 4, 5, 1};

    private BenchmarkRequests() {}

    /**
     * One dossier declaring every fact the self-assessment rules read (all eight objective criteria get a
     * supported option), three members: An 68, Bích 73 (claims B1.1 "international", more than the
     * declared facts support: one CLAIM_EXCEEDS_FACTS), Cường 64; spread 9, average 68.33…, 3 stars.
     */
    public static EvaluationRequest threeMembers(SheetInfo sheet) {
        Map<String, Integer> an = selections(sheet, AN);
        Map<String, Integer> bich = new LinkedHashMap<>(an);
        bich.put("B1.1", 4);
        bich.put("C1.2", 5);
        Map<String, Integer> cuong = new LinkedHashMap<>(an);
        cuong.put("A1.5", 2);
        cuong.put("C1.7", 2);
        cuong.put("B1.3", 2);
        return new EvaluationRequest(EDITION, SHEET, facts(), List.of(
                new Assessment("Nguyễn Văn An", an),
                new Assessment("Trần Thị Bích", bich),
                new Assessment("Lê Hoàng Cường", cuong)));
    }

    /** Three members on a 2026 sheet: every criterion at its middle option, one member a step higher everywhere. */
    public static EvaluationRequest threeMembers2026(SheetInfo sheet) {
        Map<String, Integer> middle = new LinkedHashMap<>();
        Map<String, Integer> higher = new LinkedHashMap<>();
        for (CriterionInfo c : sheet.criteria()) {
            if (c.alternativeOf() != null && !c.code().endsWith("a")) continue;
            int mid = (c.options().size() + 1) / 2;
            middle.put(c.code(), mid);
            higher.put(c.code(), Math.min(c.options().size(), mid + 1));
        }
        return new EvaluationRequest("ocop-2026", sheet.id(), null, List.of(
                new Assessment("Nguyễn Văn An", middle), new Assessment("Trần Thị Bích", higher), new Assessment("Lê Hoàng Cường", middle)));
    }

    public static DeclaredFacts facts() {
        return new DeclaredFacts(ProducerType.COOPERATIVE, new BigDecimal("80"), new BigDecimal("60"), new BigDecimal("12"),
                "STANDARD_DECLARED", FoodSafetyTestStatus.PASSED_COMPLETE, List.of("VIETGAP"),
                DistributionArea.OUTSIDE_DISTRICT, 6, "https://example.vn", List.of());
    }

    /** Options in sheet order → criterion code → option. */
    public static Map<String, Integer> selections(SheetInfo sheet, int[] options) {
        List<CriterionInfo> criteria = sheet.criteria();
        if (criteria.size() != options.length) {
            throw new IllegalArgumentException(sheet.id() + " has " + criteria.size() + " criteria, not " + options.length);
        }
        Map<String, Integer> selections = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i++) selections.put(criteria.get(i).code(), options[i]);
        return selections;
    }
}
