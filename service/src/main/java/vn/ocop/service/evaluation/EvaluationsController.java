package vn.ocop.service.evaluation;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.server.EvaluationsApi;
import vn.ocop.service.platform.security.CurrentUser;

@RestController
class EvaluationsController implements EvaluationsApi {
    private final DossierEvaluations evaluations;

    EvaluationsController(DossierEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public ResponseEntity<EvaluationRecord> evaluateDossier(String id, String idempotencyKey) {
        // Idempotency-Key is handled for every write by the platform's IdempotencyFilter
        EvaluationRecord r = evaluations.evaluate(id, CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + r.getId()))
                .body(r);
    }

    @Override
    public ResponseEntity<List<EvaluationRecord>> listDossierEvaluations(String id) {
        return ResponseEntity.ok(evaluations.forDossier(id));
    }

    @Override
    public ResponseEntity<EvaluationRecord> getEvaluation(String id) {
        return ResponseEntity.ok(evaluations.get(id));
    }
}
