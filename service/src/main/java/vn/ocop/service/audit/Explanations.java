package vn.ocop.service.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.CouncilSummary;
import vn.ocop.api.model.CriterionExplanation;
import vn.ocop.api.model.CriterionScore;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.model.Explanation;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.MemberExplanation;
import vn.ocop.api.model.MemberResult;
import vn.ocop.api.model.NextStarGap;
import vn.ocop.api.model.PartTotals;
import vn.ocop.api.model.UnmetMinimum;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.StoredEvaluation;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.ruleset.RulesetVersions;

/**
 * Why a record scored what it did: per member and criterion the option, its label and points, the rule that awarded
 * them and the findings, in Vietnamese. Labels come from the recorded ruleset version (the one that scored).
 */
@Service
class Explanations {
    private final EvaluationLedger ledger;
    private final RulesetVersions versions;

    Explanations(EvaluationLedger ledger, RulesetVersions versions) {
        this.ledger = ledger;
        this.versions = versions;
    }

    Explanation explain(String id) {
        EvaluationRecord r = ledger.record(id)
                .map(StoredEvaluation::record)
                .orElseThrow(() -> ApiException.notFound("Evaluation", id));
        EvaluationResult result = r.getResult() == null ? new EvaluationResult() : r.getResult();
        Optional<PackVersion> pack = versions.find(r.getEdition(), r.getRulesetVersion(), r.getRulesetSha256());
        Optional<SheetInfo> sheet = pack.flatMap(p -> p.sheet(r.getSheet()));
        Map<String, CriterionInfo> criteria = sheet.map(s -> s.criteria().stream()
                        .collect(Collectors.toMap(CriterionInfo::code, Function.identity(), (a, b) -> a)))
                .orElse(Map.of());
        List<Finding> findings = result.getFindings() == null ? List.of() : result.getFindings();

        List<MemberExplanation> members = new ArrayList<>();
        for (MemberResult m : result.getMembers() == null ? List.<MemberResult>of() : result.getMembers()) {
            List<CriterionExplanation> rows = new ArrayList<>();
            for (CriterionScore c : m.getCriteria()) {
                CriterionInfo info = criteria.get(c.getCode());
                OptionInfo option = info == null
                                || c.getOption() == null
                                || c.getOption() < 1
                                || c.getOption() > info.options().size()
                        ? null
                        : info.options().get(c.getOption() - 1);
                List<Finding> own = findings.stream()
                        .filter(f -> Objects.equals(f.getMember(), m.getMember())
                                && Objects.equals(f.getCriterion(), c.getCode()))
                        .toList();
                rows.add(new CriterionExplanation()
                        .code(c.getCode())
                        .part(info == null ? partOf(c.getCode()) : info.part())
                        .name(info == null ? null : info.name())
                        .option(c.getOption())
                        .optionLabel(option == null ? null : option.label())
                        .points(c.getPoints())
                        .maxPoints(info == null ? null : info.maxPoints())
                        .rule(c.getRule())
                        .findings(new ArrayList<>(own))
                        .explanation(sentence(m.getMember(), c, info, option)));
            }
            members.add(new MemberExplanation()
                    .member(m.getMember())
                    .role(m.getRole() == null ? null : m.getRole().getValue())
                    .parts(m.getParts() == null ? new PartTotals() : m.getParts())
                    .total(m.getTotal())
                    .criteria(rows));
        }
        return new Explanation()
                .evaluationId(r.getId())
                .dossierId(r.getDossierId())
                .sequence(r.getSequence())
                .edition(r.getEdition())
                .editionName(pack.map(p -> p.info().name()).orElse(null))
                .sheet(r.getSheet())
                .sheetName(sheet.map(SheetInfo::name).orElse(null))
                .rulesetVersion(r.getRulesetVersion())
                .rulesetSha256(r.getRulesetSha256())
                .evaluationDate(r.getEvaluationDate())
                .status(result.getStatus() == null ? null : result.getStatus().getValue())
                .members(members)
                .council(council(result, members.size()))
                .findings(new ArrayList<>(findings));
    }

    static CouncilSummary council(EvaluationResult result, int scoring) {
        BigDecimal avg = result.getAverageTotal();
        String rounded =
                avg == null ? null : avg.setScale(2, RoundingMode.HALF_UP).toPlainString();
        String summary;
        if (result.getStatus() == EvaluationResult.StatusEnum.VALID && avg != null) {
            summary = "Hội đồng có " + scoring + " thành viên chấm điểm; điểm trung bình " + rounded.replace('.', ',')
                    + "/100 điểm; sản phẩm đạt " + result.getStars() + " sao"
                    + (result.getStarsByAverage() != null
                                    && !result.getStarsByAverage().equals(result.getStars())
                            ? " (theo điểm trung bình là " + result.getStarsByAverage()
                                    + " sao, nhưng chưa đạt yêu cầu tối thiểu của hạng này)"
                            : "")
                    + ".";
        } else if (result.getStatus() == EvaluationResult.StatusEnum.EXCLUDED) {
            summary = "Hồ sơ bị loại: không đánh giá, không xếp hạng sao (xem nhận xét).";
        } else {
            long errors = result.getFindings() == null
                    ? 0
                    : result.getFindings().stream()
                            .filter(f -> f.getSeverity() == Finding.SeverityEnum.ERROR)
                            .count();
            summary = "Kết quả không hợp lệ (" + errors + " lỗi): chưa xếp hạng sao.";
        }
        return new CouncilSummary()
                .scoringMembers(scoring)
                .averageTotal(avg == null ? null : vn.ocop.service.platform.storage.CanonicalJson.decimal(avg))
                .averageTotalRounded(rounded)
                .stars(result.getStars())
                .summary(summary)
                .starsByAverage(result.getStarsByAverage())
                .unmetMinimums(
                        result.getUnmetMinimums() == null
                                ? new ArrayList<>()
                                : result.getUnmetMinimums().stream()
                                        .map(Explanations::unmet)
                                        .collect(Collectors.toCollection(ArrayList::new)))
                .roadToNextStar(
                        result.getRoadToNextStar() == null
                                ? new ArrayList<>()
                                : result.getRoadToNextStar().stream()
                                        .map(Explanations::road)
                                        .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** "Tiêu chí 1.5: hạng 4 sao cần tối thiểu 3 điểm; hội đồng đạt 2 điểm." */
    static String unmet(UnmetMinimum u) {
        return "Tiêu chí " + u.getCriterion() + ": hạng " + u.getStars() + " sao cần tối thiểu "
                + number(u.getRequiredPoints()) + " điểm; hội đồng đạt " + number(u.getCouncilPoints()) + " điểm.";
    }

    /** "Để đạt 4 sao: còn thiếu 3,5 điểm trung bình; chưa đạt yêu cầu tối thiểu ở tiêu chí 1.5 (cần 3, đạt 2)." */
    static String road(NextStarGap g) {
        StringBuilder sb = new StringBuilder("Để đạt ").append(g.getStars()).append(" sao: ");
        boolean shortOfPoints = g.getPointsShort() != null && g.getPointsShort().signum() > 0;
        sb.append(
                shortOfPoints
                        ? "còn thiếu " + number(g.getPointsShort()) + " điểm trung bình"
                        : "điểm trung bình đã đủ");
        List<UnmetMinimum> unmet = g.getUnmetMinimums() == null ? List.of() : g.getUnmetMinimums();
        if (unmet.isEmpty()) {
            sb.append("; các yêu cầu tối thiểu đã đạt.");
        } else {
            sb.append("; chưa đạt yêu cầu tối thiểu ở ").append(unmet.size() == 1 ? "tiêu chí " : "các tiêu chí ");
            sb.append(unmet.stream()
                            .map(u -> u.getCriterion() + " (cần " + number(u.getRequiredPoints()) + ", đạt "
                                    + number(u.getCouncilPoints()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
        return sb.toString();
    }

    /** A decimal as Vietnamese readers write it: at most 2 decimals, comma as the decimal mark. */
    static String number(BigDecimal d) {
        if (d == null) return "–";
        return vn.ocop.service.platform.storage.CanonicalJson.decimal(d.setScale(2, RoundingMode.HALF_UP))
                .replace('.', ',');
    }

    private static String sentence(String member, CriterionScore c, CriterionInfo info, OptionInfo option) {
        StringBuilder sb = new StringBuilder();
        sb.append("Thành viên ").append(member).append(" chọn phương án ").append(c.getOption());
        if (option != null) sb.append(" («").append(option.label()).append("»)");
        sb.append(" cho tiêu chí ").append(c.getCode());
        if (info != null) sb.append(" – ").append(info.name());
        sb.append(": ").append(c.getPoints());
        if (info != null) sb.append('/').append(info.maxPoints());
        sb.append(" điểm, do quy tắc «").append(c.getRule()).append("» cho.");
        return sb.toString();
    }

    private static String partOf(String code) {
        return code == null || code.isEmpty() ? null : code.substring(0, 1);
    }
}
