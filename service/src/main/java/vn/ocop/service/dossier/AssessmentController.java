package vn.ocop.service.dossier;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.StoredAssessment;
import vn.ocop.api.server.AssessmentsApi;
import vn.ocop.service.platform.security.CurrentUser;

@RestController
class AssessmentController implements AssessmentsApi {
    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public ResponseEntity<StoredAssessment> addAssessment(String id, AssessmentInput input, String idempotencyKey) {
        // Idempotency-Key is handled for every write by the platform's IdempotencyFilter
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.add(id, input, CurrentUser.name()));
    }

    @Override
    public ResponseEntity<List<StoredAssessment>> listAssessments(String id) {
        return ResponseEntity.ok(assessments.forDossier(id));
    }
}
