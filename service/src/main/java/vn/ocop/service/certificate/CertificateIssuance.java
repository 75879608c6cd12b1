package vn.ocop.service.certificate;

import org.springframework.stereotype.Component;
import vn.ocop.api.model.Certificate;

/**
 * The thin adapter the procedure calls when it records a recognition decision (its "decision recorded" step); the
 * REST endpoint POST /api/v1/certificates calls the same. Idempotent: the same decision again returns what it issued.
 */
@Component
public class CertificateIssuance {
    private final Certificates certificates;

    CertificateIssuance(Certificates certificates) {
        this.certificates = certificates;
    }

    /** Issues the certificate of a 3★–5★ recognition; refuses 1★–2★ (NO_CERTIFICATE_BELOW_3_STARS). */
    public Certificate onDecisionRecorded(RecognitionDecision decision, String recordedBy) {
        return certificates.issue(decision, recordedBy).certificate();
    }
}
