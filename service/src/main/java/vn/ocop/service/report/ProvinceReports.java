package vn.ocop.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.CountRow;
import vn.ocop.api.model.Location;
import vn.ocop.api.model.PlanActual;
import vn.ocop.api.model.PlanProgress;
import vn.ocop.api.model.PlanTarget;
import vn.ocop.api.model.ProvinceReport;
import vn.ocop.api.model.TargetRow;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.certificate.Certificates;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.platform.web.ApiException;

/**
 * Builds a province's report from what is stored: one scan of the province's dossiers, one of its evaluation records
 * and one of its certificates (scans on the embedded store; a province holds thousands, not millions).
 */
@Service
class ProvinceReports {
    /** Producer types that count as "doanh nghiệp, hợp tác xã" for the plan's new-enterprise target. */
    static final Set<String> ENTERPRISES_AND_COOPERATIVES = Set.of(
            "PRIVATE_ENTERPRISE",
            "SINGLE_MEMBER_LLC",
            "MULTI_MEMBER_LLC",
            "JOINT_STOCK_MINORITY_COMMUNITY",
            "JOINT_STOCK_MAJORITY_COMMUNITY",
            "COOPERATIVE");

    static final Map<String, String> STAGES = Map.of(
            "DRAFT",
            "Đang lập hồ sơ",
            "SUBMITTED",
            "Đã nộp hồ sơ",
            "EVALUATED",
            "Đã đánh giá, phân hạng",
            "WITHDRAWN",
            "Đã rút hồ sơ");
    static final Map<String, String> GROUPS = Map.of(
            "FOOD",
            "Thực phẩm",
            "BEVERAGE",
            "Đồ uống",
            "HERBAL",
            "Thảo dược",
            "TEXTILE",
            "Vải và may mặc",
            "HANDICRAFT",
            "Lưu niệm – nội thất – trang trí",
            "TOURISM",
            "Dịch vụ du lịch nông thôn");
    static final Map<String, String> CERTIFICATE_ROWS = Map.of(
            "ISSUED",
            "Giấy chứng nhận đã cấp trong kỳ",
            "EXPIRING_WITHIN_180_DAYS",
            "Sắp hết hạn (trong 180 ngày sau kỳ báo cáo)",
            "EXPIRED",
            "Hết hạn trong kỳ",
            "REVOKED",
            "Bị thu hồi trong kỳ");

    private final Dossiers dossiers;
    private final EvaluationLedger ledger;
    private final Certificates certificates;
    private final AdminUnits units;
    private final ProgrammePlans plans;

    ProvinceReports(
            Dossiers dossiers,
            EvaluationLedger ledger,
            Certificates certificates,
            AdminUnits units,
            ProgrammePlans plans) {
        this.dossiers = dossiers;
        this.ledger = ledger;
        this.certificates = certificates;
        this.units = units;
        this.plans = plans;
    }

    /** A dossier as the report needs it. */
    record DossierFact(LocalDate registeredOn, String status, String producerKey, String producerType) {}

    /** A VALID evaluation record as the report needs it. */
    record EvaluationFact(
            String dossierId,
            long sequence,
            LocalDate on,
            String group,
            String communeCode,
            String districtCode,
            int stars) {}

    LocalDate today() {
        return certificates.today();
    }

    ProvinceReport build(String province, ReportPeriod period, String planId) {
        List<ProgrammePlans.Plan> selected = selectPlans(province, period, planId);
        List<DossierFact> dossierFacts = new ArrayList<>();
        dossiers.forEachInProvince(province, d -> {
            String key = d.getProducer() == null
                    ? null
                    : d.getProducer().getTaxOrRegistrationNumber() != null
                            ? "tax:" + d.getProducer().getTaxOrRegistrationNumber()
                            : "name:"
                                    + Normalizer.normalize(d.getProducer().getName(), Normalizer.Form.NFC)
                                            .toLowerCase(Locale.ROOT)
                                            .strip();
            dossierFacts.add(new DossierFact(
                    d.getRegisteredOn(),
                    d.getStatus() == null ? null : d.getStatus().getValue(),
                    key,
                    d.getProducer() == null || d.getProducer().getType() == null
                            ? null
                            : d.getProducer().getType().getValue()));
            return true;
        });
        List<EvaluationFact> evaluations = new ArrayList<>();
        ledger.forEach(EvaluationLedger.Filter.province(province), r -> {
            if (r.valid() && r.stars() != null && r.evaluationDate() != null && r.sequence() != null) {
                Location at = r.location();
                evaluations.add(new EvaluationFact(
                        r.dossierId(),
                        r.sequence(),
                        r.evaluationDate(),
                        r.group(),
                        at == null ? null : at.getCommuneCode(),
                        at == null ? null : at.getDistrictCode(),
                        r.stars()));
            }
            return true;
        });

        ProvinceReport report = new ProvinceReport()
                .provinceCode(province)
                .provinceName(units.provinceName(province, period.from()).orElse(null))
                .from(period.from())
                .to(period.to())
                .generatedOn(today())
                .deadline(period.deadline());

        Tally stages = new Tally(false);
        STAGES.forEach(stages::ensure);
        dossierFacts.stream()
                .filter(d -> period.contains(d.registeredOn()))
                .forEach(d -> stages.add(d.status(), STAGES.getOrDefault(d.status(), d.status()), null));
        report.dossiersByStage(stages.rows());

        List<EvaluationFact> latest = latestPerDossier(evaluations, period.from(), period.to());
        Tally byStars = new Tally(false);
        for (int s = 1; s <= 5; s++) byStars.ensure(Integer.toString(s), s + " sao");
        Tally byGroup = new Tally(true);
        Tally byCommune = new Tally(true);
        Tally byDistrict = new Tally(true);
        for (EvaluationFact e : latest) {
            byStars.add(Integer.toString(e.stars()), e.stars() + " sao", null);
            byGroup.add(e.group(), GROUPS.getOrDefault(e.group(), e.group()), e.stars());
            byCommune.add(
                    e.communeCode(), units.communeName(e.communeCode(), e.on()).orElse(null), e.stars());
            if (e.districtCode() != null)
                byDistrict.add(
                        e.districtCode(), units.districtName(e.districtCode()).orElse(null), e.stars());
        }
        report.evaluationsByStars(byStars.rows())
                .evaluationsByGroup(byGroup.rows())
                .evaluationsByCommune(byCommune.rows());
        report.evaluationsByDistrict(period.from().isBefore(AdminUnits.TWO_LEVEL_FROM) ? byDistrict.rows() : null);

        Map<String, LocalDate> joined = firstDossier(dossierFacts);
        Tally producers = new Tally(false);
        Map<String, String> typeOf = new HashMap<>();
        dossierFacts.forEach(d -> typeOf.putIfAbsent(d.producerKey(), d.producerType()));
        joined.forEach((key, first) -> {
            if (period.contains(first)) producers.add(typeOf.get(key), typeOf.get(key), null);
        });
        report.newProducers(producers.rows());

        report.certificates(certificateRows(province, period));
        List<PlanProgress> progress = new ArrayList<>();
        for (ProgrammePlans.Plan p : selected) progress.add(progress(p, period, evaluations, dossierFacts, typeOf));
        report.plans(progress);
        return report;
    }

    private List<ProgrammePlans.Plan> selectPlans(String province, ReportPeriod period, String planId) {
        if (planId != null) {
            ProgrammePlans.Plan p =
                    plans.find(planId).orElseThrow(() -> ApiException.invalidField("plan", "unknown programme plan"));
            if (!p.provinceCode().equals(province))
                throw ApiException.invalidField("plan", "belongs to province " + p.provinceCode());
            return List.of(p);
        }
        return plans.all().stream()
                .filter(p -> p.provinceCode().equals(province)
                        && !p.from().isAfter(period.to())
                        && !p.to().isBefore(period.from()))
                .toList();
    }

    private List<CountRow> certificateRows(String province, ReportPeriod period) {
        Tally t = new Tally(true);
        CERTIFICATE_ROWS.forEach(t::ensure);
        LocalDate horizon = period.to().plusDays(180);
        certificates.forEach(province, period.to(), c -> {
            if (period.contains(c.getIssuedOn())) t.add("ISSUED", CERTIFICATE_ROWS.get("ISSUED"), c.getStars());
            if (c.getStatus() == CertificateStatus.VALID
                    && c.getValidUntil().isAfter(period.to())
                    && !c.getValidUntil().isAfter(horizon)) {
                t.add("EXPIRING_WITHIN_180_DAYS", CERTIFICATE_ROWS.get("EXPIRING_WITHIN_180_DAYS"), c.getStars());
            }
            if (c.getStatus() == CertificateStatus.EXPIRED && period.contains(c.getValidUntil())) {
                t.add("EXPIRED", CERTIFICATE_ROWS.get("EXPIRED"), c.getStars());
            }
            if (c.getRevocation() != null
                    && period.contains(c.getRevocation().getDecision().getDate())) {
                t.add("REVOKED", CERTIFICATE_ROWS.get("REVOKED"), c.getStars());
            }
            return true;
        });
        return t.rows();
    }

    /** The latest VALID record of each dossier among those dated in [from, to]. */
    static List<EvaluationFact> latestPerDossier(List<EvaluationFact> all, LocalDate from, LocalDate to) {
        Map<String, EvaluationFact> latest = new HashMap<>();
        for (EvaluationFact e : all) {
            if (e.on().isBefore(from) || e.on().isAfter(to)) continue;
            latest.merge(e.dossierId(), e, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    /** Each producer's first dossier in the province (its registration day). */
    static Map<String, LocalDate> firstDossier(List<DossierFact> dossiers) {
        Map<String, LocalDate> first = new HashMap<>();
        for (DossierFact d : dossiers) {
            if (d.producerKey() == null || d.registeredOn() == null) continue;
            first.merge(d.producerKey(), d.registeredOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    private PlanProgress progress(
            ProgrammePlans.Plan plan,
            ReportPeriod period,
            List<EvaluationFact> evaluations,
            List<DossierFact> dossierFacts,
            Map<String, String> typeOf) {
        LocalDate end = plan.to().isBefore(period.to()) ? plan.to() : period.to();
        List<EvaluationFact> latest = latestPerDossier(evaluations, plan.from(), end);
        List<PlanActual> entered = plans.actuals(plan.id()).stream()
                .filter(a -> !a.getDate().isAfter(end))
                .toList();
        Set<String> newOnes = new HashSet<>();
        firstDossier(dossierFacts).forEach((key, first) -> {
            if (!first.isBefore(plan.from())
                    && !first.isAfter(end)
                    && ENTERPRISES_AND_COOPERATIVES.contains(typeOf.get(key))) newOnes.add(key);
        });
        Map<String, BigDecimal> actual = new HashMap<>();
        actual.put("PRODUCTS_STANDARDISED", BigDecimal.valueOf(latest.size()));
        actual.put(
                "PRODUCTS_3_TO_5_STARS",
                BigDecimal.valueOf(latest.stream().filter(e -> e.stars() >= 3).count()));
        actual.put("NEW_ENTERPRISES_AND_COOPERATIVES", BigDecimal.valueOf(newOnes.size()));
        actual.put(
                "OFFICIALS_TRAINED",
                sum(
                        entered,
                        a -> a.getOfficialsTrained() == null ? null : BigDecimal.valueOf(a.getOfficialsTrained())));
        actual.put("BUDGET_COMMUNITY", sum(entered, PlanActual::getBudgetCommunity));
        actual.put("BUDGET_CENTRAL_PROGRAMME", sum(entered, PlanActual::getBudgetCentralProgramme));
        actual.put("BUDGET_INTEGRATED", sum(entered, PlanActual::getBudgetIntegrated));
        actual.put("BUDGET_DEVELOPMENT_INVESTMENT", sum(entered, PlanActual::getBudgetDevelopmentInvestment));
        actual.put(
                "BUDGET_TOTAL",
                actual.get("BUDGET_COMMUNITY")
                        .add(actual.get("BUDGET_CENTRAL_PROGRAMME"))
                        .add(actual.get("BUDGET_INTEGRATED"))
                        .add(actual.get("BUDGET_DEVELOPMENT_INVESTMENT")));
        List<TargetRow> rows = new ArrayList<>();
        for (PlanTarget t : plan.targets()) {
            BigDecimal a = actual.get(t.getKey());
            BigDecimal percent = t.getTarget().signum() == 0
                    ? null
                    : a.multiply(BigDecimal.valueOf(100)).divide(t.getTarget(), 1, RoundingMode.HALF_UP);
            rows.add(new TargetRow()
                    .key(t.getKey())
                    .label(t.getLabel())
                    .target(t.getTarget())
                    .actual(a)
                    .percent(percent)
                    .source(t.getSource()));
        }
        return new PlanProgress()
                .planId(plan.id())
                .name(plan.name())
                .from(plan.from())
                .to(end)
                .rows(rows);
    }

    private static BigDecimal sum(List<PlanActual> entries, Function<PlanActual, BigDecimal> field) {
        return entries.stream().map(field).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
