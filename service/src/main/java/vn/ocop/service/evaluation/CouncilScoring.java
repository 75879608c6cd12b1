package vn.ocop.service.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.Severity;
import vn.ocop.rules.api.Status;
import vn.ocop.service.dossier.DossierSnapshot;
import vn.ocop.service.dossier.Dossiers;

/**
 * The evaluation feature's API for a council that runs the procedure: checks one member's sheet alone before it
 * is submitted, and scores the council's submitted sheets on the council's sitting date into an immutable,
 * hash-chained evaluation record (the same record {@code POST /dossiers/{id}/evaluations} stores).
 */
@Service
public class CouncilScoring {
    /** One member's sheet: the name the record shows, CHAIR or MEMBER, criterion → option. */
    public record MemberSheet(String member, String role, Map<String, Integer> selections) {}

    /** An error the engine found in a sheet: criterion code (null for the sheet as a whole), stable code, message. */
    public record SheetError(String criterion, String code, String message) {}

    public record Recorded(
            String evaluationId,
            long sequence,
            String hash,
            String status,
            BigDecimal averageTotal,
            Integer stars,
            List<String> findingCodes,
            String edition,
            String sheet) {}

    /** The council's sheets scored without recording: each member's total, the average, stars and the findings. */
    public record Preview(
            String status,
            List<MemberTotal> members,
            BigDecimal averageTotal,
            Integer stars,
            List<SheetError> findings) {}

    public record MemberTotal(String member, int total) {}

    private final Dossiers dossiers;
    private final Scoring scoring;
    private final DossierEvaluations evaluations;

    CouncilScoring(Dossiers dossiers, Scoring scoring, DossierEvaluations evaluations) {
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.evaluations = evaluations;
    }

    /** The dossier's snapshot with these sheets (and its exclusions, as {@link #record} scores it) on {@code sittingDate}; nothing stored. */
    private EvaluationResult score(String dossierId, List<MemberSheet> sheets, LocalDate sittingDate) {
        DossierSnapshot d = dossiers.snapshot(dossierId);
        return scoring.score(
                new EvaluationRequest(
                        d.edition(),
                        d.group(),
                        d.sheet(),
                        ApiMapping.facts(d.facts()),
                        ApiMapping.assessments(
                                sheets.stream().map(CouncilScoring::input).toList()),
                        ApiMapping.exclusions(d.exclusions())),
                sittingDate);
    }

    /** The errors (findings of severity ERROR) the engine reports for this sheet scored alone; empty when it is complete and valid. */
    public List<SheetError> check(String dossierId, MemberSheet sheet, LocalDate sittingDate) {
        EvaluationResult r = score(dossierId, List.of(sheet), sittingDate);
        return r.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> new SheetError(f.criterion(), f.code(), f.message()))
                .toList();
    }

    /** The engine's result for these sheets on {@code sittingDate}, nothing stored (the chair's view before recording). */
    public Preview preview(String dossierId, List<MemberSheet> sheets, LocalDate sittingDate) {
        EvaluationResult r = score(dossierId, sheets, sittingDate);
        return new Preview(
                r.status().name(),
                r.members().stream()
                        .map(m -> new MemberTotal(m.member(), m.total()))
                        .toList(),
                r.averageTotal(),
                r.stars(),
                r.findings().stream()
                        .map(f -> new SheetError(f.criterion(), f.code(), f.message()))
                        .toList());
    }

    /** Scores the sheets on {@code sittingDate} and appends the record to the dossier's chain; marks the dossier. */
    public Recorded record(String dossierId, List<MemberSheet> sheets, LocalDate sittingDate, String user) {
        DossierSnapshot d = dossiers.snapshot(dossierId);
        List<AssessmentInput> inputs =
                sheets.stream().map(CouncilScoring::input).toList();
        DossierEvaluations.Stored stored = evaluations.append(
                new EvaluationLedger.Inputs(
                        dossierId,
                        d.edition(),
                        d.group(),
                        d.sheet(),
                        sittingDate,
                        d.location(),
                        d.facts(),
                        inputs,
                        d.registeredOn(),
                        d.evaluationKind(),
                        d.exclusions()),
                user);
        EvaluationResult result = stored.result();
        dossiers.recordEvaluation(
                d,
                stored.record().getSequence(),
                stored.record().getId(),
                result.status() == Status.VALID,
                result.stars());
        return new Recorded(
                stored.record().getId(),
                stored.record().getSequence(),
                stored.record().getHash(),
                result.status().name(),
                result.averageTotal(),
                result.stars(),
                result.findings().stream().map(Finding::code).toList(),
                d.edition(),
                d.sheet());
    }

    private static AssessmentInput input(MemberSheet s) {
        return new AssessmentInput()
                .member(s.member())
                .role(CouncilRole.fromValue(s.role()))
                .selections(s.selections());
    }
}
