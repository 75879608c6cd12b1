package vn.ocop.service.certificate;

import java.time.LocalDate;

/**
 * What a recognition decision (quyết định công nhận) says, as the procedure records it: the evaluation record it rests
 * on, the stars it recognises, the decision itself, and for an upgrade or re-evaluation the certificate it replaces.
 * Optional fields are null; {@code issuedOn} defaults to the decision's date.
 */
public record RecognitionDecision(
        String evaluationId,
        int stars,
        Decision decision,
        Kind kind,
        String supersedes,
        String certificateNumber,
        String productCode,
        LocalDate issuedOn) {

    public enum Kind {
        FIRST,
        UPGRADE,
        RE_EVALUATION
    }

    /** PROVINCE: Chủ tịch UBND cấp tỉnh (3★, 4★); MINISTRY: Bộ trưởng Bộ Nông nghiệp và Môi trường (5★); DISTRICT: UBND cấp huyện, imported certificates decided before 1 July 2025 only. */
    public enum Authority {
        PROVINCE,
        MINISTRY,
        DISTRICT
    }

    public record Decision(String number, LocalDate date, String signer, Authority authority, String authorityName) {}
}
