package vn.ocop.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.CriterionScore;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.PartTotals;
import vn.ocop.rules.api.SelfAssessment;
import vn.ocop.rules.api.SelfComparison;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.StarMinimumBasis;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.api.UnmetMinimum;
import vn.ocop.rules.model.Council;
import vn.ocop.rules.model.CriterionPoints;
import vn.ocop.rules.model.Dossier;
import vn.ocop.rules.model.MemberScore;
import vn.ocop.rules.model.Selection;
import vn.ocop.rules.model.StarMinimum;
import vn.ocop.rules.model.SupportedOption;
import vn.ocop.rules.pack.SheetPlan;

/**
 * One evaluation on one compiled pack. Phase 1 (focus: the sheet id, then "conditions") awards points, applies
 * conditional criteria and derives the self-assessment; phase 2 inserts the council members' final scores and
 * runs "aggregate" (average, spread, claims) and "stars" (stars by the average); phase 3 inserts the council's
 * points per criterion and the sheet's star minimums and runs "minimums", "minimum-stars" and "gates".
 * The producer's own sheet (role SELF) is scored in phase 1 and never inserted into phases 2–3.
 */
public final class PackEvaluation {
    public static final List<String> PHASES = List.of("aggregate", "stars", "minimums", "minimum-stars", "gates");
    private static final List<String> BY_AVERAGE = List.of("aggregate", "stars");
    private static final List<String> AFTER_AVERAGE = List.of("minimums", "minimum-stars", "gates");
    private static final String CONDITIONS = "conditions";
    /** Far above any real evaluation (a few hundred firings); stops a faulty rule file from looping. */
    private static final int MAX_FIRINGS = 100_000;

    private PackEvaluation() {}

    public static EvaluationResult evaluate(
            CompiledRulePack pack, EvaluationRequest request, Consumer<String> firedRule) {
        if (request == null) {
            return invalid(pack, null, List.of(Findings.unknownEdition(null)));
        }
        String edition = Text.nfc(request.edition());
        if (!Text.isBlank(edition) && !edition.equals(pack.editionId())) {
            return invalid(pack, request.sheet(), List.of(Findings.unknownEdition(edition)));
        }
        SheetInfo sheet = Text.isBlank(request.sheet())
                ? null
                : pack.sheet(Text.nfc(request.sheet())).orElse(null);
        List<Finding> findings = RequestValidator.checkSheet(
                request, sheet, pack.manifest().groupsOrFromSheets().keySet());
        if (!findings.isEmpty()) return invalid(pack, request.sheet(), findings);
        if (!request.exclusions().isEmpty()) return Exclusions.result(pack, sheet, request.exclusions());
        SheetPlan plan = pack.plan(sheet.id()).orElseGet(() -> new SheetPlan(sheet));
        findings = RequestValidator.checkAssessments(request.assessments(), plan);
        if (!findings.isEmpty()) return invalid(pack, sheet.id(), findings);
        return run(pack, plan, request, firedRule);
    }

    /** A result for a request that could not be scored. */
    public static EvaluationResult invalid(CompiledRulePack pack, String sheet, List<Finding> findings) {
        return new EvaluationResult(
                Status.INVALID,
                pack == null ? null : pack.editionId(),
                sheet,
                pack == null ? null : pack.info().version(),
                pack == null ? null : pack.sha256(),
                List.of(),
                null,
                null,
                List.of(),
                findings);
    }

    /** Every member option 1 (the first case of each alternative): used to warm a KieBase. */
    public static EvaluationRequest sampleRequest(String edition, SheetInfo sheet) {
        Map<String, Integer> selections = new LinkedHashMap<>();
        java.util.Set<String> cases = new java.util.HashSet<>();
        sheet.criteria().forEach(c -> {
            if (c.alternativeOf() == null || cases.add(c.alternativeOf())) selections.put(c.code(), 1);
        });
        return new EvaluationRequest(edition, sheet.id(), null, List.of(new Assessment("warm-up", selections)));
    }

    private static EvaluationResult run(
            CompiledRulePack pack, SheetPlan plan, EvaluationRequest request, Consumer<String> firedRule) {
        SheetInfo sheet = plan.sheet();
        List<Assessment> scoring = new ArrayList<>(request.assessments().size());
        Assessment selfSheet = null;
        for (Assessment a : request.assessments()) {
            if (a.scores()) scoring.add(a);
            else if (selfSheet == null && a.isSelf()) selfSheet = a;
        }
        Map<String, String> partOf = plan.partOf();
        List<MemberScore> members = new ArrayList<>();
        MemberScore self = null;
        Dossier dossier = new Dossier(request.facts());
        Council council = new Council();
        List<SupportedOption> supported;
        Integer starsByAverage;
        KieSession session = pack.sheetSessions(sheet.id()).orElseThrow().newKieSession();
        DefaultAgendaEventListener listener = firedRule == null
                ? null
                : new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        firedRule.accept(event.getMatch().getRule().getName());
                    }
                };
        try {
            if (listener != null) session.addEventListener(listener);
            for (int i = 0; i < scoring.size(); i++) {
                MemberScore member = new MemberScore(Text.nfc(scoring.get(i).member()), i, partOf);
                members.add(member);
                insertSelections(session, sheet, member, scoring.get(i));
            }
            if (selfSheet != null) {
                self = new MemberScore(Text.nfc(selfSheet.member()), scoring.size(), partOf);
                insertSelections(session, sheet, self, selfSheet);
            }
            session.insert(dossier);
            session.getAgenda().getAgendaGroup(CONDITIONS).setFocus();
            session.getAgenda().getAgendaGroup(sheet.id()).setFocus();
            fire(session);

            List<MemberScore> everyone = new ArrayList<>(members);
            if (self != null) everyone.add(self);
            List<Finding> unscored = unscored(sheet, everyone);
            if (!unscored.isEmpty()) return invalid(pack, sheet.id(), unscored);

            supported = supportedOptions(sheet, dossier);
            supported.forEach(session::insert);
            members.forEach(session::insert);
            session.insert(council);
            fire(session, BY_AVERAGE);
            starsByAverage = council.getStars();
            StarMinimumBasis basis = pack.info().starMinimumBasis() == null
                    ? StarMinimumBasis.COUNCIL_AVERAGE
                    : pack.info().starMinimumBasis();
            List<StarMinimum> minimums = plan.starMinimums();
            if (!minimums.isEmpty()) {
                minimums.forEach(session::insert);
                councilPoints(sheet, members, basis).forEach(session::insert);
            }
            fire(session, AFTER_AVERAGE);
        } finally {
            if (listener != null) session.removeEventListener(listener);
            session.dispose();
        }
        return result(pack, sheet, scoring, members, self, supported, council, starsByAverage);
    }

    private static void insertSelections(
            KieSession session, SheetInfo sheet, MemberScore member, Assessment assessment) {
        assessment
                .selections()
                .forEach((code, option) -> session.insert(new Selection(member, sheet.id(), Text.nfc(code), option)));
    }

    /** Focuses the groups so they run in the listed order, then fires. */
    private static void fire(KieSession session, List<String> groups) {
        Agenda agenda = session.getAgenda();
        for (int i = groups.size() - 1; i >= 0; i--)
            agenda.getAgendaGroup(groups.get(i)).setFocus();
        fire(session);
    }

    /** Fires to quiescence; reaching the limit means a rule loops, and the evaluation has no result. */
    private static void fire(KieSession session) {
        if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
            throw new vn.ocop.rules.api.RuleLimitExceeded(
                    "RULE_FIRING_LIMIT",
                    "Quy tắc kích hoạt quá " + MAX_FIRINGS
                            + " lần trong một lần chấm: bộ quy tắc có lỗi (quy tắc tự kích hoạt lại hoặc nối chéo các dữ kiện).");
        }
    }

    /** Every criterion a member chose must have been awarded by some rule (a case not chosen is not scored). */
    private static List<Finding> unscored(SheetInfo sheet, List<MemberScore> members) {
        List<Finding> findings = new ArrayList<>();
        for (MemberScore m : members) {
            for (CriterionInfo c : sheet.criteria()) {
                if (m.awardOf(c.code()) == null && (c.alternativeOf() == null || m.hasSelection(c.code()))) {
                    findings.add(Findings.unscored(c.code(), m.getMember()));
                }
            }
        }
        return findings;
    }

    /** The council's points on each criterion some member scored: exact average, or the lowest member's. */
    private static List<CriterionPoints> councilPoints(
            SheetInfo sheet, List<MemberScore> members, StarMinimumBasis basis) {
        List<CriterionPoints> out = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria()) {
            BigDecimal points = basis == StarMinimumBasis.EVERY_SCORING_MEMBER
                    ? lowest(members, c.code())
                    : average(members, c.code());
            if (points != null) out.add(new CriterionPoints(c.code(), points, basis.name()));
        }
        return out;
    }

    static BigDecimal average(List<MemberScore> members, String criterion) {
        long sum = 0;
        int n = 0;
        for (MemberScore m : members) {
            MemberScore.Award a = m.awardOf(criterion);
            if (a != null) {
                sum += a.points();
                n++;
            }
        }
        return n == 0 ? null : Council.exactAverage(sum, n);
    }

    private static BigDecimal lowest(List<MemberScore> members, String criterion) {
        return members.stream()
                .map(m -> m.awardOf(criterion))
                .filter(java.util.Objects::nonNull)
                .map(a -> BigDecimal.valueOf(a.points()))
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static List<SupportedOption> supportedOptions(SheetInfo sheet, Dossier dossier) {
        List<SupportedOption> out = new ArrayList<>();
        Map<String, Dossier.Supported> supported = dossier.getSupported();
        if (supported.isEmpty()) return out;
        for (CriterionInfo c : sheet.criteria()) {
            Dossier.Supported s = supported.get(c.code());
            if (s != null && s.option() >= 1 && s.option() <= c.options().size()) {
                out.add(new SupportedOption(
                        c.code(), s.option(), c.options().get(s.option() - 1).points(), s.rule()));
            }
        }
        return out;
    }

    private static EvaluationResult result(
            CompiledRulePack pack,
            SheetInfo sheet,
            List<Assessment> scoring,
            List<MemberScore> members,
            MemberScore self,
            List<SupportedOption> supported,
            Council council,
            Integer starsByAverage) {
        List<Finding> findings = new ArrayList<>();
        members.forEach(m -> findings.addAll(m.getFindings()));
        if (self != null) findings.addAll(self.getFindings());
        findings.addAll(council.getFindings());
        boolean invalid = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        List<SelfAssessment> facts = supported.stream()
                .map(s -> new SelfAssessment(s.criterion(), s.option(), s.points(), s.rule()))
                .toList();
        if (invalid) {
            return new EvaluationResult(
                    Status.INVALID,
                    pack.editionId(),
                    sheet.id(),
                    pack.info().version(),
                    pack.sha256(),
                    List.of(),
                    null,
                    null,
                    facts,
                    findings);
        }
        List<MemberResult> results = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            results.add(memberResult(sheet, members.get(i), scoring.get(i).role()));
        }
        Integer stars = council.getStars();
        List<UnmetMinimum> unmet = StarRoad.sorted(sheet, council.getUnmetMinimums());
        List<UnmetMinimum> blocking = unmet.stream()
                .filter(u -> starsByAverage != null && u.stars() <= starsByAverage)
                .toList();
        var road = StarRoad.road(pack.thresholds(), council.getAverageTotal(), stars, unmet);
        if (pack.info().starMinimumBasis() != null && !road.isEmpty()) findings.add(StarRoad.finding(road.get(0)));
        MemberResult selfResult = self == null ? null : memberResult(sheet, self, CouncilRole.SELF);
        return new EvaluationResult(
                Status.VALID,
                pack.editionId(),
                sheet.id(),
                pack.info().version(),
                pack.sha256(),
                results,
                council.getAverageTotal(),
                starsByAverage,
                stars,
                blocking,
                road,
                selfResult,
                selfComparison(sheet, self, members),
                facts,
                findings);
    }

    private static List<SelfComparison> selfComparison(SheetInfo sheet, MemberScore self, List<MemberScore> members) {
        if (self == null) return List.of();
        List<SelfComparison> out = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria()) {
            MemberScore.Award own = self.awardOf(c.code());
            BigDecimal council = average(members, c.code());
            if (own == null && council == null) continue;
            if (own == null
                    || council == null
                    || BigDecimal.valueOf(own.points()).compareTo(council) != 0) {
                out.add(new SelfComparison(c.code(), own == null ? 0 : own.points(), council));
            }
        }
        return out;
    }

    private static MemberResult memberResult(SheetInfo sheet, MemberScore m, CouncilRole role) {
        List<CriterionScore> scores = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria()) {
            MemberScore.Award a = m.awardOf(c.code());
            if (a != null) scores.add(new CriterionScore(c.code(), a.option(), a.points(), a.rule()));
        }
        return new MemberResult(
                m.getMember(), role, scores, new PartTotals(m.getPartA(), m.getPartB(), m.getPartC()), m.getTotal());
    }
}
