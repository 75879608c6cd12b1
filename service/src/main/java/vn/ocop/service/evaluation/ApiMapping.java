package vn.ocop.service.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CriterionScore;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.MemberResult;
import vn.ocop.api.model.PartTotals;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;

/** Between the API's models and the rules engine's records. */
final class ApiMapping {
    private ApiMapping() {}

    static DeclaredFacts facts(vn.ocop.api.model.DeclaredFacts f) {
        if (f == null) {
            return DeclaredFacts.none();
        }
        return new DeclaredFacts(
                f.getProducerType() == null ? null : ProducerType.valueOf(f.getProducerType().getValue()),
                f.getRawMaterialInProvincePct(), f.getLocalLabourPct(), f.getRevenueGrowthPct(),
                f.getProductStandard() == null ? null : f.getProductStandard().getValue(),
                f.getFoodSafetyTest() == null ? null : FoodSafetyTestStatus.valueOf(f.getFoodSafetyTest().getValue()),
                f.getCertifications(),
                f.getDistributionArea() == null ? null : DistributionArea.valueOf(f.getDistributionArea().getValue()),
                f.getDistributionAgents(), f.getWebsite(), f.getExportMarkets());
    }

    static List<Assessment> assessments(List<AssessmentInput> inputs) {
        return inputs == null ? List.of() : inputs.stream().map(ApiMapping::assessment).toList();
    }

    static Assessment assessment(AssessmentInput a) {
        Map<String, Integer> selections = new LinkedHashMap<>();
        if (a.getSelections() != null) {
            a.getSelections().forEach((k, v) -> {
                if (k != null && v != null) selections.put(k, v);
            });
        }
        CouncilRole role = a.getRole() == null ? CouncilRole.MEMBER : CouncilRole.valueOf(a.getRole().getValue());
        return new Assessment(a.getMember(), role, selections);
    }

    static EvaluationResult result(vn.ocop.rules.api.EvaluationResult r) {
        BigDecimal avg = r.averageTotal();
        return new EvaluationResult()
                .status(r.status() == null ? null : EvaluationResult.StatusEnum.fromValue(r.status().name()))
                .edition(r.edition()).sheet(r.sheet())
                .rulesetVersion(r.rulesetVersion()).rulesetSha256(r.rulesetSha256())
                .members(r.members().stream().map(m -> new MemberResult()
                        .member(m.member())
                        .role(m.role() == null ? null : vn.ocop.api.model.CouncilRole.fromValue(m.role().name()))
                        .parts(m.parts() == null ? null : new PartTotals().A(m.parts().a()).B(m.parts().b()).C(m.parts().c()))
                        .total(m.total())
                        .criteria(m.criteria().stream().map(c -> new CriterionScore().code(c.code()).option(c.option())
                                .points(c.points()).rule(c.rule())).toList())).toList())
                .averageTotal(avg)
                .averageTotalRounded(r.averageTotalRounded())
                .stars(r.stars())
                .selfAssessment(r.selfAssessment().stream().map(s -> new CriterionScore().code(s.code()).option(s.option())
                        .points(s.points()).rule(s.rule())).toList())
                .findings(r.findings().stream().map(f -> new Finding().code(f.code())
                        .severity(f.severity() == null ? null : Finding.SeverityEnum.fromValue(f.severity().name()))
                        .criterion(f.criterion()).member(f.member()).message(f.message())).toList());
    }
}
