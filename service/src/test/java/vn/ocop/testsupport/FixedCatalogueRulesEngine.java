package vn.ocop.testsupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.CriterionScore;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.ExclusionInfo;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.PartTotals;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;

/**
 * TEST DOUBLE of the rules engine, for the service's tests until the Drools engine is merged: two editions
 * (ocop-2019, ocop-2023) with one three-criterion sheet each (A1 max 35/40, B1 max 25, C1 max 40/35), the
 * national star thresholds, a COUNCIL_SPREAD warning and one exclusion ({@link #EXCLUSION}: EXCLUDED, no stars). Not
 * the real OCOP criteria.
 */
public class FixedCatalogueRulesEngine implements RulesEngine {
    public static final String SHEET = "food-fresh-produce";
    /** The one exclusion of the double's sheets. */
    public static final String EXCLUSION = "FOOD_SAFETY_CERT_EXPIRED";

    private final List<EditionInfo> editions = List.of(
            edition("ocop-2019", LocalDate.of(2019, 8, 21), LocalDate.of(2023, 2, 23), 35, 25, 40),
            edition("ocop-2023", LocalDate.of(2023, 2, 24), null, 40, 25, 35));

    private static EditionInfo edition(String id, LocalDate from, LocalDate to, int a, int b, int c) {
        List<CriterionInfo> criteria =
                List.of(criterion("A1", "A", a), criterion("B1", "B", b), criterion("C1", "C", c));
        SheetInfo sheet = new SheetInfo(
                SHEET,
                "FOOD",
                "Rau, củ, quả, hạt tươi",
                List.of("Rau, củ, quả, hạt tươi"),
                Map.of("A", a, "B", b, "C", c),
                "test double",
                false,
                criteria,
                null,
                null,
                List.of(new ExclusionInfo(EXCLUSION, "Giấy chứng nhận an toàn thực phẩm hết hiệu lực", null)),
                null);
        return new EditionInfo(
                id,
                "Bộ tiêu chí thử " + id,
                "test",
                from,
                to,
                null,
                Map.of("A", a, "B", b, "C", c),
                "1",
                "sha-" + id,
                List.of(sheet));
    }

    /** Options 1..3 give 20%, 60% and 100% of the maximum. */
    private static CriterionInfo criterion(String code, String part, int max) {
        return new CriterionInfo(
                code,
                part,
                "Nhóm " + part,
                "Tiêu chí " + code,
                List.of(
                        new OptionInfo(1, "thấp", max / 5, code + " option 1"),
                        new OptionInfo(2, "trung bình", max * 3 / 5, code + " option 2"),
                        new OptionInfo(3, "cao", max, code + " option 3")));
    }

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
        List<Finding> findings = new ArrayList<>();
        Optional<SheetInfo> sheet = sheet(request.edition(), request.sheet());
        EditionInfo edition = edition(request.edition()).orElse(null);
        String version = edition == null ? null : edition.version();
        String sha = edition == null ? null : edition.sha256();
        if (edition == null) {
            findings.add(error("UNKNOWN_EDITION", null, null, "Không có bộ tiêu chí " + request.edition()));
        } else if (sheet.isEmpty()) {
            findings.add(error("UNKNOWN_SHEET", null, null, "Không có phiếu " + request.sheet()));
        }
        if (!findings.isEmpty()) {
            return invalid(request, version, sha, findings);
        }
        if (!request.exclusions().isEmpty()) {
            return excluded(request, version, sha);
        }
        List<MemberResult> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Assessment a : request.assessments()) {
            if (a.member() == null || a.member().isBlank()) {
                findings.add(error("MEMBER_NAME_MISSING", null, null, "Thiếu tên thành viên"));
                continue;
            }
            if (!seen.add(a.member())) {
                findings.add(error("DUPLICATE_MEMBER", null, a.member(), "Trùng thành viên"));
                continue;
            }
            if (!a.scores()) continue;
            int[] parts = new int[3];
            List<CriterionScore> scores = new ArrayList<>();
            for (CriterionInfo c : sheet.get().criteria()) {
                Integer option = a.selections().get(c.code());
                if (option == null) {
                    findings.add(error("MISSING_CRITERION", c.code(), a.member(), "Thiếu tiêu chí " + c.code()));
                } else if (option < 1 || option > c.options().size()) {
                    findings.add(error("OPTION_OUT_OF_RANGE", c.code(), a.member(), "Phương án không hợp lệ"));
                } else {
                    OptionInfo o = c.options().get(option - 1);
                    scores.add(new CriterionScore(c.code(), option, o.points(), o.rule()));
                    parts["ABC".indexOf(c.part())] += o.points();
                }
            }
            for (String code : a.selections().keySet()) {
                if (sheet.get().criteria().stream().noneMatch(c -> c.code().equals(code))) {
                    findings.add(error("UNKNOWN_CRITERION", code, a.member(), "Không có tiêu chí " + code));
                }
            }
            members.add(new MemberResult(
                    a.member(),
                    a.role(),
                    scores,
                    new PartTotals(parts[0], parts[1], parts[2]),
                    parts[0] + parts[1] + parts[2]));
        }
        if (members.isEmpty() && findings.isEmpty()) {
            findings.add(error("NO_SCORING_MEMBER", null, null, "Không có thành viên chấm điểm"));
        }
        if (!findings.isEmpty()) {
            return invalid(request, version, sha, findings);
        }
        int min = members.stream().mapToInt(MemberResult::total).min().orElse(0);
        int max = members.stream().mapToInt(MemberResult::total).max().orElse(0);
        if (max - min >= 10) {
            findings.add(new Finding("COUNCIL_SPREAD", Severity.WARNING, null, null, "Điểm chênh lệch từ 10 điểm"));
        }
        BigDecimal average = BigDecimal.valueOf(
                        members.stream().mapToInt(MemberResult::total).sum())
                .divide(BigDecimal.valueOf(members.size()), 10, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        int stars = average.compareTo(BigDecimal.valueOf(90)) >= 0
                ? 5
                : average.compareTo(BigDecimal.valueOf(70)) >= 0
                        ? 4
                        : average.compareTo(BigDecimal.valueOf(50)) >= 0
                                ? 3
                                : average.compareTo(BigDecimal.valueOf(30)) >= 0 ? 2 : 1;
        return new EvaluationResult(
                Status.VALID,
                request.edition(),
                request.sheet(),
                version,
                sha,
                members,
                average,
                stars,
                List.of(),
                findings);
    }

    private static EvaluationResult invalid(EvaluationRequest r, String version, String sha, List<Finding> findings) {
        return new EvaluationResult(
                Status.INVALID, r.edition(), r.sheet(), version, sha, List.of(), null, null, List.of(), findings);
    }

    /**
     * As the Drools engine answers a request naming exclusions: EXCLUDED, nothing scored, no stars, one WARNING per
     * exclusion with its code (the service has already refused codes the sheet does not list).
     */
    private static EvaluationResult excluded(EvaluationRequest r, String version, String sha) {
        List<Finding> found = r.exclusions().stream()
                .map(x -> new Finding(
                        x.code(), Severity.WARNING, null, x.member(), "Hồ sơ bị loại, không xếp hạng sao: " + x.code()))
                .toList();
        return new EvaluationResult(
                Status.EXCLUDED, r.edition(), r.sheet(), version, sha, List.of(), null, null, List.of(), found);
    }

    private static Finding error(String code, String criterion, String member, String message) {
        return new Finding(code, Severity.ERROR, criterion, member, message);
    }

    @Override
    public List<EditionInfo> editions() {
        return editions;
    }

    @Override
    public Optional<EditionInfo> edition(String id) {
        return editions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public Optional<SheetInfo> sheet(String edition, String sheet) {
        return edition(edition)
                .flatMap(e ->
                        e.sheets().stream().filter(s -> s.id().equals(sheet)).findFirst());
    }
}
