package vn.ocop.service.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.Status;
import vn.ocop.service.dossier.Assessments;
import vn.ocop.service.dossier.DossierSnapshot;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.platform.web.ApiException;

/** Scores a stored dossier's assessments and keeps an immutable record of exactly what was scored. */
@Service
class DossierEvaluations {
    private final Dossiers dossiers;
    private final Assessments assessments;
    private final Scoring scoring;
    private final EvaluationRecords records;
    private final JsonMapper json;

    DossierEvaluations(Dossiers dossiers, Assessments assessments, Scoring scoring, EvaluationRecords records, JsonMapper json) {
        this.dossiers = dossiers;
        this.assessments = assessments;
        this.scoring = scoring;
        this.records = records;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    EvaluationRecord evaluate(String dossierId, String user) {
        DossierSnapshot dossier = dossiers.snapshot(dossierId);
        List<AssessmentInput> inputs = assessments.byIds(dossier.assessmentIds()).stream()
                .map(a -> new AssessmentInput().member(a.getMember()).role(a.getRole() == null ? CouncilRole.MEMBER : a.getRole())
                        .selections(a.getSelections()))
                .toList();
        if (inputs.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "NO_ASSESSMENTS",
                    "The dossier has no assessments to score; add the council members' sheets first");
        }
        vn.ocop.rules.api.EvaluationResult result = scoring.score(new EvaluationRequest(dossier.edition(), dossier.group(),
                dossier.sheet(), ApiMapping.facts(dossier.facts()), ApiMapping.assessments(inputs)));
        EvaluationResult view = ApiMapping.result(result);
        Date now = new Date();
        EvaluationRecord record = new EvaluationRecord()
                .id(UUID.randomUUID().toString())
                .dossierId(dossierId)
                .edition(result.edition()).sheet(result.sheet())
                .rulesetVersion(result.rulesetVersion()).rulesetSha256(result.rulesetSha256())
                .facts(dossier.facts()).assessments(inputs).result(view)
                .requestedBy(user)
                .requestedAt(OffsetDateTime.ofInstant(now.toInstant(), ZoneOffset.UTC))
                .previousHash(null).hash(null);
        // The next free sequence number: normally evaluationCount + 1; further if a record was stored by a request
        // that stopped before it marked the dossier, or by a concurrent one.
        long sequence = dossier.evaluationCount();
        boolean stored = false;
        for (int attempt = 0; attempt < 20 && !stored; attempt++) {
            sequence++;
            record.setSequence(sequence);
            Map<String, Object> map = json.convertValue(record, Map.class);
            map.remove("id");
            Document doc = records.document(map);
            doc.put("_id", record.getId());
            doc.put("requestedAt", now);
            stored = records.insert(doc);
        }
        if (!stored) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Could not take an evaluation number; try again");
        }
        dossiers.recordEvaluation(dossier, sequence, record.getId(), result.status() == Status.VALID, result.stars());
        return record;
    }

    List<EvaluationRecord> forDossier(String dossierId) {
        // +1: a record stored by a request that stopped before marking the dossier is still listed
        return records.forDossier(dossierId, dossiers.snapshot(dossierId).evaluationCount() + 1);
    }

    EvaluationRecord get(String id) {
        EvaluationRecord r = records.find(id);
        if (r == null) throw ApiException.notFound("Evaluation", id);
        return r;
    }
}
