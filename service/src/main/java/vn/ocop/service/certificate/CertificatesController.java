package vn.ocop.service.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateImportReport;
import vn.ocop.api.model.CertificatePage;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.DecisionInput;
import vn.ocop.api.model.ReEvaluationFilingInput;
import vn.ocop.api.model.RecognitionDecisionInput;
import vn.ocop.api.model.RevocationInput;
import vn.ocop.api.server.CertificatesApi;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.web.ApiException;

@RestController
class CertificatesController implements CertificatesApi {
    private final Certificates certificates;
    private final CertificateChanges changes;
    private final CertificateImport imports;

    CertificatesController(Certificates certificates, CertificateChanges changes, CertificateImport imports) {
        this.certificates = certificates;
        this.changes = changes;
        this.imports = imports;
    }

    @Override
    public ResponseEntity<Certificate> issueCertificate(RecognitionDecisionInput in) {
        DecisionInput dec = in.getDecision();
        RecognitionDecision.Authority authority =
                RecognitionDecision.Authority.valueOf(dec.getAuthority().getValue());
        RecognitionDecision d = new RecognitionDecision(
                in.getEvaluationId(),
                in.getStars(),
                new RecognitionDecision.Decision(
                        dec.getNumber(), dec.getDate(), dec.getSigner(), authority, dec.getAuthorityName()),
                in.getKind() == null
                        ? null
                        : RecognitionDecision.Kind.valueOf(in.getKind().getValue()),
                in.getSupersedes(),
                in.getCertificateNumber(),
                in.getProductCode(),
                in.getIssuedOn());
        Certificates.Issued issued = certificates.issue(d, CurrentUser.name());
        if (!issued.created()) return ResponseEntity.ok(issued.certificate());
        return ResponseEntity.created(URI.create(
                        "/api/v1/certificates/" + issued.certificate().getNumber()))
                .body(issued.certificate());
    }

    @Override
    public ResponseEntity<CertificatePage> listCertificates(
            String province, CertificateStatus status, Integer page, Integer size) {
        return ResponseEntity.ok(
                certificates.list(province, status, page == null ? 0 : page, size == null ? 20 : size));
    }

    @Override
    public ResponseEntity<Certificate> getCertificate(String number) {
        return ResponseEntity.ok(certificates.get(number));
    }

    @Override
    public ResponseEntity<Certificate> revokeCertificate(String number, RevocationInput in) {
        return ResponseEntity.ok(changes.revoke(number, in, CurrentUser.name()));
    }

    @Override
    public ResponseEntity<Certificate> recordReEvaluationFiling(String number, ReEvaluationFilingInput in) {
        return ResponseEntity.ok(changes.fileReEvaluation(number, in, CurrentUser.name()));
    }

    @Override
    public ResponseEntity<CertificateImportReport> importCertificates(Resource body, Boolean dryRun) {
        byte[] bytes;
        try (InputStream in = body.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The body cannot be read");
        }
        return ResponseEntity.ok(imports.run(bytes, Boolean.TRUE.equals(dryRun), CurrentUser.name()));
    }
}
