package vn.ocop.service.certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ocop.api.model.Certificate;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.DecisionRecorded;

/**
 * A recognition the procedure records (3★–5★) issues its certificate at once (Điều 7: the decision recognises and
 * certifies). The decision is already stored when the event arrives, so a certificate that cannot be issued (a record
 * that no longer verifies, say) is logged and left to {@code POST /api/v1/certificates}, never undoing the decision.
 */
@Component
class ProcedureDecisions {
    private static final Logger log = LoggerFactory.getLogger(ProcedureDecisions.class);
    private final CertificateIssuance issuance;

    ProcedureDecisions(CertificateIssuance issuance) {
        this.issuance = issuance;
    }

    @EventListener
    void on(DecisionRecorded e) {
        if (!e.recognised() || e.stars() == null || e.stars() < 3) return;
        try {
            Certificate c = issuance.onDecisionRecorded(decision(e), e.recordedBy());
            log.info(
                    "Certificate {} issued on decision {} for dossier {}",
                    c.getNumber(),
                    e.decisionNumber(),
                    e.dossierId());
        } catch (ApiException refused) {
            log.warn(
                    "No certificate issued on decision {} for dossier {}: {} {}",
                    e.decisionNumber(),
                    e.dossierId(),
                    refused.code(),
                    refused.getMessage());
        }
    }

    static RecognitionDecision decision(DecisionRecorded e) {
        RecognitionDecision.Authority authority = switch (e.level()) {
            case "CENTRAL" -> RecognitionDecision.Authority.MINISTRY;
            case "DISTRICT" -> RecognitionDecision.Authority.DISTRICT;
            default -> RecognitionDecision.Authority.PROVINCE;
        };
        RecognitionDecision.Kind kind = switch (e.kind() == null ? "FIRST" : e.kind()) {
            case "UPGRADE" -> RecognitionDecision.Kind.UPGRADE;
            case "REEVALUATION", "RE_EVALUATION" -> RecognitionDecision.Kind.RE_EVALUATION;
            default -> RecognitionDecision.Kind.FIRST;
        };
        return new RecognitionDecision(
                e.evaluationId(),
                e.stars(),
                new RecognitionDecision.Decision(
                        e.decisionNumber(), e.decisionDate(), e.signer(), authority, e.authority()),
                kind,
                kind == RecognitionDecision.Kind.FIRST ? null : e.upgradesCertificate(),
                null,
                e.productCode(),
                null);
    }
}
