package vn.ocop.service.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.EvaluateRequest;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.server.EvaluationApi;
import vn.ocop.rules.api.Assessment;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.service.catalogue.EditionChoice;
import vn.ocop.service.dossier.SheetInputCheck;
import vn.ocop.service.platform.text.TextNormalizer;
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
            throw ApiException.invalidField(
                    "registeredOn", "the filing date must not be after evaluationDate (" + date + ")");
        }
        String edition = body.getEdition();
        if (edition == null || edition.isBlank()) {
            edition = choice.forDossier(registeredOn, body.getProvinceCode())
                    .map(EditionInfo::id)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "NO_EDITION_IN_FORCE",
                            "Không có bộ tiêu chí hiệu lực vào ngày " + registeredOn
                                    + " (no criteria edition is in force)"));
        }
        EvaluationRequest request = new EvaluationRequest(
                edition,
                body.getGroup(),
                body.getSheet(),
                ApiMapping.facts(body.getDossier()),
                checkedAssessments(body.getAssessments()),
                ApiMapping.exclusions(body.getExclusions()));
        vn.ocop.rules.api.EvaluationResult result = scoring.score(request, date);
        return ResponseEntity.ok(
                ApiMapping.result(result, scoring.serviceFindings(result, body.getEvaluationKind(), date)));
    }

    /**
     * Members and selections checked at the door (names cleaned, codes well-formed, options 1–100, one sheet per
     * person however the name is spelled); whether the sheet is complete is the engine's answer (INVALID, 200).
     */
    private static List<Assessment> checkedAssessments(List<AssessmentInput> inputs) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        List<Assessment> out = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; inputs != null && i < inputs.size(); i++) {
            AssessmentInput a = inputs.get(i);
            String at = "assessments[" + i + "]";
            String member = SheetInputCheck.member(at + ".member", a.getMember(), errors);
            Map<String, Integer> selections = SheetInputCheck.selections(at + ".selections", a.getSelections(), errors);
            Integer first =
                    member == null || member.isEmpty() ? null : byKey.putIfAbsent(TextNormalizer.nameKey(member), i);
            if (first != null) {
                errors.add(new ApiException.FieldProblem(
                        at + ".member",
                        "DUPLICATE_MEMBER",
                        "cùng một người với assessments[" + first
                                + "].member (chỉ khác cách viết) (the same member twice)"));
            }
            out.add(new Assessment(
                    member,
                    a.getRole() == null
                            ? CouncilRole.MEMBER
                            : CouncilRole.valueOf(a.getRole().getValue()),
                    selections));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(
                    "VALIDATION_FAILED", "Phiếu chấm điểm có trường không hợp lệ (invalid fields)", errors);
        }
        return out;
    }
}
