package vn.ocop.service.certificate;

import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.ReEvaluationFilingInput;
import vn.ocop.api.model.RevocationInput;
import vn.ocop.service.certificate.RecognitionDecision.Authority;
import vn.ocop.service.platform.web.ApiException;

/** Revocation (Điều 8) and re-evaluation filings (Điều 7.6, 12.3): compare-and-set updates of one certificate. */
@Service
class CertificateChanges {
    private final CertificateStore store;
    private final Certificates certificates;

    CertificateChanges(CertificateStore store, Certificates certificates) {
        this.store = store;
        this.certificates = certificates;
    }

    Certificate revoke(String number, RevocationInput in, String user) {
        Document d = certificates.stored(number);
        Certificate c = certificates.view(d, in.getDecision().getDate());
        if (c.getRevocation() != null) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "CERTIFICATE_NOT_IN_FORCE", "Giấy chứng nhận " + number + " đã bị thu hồi");
        }
        if (c.getStatus() != CertificateStatus.VALID) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATE_NOT_IN_FORCE",
                    "Giấy chứng nhận " + number + " không còn hiệu lực vào ngày của quyết định (" + c.getStatus()
                            + ")");
        }
        Authority needed = Lifecycle.authorityFor(c.getStars()).orElseThrow();
        if (!needed.name().equals(in.getDecision().getAuthority().getValue())) {
            throw Certificates.unprocessable(
                    "WRONG_AUTHORITY",
                    needed == Authority.MINISTRY
                            ? "Giấy chứng nhận 5 sao do Bộ trưởng Bộ Nông nghiệp và Môi trường thu hồi (Điều 8.2.b)"
                            : "Giấy chứng nhận 3 sao, 4 sao do Chủ tịch UBND cấp tỉnh thu hồi (Điều 8.2.a)");
        }
        if (in.getDecision().getDate().isBefore(in.getGroundEstablishedOn())) {
            throw ApiException.invalidField("decision.date", "không được trước ngày có kết luận (groundEstablishedOn)");
        }
        if (in.getDecision().getDate().isBefore(c.getIssuedOn())) {
            throw ApiException.invalidField("decision.date", "không được trước ngày cấp giấy chứng nhận");
        }
        RecognitionDecision.Decision decision = new RecognitionDecision.Decision(
                in.getDecision().getNumber(),
                in.getDecision().getDate(),
                in.getDecision().getSigner(),
                needed,
                in.getDecision().getAuthorityName());
        Document revocation = new Document("ground", in.getGround().getValue())
                .append("groundEstablishedOn", in.getGroundEstablishedOn().toString())
                .append("decision", Certificates.decision(decision))
                .append("note", in.getNote())
                .append("recordedBy", user)
                .append("recordedAt", new Date());
        return update(d, Updates.set("revocation", revocation));
    }

    Certificate fileReEvaluation(String number, ReEvaluationFilingInput in, String user) {
        Document d = certificates.stored(number);
        Certificate c = certificates.view(d, in.getFiledOn());
        LocalDate expiresOn = c.getExpiresOn();
        if (in.getFiledOn().isBefore(Lifecycle.filingOpens(expiresOn))) {
            throw Certificates.unprocessable(
                    "FILING_TOO_EARLY",
                    "Hồ sơ đánh giá lại nộp không sớm hơn 180 ngày trước ngày hết hạn ("
                            + Lifecycle.filingOpens(expiresOn) + ")");
        }
        if (c.getStatus() == CertificateStatus.REVOKED || c.getStatus() == CertificateStatus.SUPERSEDED) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATE_NOT_IN_FORCE",
                    "Giấy chứng nhận " + number + " ở trạng thái " + c.getStatus());
        }
        if (in.getFiledOn().isAfter(expiresOn)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATE_NOT_IN_FORCE",
                    "Giấy chứng nhận đã hết hạn ngày " + expiresOn
                            + ": nộp hồ sơ đánh giá lần đầu thay vì đánh giá lại");
        }
        if (in.getDecidedOn() != null && in.getDecidedOn().isBefore(in.getFiledOn())) {
            throw ApiException.invalidField("decidedOn", "không được trước ngày nộp hồ sơ");
        }
        Document filing = new Document("filedOn", in.getFiledOn().toString())
                .append(
                        "decidedOn",
                        in.getDecidedOn() == null ? null : in.getDecidedOn().toString())
                .append("recordedBy", user)
                .append("recordedAt", new Date());
        return update(d, Updates.set("reEvaluation", filing));
    }

    private Certificate update(Document read, Bson set) {
        Document updated = store.updateIfVersion(
                read.getString("_id"), read.get("version", Number.class).longValue(), set);
        if (updated == null) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "CONFLICT", "The certificate changed meanwhile; read it again and retry");
        }
        return certificates.view(updated, certificates.today());
    }
}
