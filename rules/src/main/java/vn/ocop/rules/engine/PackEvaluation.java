package vn.ocop.rules.engine;

import java.util.ArrayList;
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
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.rules.api.Status;
import vn.ocop.rules.model.Council;
import vn.ocop.rules.model.Dossier;
import vn.ocop.rules.model.MemberScore;
import vn.ocop.rules.model.Selection;
import vn.ocop.rules.model.SupportedOption;
import vn.ocop.rules.pack.CompiledRulePack;

/**
 * One evaluation on one compiled pack. Phase 1 (focus: the sheet id) awards points and derives the
 * self-assessment; phase 2 inserts the members' final scores and runs the agenda groups
 * "aggregate" (average, spread, claims), then "stars", then "gates".
 */
public final class PackEvaluation {
    public static final List<String> PHASES = List.of("aggregate", "stars", "gates");
    /** Far above any real evaluation (a few hundred firings); stops a faulty rule file from looping. */
    private static final int MAX_FIRINGS = 100_000;

    private PackEvaluation() {}

    public static EvaluationResult evaluate(CompiledRulePack pack, EvaluationRequest request, Consumer<String> firedRule) {
        if (request == null) {
            return invalid(pack, null, List.of(Findings.unknownEdition(null)));
        }
        String edition = Text.nfc(request.edition());
        if (!Text.isBlank(edition) && !edition.equals(pack.editionId())) {
            return invalid(pack, request.sheet(), List.of(Findings.unknownEdition(edition)));
        }
        SheetInfo sheet = Text.isBlank(request.sheet()) ? null : pack.sheet(Text.nfc(request.sheet())).orElse(null);
        List<Finding> findings = RequestValidator.checkSheet(request, sheet, pack.manifest().groupsOrFromSheets().keySet());
        if (!findings.isEmpty()) return invalid(pack, request.sheet(), findings);
        findings = RequestValidator.checkAssessments(request.assessments(), sheet);
        if (!findings.isEmpty()) return invalid(pack, sheet.id(), findings);
        return run(pack, sheet, request, firedRule);
    }

    /** A result for a request that could not be scored. */
    public static EvaluationResult invalid(CompiledRulePack pack, String sheet, List<Finding> findings) {
        return new EvaluationResult(Status.INVALID, pack == null ? null : pack.editionId(), sheet,
                pack == null ? null : pack.info().version(), pack == null ? null : pack.sha256(),
                List.of(), null, null, List.of(), findings);
    }

    /** Every member option 1: used to warm a KieBase. */
    public static EvaluationRequest sampleRequest(String edition, SheetInfo sheet) {
        Map<String, Integer> selections = new LinkedHashMap<>();
        sheet.criteria().forEach(c -> selections.put(c.code(), 1));
        return new EvaluationRequest(edition, sheet.id(), null, List.of(new Assessment("warm-up", selections)));
    }

    private static EvaluationResult run(CompiledRulePack pack, SheetInfo sheet, EvaluationRequest request, Consumer<String> firedRule) {
        List<Assessment> scoring = request.assessments().stream().filter(Assessment::scores).toList();
        List<MemberScore> members = new ArrayList<>();
        Dossier dossier = new Dossier(request.facts());
        Council council = new Council();
        List<SupportedOption> supported;
        KieSession session = pack.sessions(sheet.group()).orElseThrow().newKieSession();
        DefaultAgendaEventListener listener = firedRule == null ? null : new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firedRule.accept(event.getMatch().getRule().getName());
            }
        };
        try {
            if (listener != null) session.addEventListener(listener);
            for (int i = 0; i < scoring.size(); i++) {
                MemberScore member = new MemberScore(Text.nfc(scoring.get(i).member()), i);
                members.add(member);
                scoring.get(i).selections().forEach((code, option) -> session.insert(new Selection(member, sheet.id(), Text.nfc(code), option)));
            }
            session.insert(dossier);
            session.getAgenda().getAgendaGroup(sheet.id()).setFocus();
            fire(session);

            List<Finding> unscored = unscored(sheet, members);
            if (!unscored.isEmpty()) return invalid(pack, sheet.id(), unscored);

            supported = supportedOptions(sheet, dossier);
            supported.forEach(session::insert);
            members.forEach(session::insert);
            session.insert(council);
            Agenda agenda = session.getAgenda();
            for (int i = PHASES.size() - 1; i >= 0; i--) agenda.getAgendaGroup(PHASES.get(i)).setFocus();
            fire(session);
        } finally {
            if (listener != null) session.removeEventListener(listener);
            session.dispose();
        }
        return result(pack, sheet, scoring, members, supported, council);
    }

    /** Fires to quiescence; reaching the limit means a rule loops, and the evaluation has no result. */
    private static void fire(KieSession session) {
        if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
            throw new vn.ocop.rules.api.RuleLimitExceeded("RULE_FIRING_LIMIT", "Quy tắc kích hoạt quá " + MAX_FIRINGS
                    + " lần trong một lần chấm: bộ quy tắc có lỗi (quy tắc tự kích hoạt lại hoặc nối chéo các dữ kiện).");
        }
    }

    private static List<Finding> unscored(SheetInfo sheet, List<MemberScore> members) {
        List<Finding> findings = new ArrayList<>();
        for (MemberScore m : members) {
            for (CriterionInfo c : sheet.criteria()) {
                if (m.awardOf(c.code()) == null) findings.add(Findings.unscored(c.code(), m.getMember()));
            }
        }
        return findings;
    }

    private static List<SupportedOption> supportedOptions(SheetInfo sheet, Dossier dossier) {
        List<SupportedOption> out = new ArrayList<>();
        Map<String, Dossier.Supported> supported = dossier.getSupported();
        if (supported.isEmpty()) return out;
        for (CriterionInfo c : sheet.criteria()) {
            Dossier.Supported s = supported.get(c.code());
            if (s != null && s.option() >= 1 && s.option() <= c.options().size()) {
                out.add(new SupportedOption(c.code(), s.option(), c.options().get(s.option() - 1).points(), s.rule()));
            }
        }
        return out;
    }

    private static EvaluationResult result(CompiledRulePack pack, SheetInfo sheet, List<Assessment> scoring,
                                           List<MemberScore> members, List<SupportedOption> supported, Council council) {
        List<Finding> findings = council.getFindings();
        boolean invalid = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        List<SelfAssessment> self = supported.stream()
                .map(s -> new SelfAssessment(s.criterion(), s.option(), s.points(), s.rule())).toList();
        if (invalid) {
            return new EvaluationResult(Status.INVALID, pack.editionId(), sheet.id(), pack.info().version(), pack.sha256(),
                    List.of(), null, null, self, findings);
        }
        List<MemberResult> results = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            results.add(memberResult(sheet, members.get(i), scoring.get(i).role()));
        }
        return new EvaluationResult(Status.VALID, pack.editionId(), sheet.id(), pack.info().version(), pack.sha256(),
                results, council.getAverageTotal(), council.getStars(), self, findings);
    }

    private static MemberResult memberResult(SheetInfo sheet, MemberScore m, CouncilRole role) {
        List<CriterionScore> scores = new ArrayList<>();
        for (CriterionInfo c : sheet.criteria()) {
            MemberScore.Award a = m.awardOf(c.code());
            scores.add(new CriterionScore(c.code(), a.option(), a.points(), a.rule()));
        }
        return new MemberResult(m.getMember(), role, scores, new PartTotals(m.getPartA(), m.getPartB(), m.getPartC()), m.getTotal());
    }
}
