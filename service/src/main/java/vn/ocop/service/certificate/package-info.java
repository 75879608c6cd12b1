/**
 * Certificates (giấy chứng nhận sản phẩm OCOP): issued on a recognition decision and resting on a stored evaluation
 * record, valid 36 months, revoked on a ground of Điều 8, superseded by an upgrade or re-evaluation, kept valid past
 * expiry by a late re-evaluation filing (Điều 12.3); CSV import of certificates issued elsewhere.
 * Public API: {@link vn.ocop.service.certificate.Certificates}, {@link vn.ocop.service.certificate.CertificateIssuance},
 * {@link vn.ocop.service.certificate.RecognitionDecision}.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.certificate;
