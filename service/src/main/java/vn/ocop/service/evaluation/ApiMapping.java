package vn.ocop.service.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CriterionScore;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.model.ExclusionInput;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.MemberResult;
import vn.ocop.api.model.NextStarGap;
import vn.ocop.api.model.PartTotals;
import vn.ocop.api.model.SelfComparison;
import vn.ocop.api.model.UnmetMinimum;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.DeclaredFacts;
import vn.ocop.rules.api.DistributionArea;
import vn.ocop.rules.api.Exclusion;
import vn.ocop.rules.api.FoodSafetyTestStatus;
import vn.ocop.rules.api.ProducerType;
import vn.ocop.service.dossier.DeclaredFactsMapping;

/** Between the API's models and the rules engine's records. */
final class ApiMapping {
    private ApiMapping() {}

    static DeclaredFacts facts(vn.ocop.api.model.DeclaredFacts f) {
        return DeclaredFactsMapping.toEngine(f);
    }

    static List<Assessment> assessments(List<AssessmentInput> inputs) {
        return inputs == null
                ? List.of()
                : inputs.stream().map(ApiMapping::assessment).toList();
    }

    static List<Exclusion> exclusions(List<ExclusionInput> inputs) {
        return inputs == null
                ? List.of()
                : inputs.stream()
                        .filter(java.util.Objects::nonNull)
                        .map(x -> new Exclusion(x.getCode(), x.getNote(), x.getMember()))
                        .toList();
    }

    static Assessment assessment(AssessmentInput a) {
        Map<String, Integer> selections = new LinkedHashMap<>();
        if (a.getSelections() != null) {
            a.getSelections().forEach((k, v) -> {
                if (k != null && v != null) selections.put(k, v);
            });
        }
        CouncilRole role = a.getRole() == null
                ? CouncilRole.MEMBER
                : CouncilRole.valueOf(a.getRole().getValue());
        return new Assessment(a.getMember(), role, selections);
    }

    /**
     * The result as plain maps, lists and values in exactly the shape (member names) the API model has: what a record
     * stores under {@code result}, without a Jackson round trip (replays compare millions of these).
     */
    static Map<String, Object> resultTree(vn.ocop.rules.api.EvaluationResult r) {
        return resultTree(r, List.of());
    }

    /** As {@link #resultTree(vn.ocop.rules.api.EvaluationResult)}, with findings the service adds after the engine's. */
    static Map<String, Object> resultTree(vn.ocop.rules.api.EvaluationResult r, List<Finding> serviceFindings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("edition", r.edition());
        m.put("sheet", r.sheet());
        m.put("rulesetVersion", r.rulesetVersion());
        m.put("rulesetSha256", r.rulesetSha256());
        List<Object> members = new java.util.ArrayList<>(r.members().size());
        for (vn.ocop.rules.api.MemberResult mr : r.members()) members.add(memberTree(mr));
        m.put("members", members);
        m.put("averageTotal", r.averageTotal());
        m.put("averageTotalRounded", r.averageTotalRounded());
        m.put("starsByAverage", r.starsByAverage());
        m.put("stars", r.stars());
        m.put(
                "unmetMinimums",
                r.unmetMinimums().stream().map(ApiMapping::unmetTree).toList());
        m.put(
                "roadToNextStar",
                r.roadToNextStar().stream()
                        .map(g -> {
                            Map<String, Object> gm = new LinkedHashMap<>();
                            gm.put("stars", g.stars());
                            gm.put("pointsShort", g.pointsShort());
                            gm.put(
                                    "unmetMinimums",
                                    g.unmetMinimums().stream()
                                            .map(ApiMapping::unmetTree)
                                            .toList());
                            return (Object) gm;
                        })
                        .toList());
        m.put("self", r.self() == null ? null : memberTree(r.self()));
        m.put(
                "selfComparison",
                r.selfComparison().stream()
                        .map(c -> {
                            Map<String, Object> cm = new LinkedHashMap<>();
                            cm.put("criterion", c.criterion());
                            cm.put("selfPoints", c.selfPoints());
                            cm.put("councilPoints", c.councilPoints());
                            return (Object) cm;
                        })
                        .toList());
        m.put(
                "selfAssessment",
                r.selfAssessment().stream()
                        .map(c -> score(c.code(), c.option(), c.points(), c.rule()))
                        .toList());
        List<Object> findings = new java.util.ArrayList<>();
        for (vn.ocop.rules.api.Finding f : r.findings()) {
            findings.add(finding(f.code(), f.severity().name(), f.criterion(), f.member(), f.message()));
        }
        for (Finding f : serviceFindings) {
            findings.add(
                    finding(f.getCode(), f.getSeverity().getValue(), f.getCriterion(), f.getMember(), f.getMessage()));
        }
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> memberTree(vn.ocop.rules.api.MemberResult mr) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("member", mr.member());
        mm.put("role", mr.role() == null ? null : mr.role().name());
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("A", mr.parts().a());
        parts.put("B", mr.parts().b());
        parts.put("C", mr.parts().c());
        mm.put("parts", parts);
        mm.put("total", mr.total());
        mm.put(
                "criteria",
                mr.criteria().stream()
                        .map(c -> score(c.code(), c.option(), c.points(), c.rule()))
                        .toList());
        return mm;
    }

    private static Object unmetTree(vn.ocop.rules.api.UnmetMinimum u) {
        Map<String, Object> um = new LinkedHashMap<>();
        um.put("criterion", u.criterion());
        um.put("stars", u.stars());
        um.put("requiredPoints", u.requiredPoints());
        um.put("councilPoints", u.councilPoints());
        return um;
    }

    private static Object finding(String code, String severity, String criterion, String member, String message) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("code", code);
        fm.put("severity", severity);
        fm.put("criterion", criterion);
        fm.put("member", member);
        fm.put("message", message);
        return fm;
    }

    private static Object score(String code, int option, int points, String rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("option", option);
        m.put("points", points);
        m.put("rule", rule);
        return m;
    }

    /** The engine's request from a stored record's snapshot, without a Jackson round trip. */
    @SuppressWarnings("unchecked")
    static vn.ocop.rules.api.EvaluationRequest request(org.bson.Document d) {
        org.bson.Document f = d.get("facts", org.bson.Document.class);
        DeclaredFacts facts = f == null
                ? DeclaredFacts.none()
                : new DeclaredFacts(
                        f.getString("producerType") == null ? null : ProducerType.valueOf(f.getString("producerType")),
                        decimal(f.get("rawMaterialInProvincePct")),
                        decimal(f.get("localLabourPct")),
                        decimal(f.get("revenueGrowthPct")),
                        f.getString("productStandard"),
                        f.getString("foodSafetyTest") == null
                                ? null
                                : FoodSafetyTestStatus.valueOf(f.getString("foodSafetyTest")),
                        DeclaredFactsMapping.withoutNulls(f.getList("certifications", String.class)),
                        f.getString("distributionArea") == null
                                ? null
                                : DistributionArea.valueOf(f.getString("distributionArea")),
                        f.get("distributionAgents") instanceof Number n ? n.intValue() : null,
                        f.getString("website"),
                        DeclaredFactsMapping.withoutNulls(f.getList("exportMarkets", String.class)));
        List<Assessment> assessments = new java.util.ArrayList<>();
        for (org.bson.Document a : d.getList("assessments", org.bson.Document.class, List.of())) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            for (org.bson.Document s : a.getList("selections", org.bson.Document.class, List.of())) {
                Object option = s.get("option");
                if (s.getString("code") != null && option instanceof Number n)
                    selections.put(s.getString("code"), n.intValue());
            }
            String role = a.getString("role");
            assessments.add(new Assessment(
                    a.getString("member"), role == null ? CouncilRole.MEMBER : CouncilRole.valueOf(role), selections));
        }
        List<Exclusion> exclusions = new java.util.ArrayList<>();
        for (org.bson.Document x : d.getList("exclusions", org.bson.Document.class, List.of())) {
            exclusions.add(new Exclusion(x.getString("code"), x.getString("note"), x.getString("member")));
        }
        return new vn.ocop.rules.api.EvaluationRequest(
                d.getString("edition"), d.getString("group"), d.getString("sheet"), facts, assessments, exclusions);
    }

    private static BigDecimal decimal(Object v) {
        if (v == null) return null;
        if (v instanceof org.bson.types.Decimal128 d) return d.bigDecimalValue();
        if (v instanceof BigDecimal b) return b;
        if (v instanceof Double || v instanceof Float) return new BigDecimal(v.toString());
        if (v instanceof Number n) return BigDecimal.valueOf(n.longValue());
        throw new IllegalArgumentException("not a number: " + v);
    }

    static EvaluationResult result(vn.ocop.rules.api.EvaluationResult r) {
        return result(r, List.of());
    }

    /** The API's result; {@code serviceFindings} (e.g. the transition deadline) follow the engine's findings. */
    static EvaluationResult result(vn.ocop.rules.api.EvaluationResult r, List<Finding> serviceFindings) {
        BigDecimal avg = r.averageTotal();
        EvaluationResult view = new EvaluationResult()
                .starsByAverage(r.starsByAverage())
                .unmetMinimums(r.unmetMinimums().stream().map(ApiMapping::unmet).toList())
                .roadToNextStar(r.roadToNextStar().stream()
                        .map(g -> new NextStarGap()
                                .stars(g.stars())
                                .pointsShort(g.pointsShort())
                                .unmetMinimums(g.unmetMinimums().stream()
                                        .map(ApiMapping::unmet)
                                        .toList()))
                        .toList())
                .self(r.self() == null ? null : member(r.self()))
                .selfComparison(r.selfComparison().stream()
                        .map(c -> new SelfComparison()
                                .criterion(c.criterion())
                                .selfPoints(c.selfPoints())
                                .councilPoints(c.councilPoints()))
                        .toList())
                .status(
                        r.status() == null
                                ? null
                                : EvaluationResult.StatusEnum.fromValue(
                                        r.status().name()))
                .edition(r.edition())
                .sheet(r.sheet())
                .rulesetVersion(r.rulesetVersion())
                .rulesetSha256(r.rulesetSha256())
                .members(r.members().stream().map(ApiMapping::member).toList())
                .averageTotal(avg)
                .averageTotalRounded(r.averageTotalRounded())
                .stars(r.stars())
                .selfAssessment(r.selfAssessment().stream()
                        .map(s -> new CriterionScore()
                                .code(s.code())
                                .option(s.option())
                                .points(s.points())
                                .rule(s.rule()))
                        .toList())
                .findings(r.findings().stream()
                        .map(f -> new Finding()
                                .code(f.code())
                                .severity(
                                        f.severity() == null
                                                ? null
                                                : Finding.SeverityEnum.fromValue(
                                                        f.severity().name()))
                                .criterion(f.criterion())
                                .member(f.member())
                                .message(f.message()))
                        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        serviceFindings.forEach(view::addFindingsItem);
        return view;
    }

    private static MemberResult member(vn.ocop.rules.api.MemberResult m) {
        return new MemberResult()
                .member(m.member())
                .role(
                        m.role() == null
                                ? null
                                : vn.ocop.api.model.CouncilRole.fromValue(
                                        m.role().name()))
                .parts(
                        m.parts() == null
                                ? null
                                : new PartTotals()
                                        .A(m.parts().a())
                                        .B(m.parts().b())
                                        .C(m.parts().c()))
                .total(m.total())
                .criteria(m.criteria().stream()
                        .map(c -> new CriterionScore()
                                .code(c.code())
                                .option(c.option())
                                .points(c.points())
                                .rule(c.rule()))
                        .toList());
    }

    private static UnmetMinimum unmet(vn.ocop.rules.api.UnmetMinimum u) {
        return new UnmetMinimum()
                .criterion(u.criterion())
                .stars(u.stars())
                .requiredPoints(u.requiredPoints())
                .councilPoints(u.councilPoints());
    }
}
