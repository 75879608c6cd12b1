package vn.ocop.service.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.EvaluateRequest;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.server.EvaluationApi;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.service.catalogue.Catalogue;
import vn.ocop.service.platform.web.ApiException;

/** Stateless scoring: stores nothing. An INVALID result is an answer (200), not an error. */
@RestController
class EvaluateController implements EvaluationApi {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Scoring scoring;
    private final Catalogue catalogue;

    EvaluateController(Scoring scoring, Catalogue catalogue) {
        this.scoring = scoring;
        this.catalogue = catalogue;
    }

    @Override
    public ResponseEntity<EvaluationResult> evaluate(EvaluateRequest body) {
        String edition = body.getEdition();
        LocalDate date = body.getEvaluationDate() != null ? body.getEvaluationDate() : LocalDate.now(VIETNAM);
        if (edition == null || edition.isBlank()) {
            edition = catalogue.inForceOn(date).map(EditionInfo::id).orElseThrow(() -> new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "NO_EDITION_IN_FORCE", "No criteria edition is in force on " + date));
        }
        EvaluationRequest request = new EvaluationRequest(edition, body.getGroup(), body.getSheet(),
                ApiMapping.facts(body.getDossier()), ApiMapping.assessments(body.getAssessments()));
        return ResponseEntity.ok(ApiMapping.result(scoring.score(request, date)));
    }
}
