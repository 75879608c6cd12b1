package vn.ocop.rules.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import vn.ocop.rules.api.StarMinimumBasis;
import vn.ocop.rules.engine.CompiledRulePack;

/** The requests the rules-engine benchmark scores (ocop-2019 / food-fresh-produce, the reference sheet). */
public final class BenchmarkRequests {
    public static final String EDITION = "ocop-2019";
    public static final String SHEET = "food-fresh-produce";
    static final String STORY_CONDITION = "conditions/cau-chuyen-san-pham.drl";

    /** Member An's options in sheet order (A1.1 … C3.1): 68 points. */
    private static final int[] AN = {
        3, 3, 2, 2, 3, 2, 4, 3, 2, 3, 2, 2, 2, 2, 3, 2, 3, 4, 4, 2, 3, 4, 4, 3, 3, 2, 3, 3, 4, 5, 1
    };

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
        return new EvaluationRequest(
                EDITION,
                SHEET,
                facts(),
                List.of(
                        new Assessment("Nguyễn Văn An", an),
                        new Assessment("Trần Thị Bích", bich),
                        new Assessment("Lê Hoàng Cường", cuong)));
    }

    /**
     * Three members on the 2023 food sheet (28 criteria, no declared facts): An takes option 1 + (i × 2 mod n) on the
     * i-th criterion of n options, Bích two steps differently, Cường three: members mostly agree, as councils do.
     */
    public static EvaluationRequest threeMembers2023(SheetInfo sheet) {
        Map<String, Integer> an = new LinkedHashMap<>();
        List<CriterionInfo> criteria = sheet.criteria();
        for (int i = 0; i < criteria.size(); i++)
            an.put(
                    criteria.get(i).code(),
                    1 + (i * 2) % criteria.get(i).options().size());
        Map<String, Integer> bich = new LinkedHashMap<>(an);
        bich.put(criteria.get(0).code(), criteria.get(0).options().size());
        bich.put(criteria.get(5).code(), 1);
        Map<String, Integer> cuong = new LinkedHashMap<>(an);
        cuong.put(criteria.get(1).code(), 1);
        cuong.put(criteria.get(10).code(), criteria.get(10).options().size());
        cuong.put(criteria.get(20).code(), 1);
        return new EvaluationRequest(
                "ocop-2023",
                sheet.id(),
                null,
                List.of(
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
        return new EvaluationRequest(
                "ocop-2026",
                sheet.id(),
                null,
                List.of(
                        new Assessment("Nguyễn Văn An", middle),
                        new Assessment("Trần Thị Bích", higher),
                        new Assessment("Lê Hoàng Cường", middle)));
    }

    /**
     * The baseline of a sheet as its edition scores it: the edition's star-minimum basis and, for a 2026 sheet that
     * conditions/cau-chuyen-san-pham.drl lists, "5.1 option 1 → 5.2 gets 0" awarded by that file's rule.
     */
    public static TableLookupScorer baseline(CompiledRulePack pack, SheetInfo sheet) {
        StarMinimumBasis basis = pack.info().starMinimumBasis() == null
                ? StarMinimumBasis.COUNCIL_AVERAGE
                : pack.info().starMinimumBasis();
        List<TableLookupScorer.NotApplicable> conditions = new ArrayList<>();
        String drl = pack.pack()
                .file(STORY_CONDITION)
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse("");
        if (drl.contains("\"" + sheet.id() + "\"")) {
            String rule = pack.ruleNames().get(sheet.group()).stream()
                    .filter(n -> n.startsWith("5.2 chỉ áp dụng"))
                    .findFirst()
                    .orElseThrow();
            conditions.add(new TableLookupScorer.NotApplicable("5.1", 1, "5.2", 1, rule));
        }
        return new TableLookupScorer(sheet, basis, conditions);
    }

    public static DeclaredFacts facts() {
        return new DeclaredFacts(
                ProducerType.COOPERATIVE,
                new BigDecimal("80"),
                new BigDecimal("60"),
                new BigDecimal("12"),
                "STANDARD_DECLARED",
                FoodSafetyTestStatus.PASSED_COMPLETE,
                List.of("VIETGAP"),
                DistributionArea.OUTSIDE_DISTRICT,
                6,
                "https://example.vn",
                List.of());
    }

    /** Options in sheet order → criterion code → option. */
    public static Map<String, Integer> selections(SheetInfo sheet, int[] options) {
        List<CriterionInfo> criteria = sheet.criteria();
        if (criteria.size() != options.length) {
            throw new IllegalArgumentException(
                    sheet.id() + " has " + criteria.size() + " criteria, not " + options.length);
        }
        Map<String, Integer> selections = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i++) selections.put(criteria.get(i).code(), options[i]);
        return selections;
    }
}
