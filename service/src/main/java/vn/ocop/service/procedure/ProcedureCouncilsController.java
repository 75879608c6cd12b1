package vn.ocop.service.procedure;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.CouncilResult;
import vn.ocop.api.model.CouncilSheet;
import vn.ocop.api.model.ProcedureMoveInput;
import vn.ocop.api.model.SheetInput;
import vn.ocop.api.server.ProcedureCouncilsApi;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.council.CouncilResults;
import vn.ocop.service.procedure.council.CouncilSheets;

@RestController
class ProcedureCouncilsController implements ProcedureCouncilsApi {
    private final CouncilSheets sheets;
    private final CouncilResults results;
    private final Callers callers;

    ProcedureCouncilsController(CouncilSheets sheets, CouncilResults results, Callers callers) {
        this.sheets = sheets;
        this.results = results;
        this.callers = callers;
    }

    @Override
    public ResponseEntity<List<CouncilSheet>> listCouncilSheets(String id, String dossierId) {
        return ResponseEntity.ok(sheets.list(id, dossierId, callers.current()).stream()
                .map(ProcedureViews::of)
                .toList());
    }

    @Override
    public ResponseEntity<CouncilSheet> saveCouncilSheet(String id, String dossierId, String member, SheetInput in) {
        return ResponseEntity.ok(ProcedureViews.of(
                sheets.save(id, dossierId, member, in.getSelections(), in.getNote(), callers.current())));
    }

    @Override
    public ResponseEntity<CouncilSheet> submitCouncilSheet(String id, String dossierId, String member) {
        return ResponseEntity.ok(ProcedureViews.of(sheets.submit(id, dossierId, member, callers.current())));
    }

    @Override
    public ResponseEntity<CouncilSheet> reopenCouncilSheet(
            String id, String dossierId, String member, ProcedureMoveInput in) {
        return ResponseEntity.ok(
                ProcedureViews.of(sheets.reopen(id, dossierId, member, in.getReason(), callers.current())));
    }

    @Override
    public ResponseEntity<vn.ocop.api.model.CouncilOverview> getCouncilOverview(String id) {
        return ResponseEntity.ok(ProcedureViews.of(results.overview(id, callers.current())));
    }

    @Override
    public ResponseEntity<CouncilResult> recordCouncilResult(String id, String dossierId) {
        return ResponseEntity.ok(ProcedureViews.of(results.record(id, dossierId, callers.current())));
    }
}
