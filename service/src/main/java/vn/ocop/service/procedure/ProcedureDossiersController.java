package vn.ocop.service.procedure;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.AdvisoryReportInput;
import vn.ocop.api.model.AssignmentInput;
import vn.ocop.api.model.CommuneCheckInput;
import vn.ocop.api.model.CompletenessCheckInput;
import vn.ocop.api.model.ProcedureCase;
import vn.ocop.api.model.ProcedureDecisionInput;
import vn.ocop.api.model.ProcedureMoveInput;
import vn.ocop.api.model.ProcedureState;
import vn.ocop.api.model.Registration;
import vn.ocop.api.server.ProcedureDossiersApi;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Cases;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.council.Decisions;

@RestController
class ProcedureDossiersController implements ProcedureDossiersApi {
    private final Cases cases;
    private final Decisions decisions;
    private final Callers callers;
    private final ProcedureClock clock;

    ProcedureDossiersController(Cases cases, Decisions decisions, Callers callers, ProcedureClock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ProcedureCase> registerDossier(Registration registration) {
        CaseFile f = cases.register(registration, callers.current());
        return ResponseEntity.created(URI.create("/api/v1/procedure/dossiers/" + f.id))
                .body(view(f));
    }

    @Override
    public ResponseEntity<List<ProcedureCase>> listProcedureCases(ProcedureState state) {
        return ResponseEntity.ok(
                cases.list(callers.current(), state == null ? null : State.valueOf(state.getValue())).stream()
                        .map(this::view)
                        .toList());
    }

    @Override
    public ResponseEntity<ProcedureCase> getProcedureCase(String id) {
        return ok(cases.read(id, callers.current()));
    }

    @Override
    public ResponseEntity<ProcedureCase> fileDossier(String id, ProcedureMoveInput in) {
        return ok(cases.file(id, callers.current(), in == null ? null : in.getReason()));
    }

    @Override
    public ResponseEntity<ProcedureCase> withdrawDossier(String id, ProcedureMoveInput in) {
        return ok(cases.withdraw(id, callers.current(), in.getReason()));
    }

    @Override
    public ResponseEntity<ProcedureCase> recordCommuneCheck(String id, CommuneCheckInput in) {
        return ok(cases.communeCheck(id, callers.current(), in));
    }

    @Override
    public ResponseEntity<ProcedureCase> recordCompletenessCheck(String id, CompletenessCheckInput in) {
        return ok(cases.completenessCheck(id, callers.current(), in.getComplete(), in.getReason()));
    }

    @Override
    public ResponseEntity<ProcedureCase> assignToRound(String id, AssignmentInput in) {
        return ok(cases.assign(id, callers.current(), in == null ? null : in.getRoundId()));
    }

    @Override
    public ResponseEntity<ProcedureCase> addAdvisoryReport(String id, AdvisoryReportInput in) {
        return ok(cases.advisoryReport(id, callers.current(), in.getText()));
    }

    @Override
    public ResponseEntity<ProcedureCase> recordDecision(String id, ProcedureDecisionInput in) {
        return ok(decisions.decide(id, in, callers.current()));
    }

    private ResponseEntity<ProcedureCase> ok(CaseFile f) {
        return ResponseEntity.ok(view(f));
    }

    private ProcedureCase view(CaseFile f) {
        return ProcedureViews.of(f, clock.today());
    }
}
