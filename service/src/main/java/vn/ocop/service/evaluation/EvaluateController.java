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
import vn.ocop.service.catalogue.EditionChoice;
import vn.ocop.service.platform.web.ApiException;

/**
 * Stateless scoring: stores nothing. An INVALID result is an answer (200), not an error. Without an edition named, the
 * edition is chosen as for a stored dossier ({@link EditionChoice}): by the filing date and the province.
 */
@RestController
class EvaluateController implements EvaluationApi {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Scoring scoring;
    private final EditionChoice choice;

    EvaluateController(Scoring scoring, EditionChoice choice) {
        this.scoring = scoring;
        this.choice = choice;
    }

    @Override
    public ResponseEntity<EvaluationResult> evaluate(EvaluateRequest body) {
        LocalDate date = body.getEvaluationDate() != null ? body.getEvaluationDate() : LocalDate.now(VIETNAM);
        LocalDate registeredOn = body.getRegisteredOn() != null ? body.getRegisteredOn() : date;
        if (registeredOn.isAfter(date)) {
            throw ApiException.invalidField("registeredOn", "the filing date must not be after evaluationDate (" + date + ")");
        }
        String edition = body.getEdition();
        if (edition == null || edition.isBlank()) {
            edition = choice.forDossier(registeredOn, body.getProvinceCode()).map(EditionInfo::id)
                    .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "NO_EDITION_IN_FORCE",
                            "No criteria edition is in force on " + registeredOn));
        }
        EvaluationRequest request = new EvaluationRequest(edition, body.getGroup(), body.getSheet(),
                ApiMapping.facts(body.getDossier()), ApiMapping.assessments(body.getAssessments()),
                ApiMapping.exclusions(body.getExclusions()));
        vn.ocop.rules.api.EvaluationResult result = scoring.score(request, date);
        return ResponseEntity.ok(ApiMapping.result(result, scoring.serviceFindings(result, body.getEvaluationKind(), date)));
    }
}
