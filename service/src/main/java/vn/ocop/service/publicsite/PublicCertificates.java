package vn.ocop.service.publicsite;

import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.PublicCertificate;
import vn.ocop.api.model.RecordCheck;

/** What the public sees of a certificate: what the certificate itself prints, its status today and the record check. */
final class PublicCertificates {
    private PublicCertificates() {}

    static PublicCertificate of(Certificate c, RecordCheck check) {
        return new PublicCertificate()
                .number(c.getNumber())
                .productCode(c.getProductCode())
                .productName(c.getProductName())
                .group(c.getGroup())
                .producerName(c.getProducerName())
                .communeName(c.getLocation().getCommuneName())
                .provinceName(c.getLocation().getProvinceName())
                .stars(c.getStars())
                .issuedOn(c.getIssuedOn())
                .expiresOn(c.getExpiresOn())
                .validUntil(c.getValidUntil())
                .status(c.getStatus())
                .statusText(statusText(c))
                .statusOn(c.getStatusOn())
                .authority(c.getDecision().getAuthority())
                .decisionNumber(c.getDecision().getNumber())
                .decisionDate(c.getDecision().getDate())
                .revocationGround(
                        c.getStatus() == CertificateStatus.REVOKED
                                ? c.getRevocation().getGround()
                                : null)
                .supersededBy(c.getStatus() == CertificateStatus.SUPERSEDED ? c.getSupersededBy() : null)
                .recordCheck(check)
                .recordHash(c.getEvaluationHash())
                .verificationUrl(c.getVerificationUrl());
    }

    static String statusText(Certificate c) {
        return switch (c.getStatus()) {
            case VALID ->
                c.getValidUntil().isAfter(c.getExpiresOn())
                        ? "Còn hiệu lực (gia hạn trong khi chờ kết quả đánh giá lại, tối đa đến "
                                + PublicPages.DATE.format(c.getValidUntil()) + ")"
                        : "Còn hiệu lực";
            case EXPIRED -> "Hết hiệu lực (đã hết thời hạn ngày " + PublicPages.DATE.format(c.getValidUntil()) + ")";
            case REVOKED ->
                "Đã bị thu hồi theo quyết định "
                        + c.getRevocation().getDecision().getNumber() + " ngày "
                        + PublicPages.DATE.format(
                                c.getRevocation().getDecision().getDate()) + " (" + ground(c) + ")";
            case SUPERSEDED -> "Đã được thay thế bằng giấy chứng nhận số " + c.getSupersededBy();
        };
    }

    /** Điều 8.1's grounds in Vietnamese. */
    static String ground(Certificate c) {
        return switch (c.getRevocation().getGround()) {
            case DISHONEST_DOSSIER -> "cung cấp thông tin không trung thực hoặc giả mạo hồ sơ";
            case CRITERIA_NO_LONGER_MET -> "không còn đáp ứng tiêu chí theo Bộ tiêu chí OCOP";
            case LAW_VIOLATION ->
                "vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ hoặc ghi nhãn";
            case MARK_MISUSE -> "sử dụng nhãn hiệu OCOP không đúng quy định";
            case PRODUCTION_STOPPED -> "chủ thể không còn sản xuất sản phẩm";
            case OTHER -> "trường hợp khác theo kết luận của cơ quan có thẩm quyền";
        };
    }
}
