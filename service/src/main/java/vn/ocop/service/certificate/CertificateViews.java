package vn.ocop.service.certificate;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.bson.Document;
import vn.ocop.api.model.Authority;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateLocation;
import vn.ocop.api.model.Decision;
import vn.ocop.api.model.ReEvaluationFiling;
import vn.ocop.api.model.Revocation;
import vn.ocop.api.model.RevocationGround;

/** A stored certificate as the API shows it, with the status and the last valid day of a given day. */
final class CertificateViews {
    private CertificateViews() {}

    static Certificate view(Document d, LocalDate on, Predicate<String> exists, String verificationUrl) {
        Document product = d.get("product", Document.class);
        Document producer = d.get("producer", Document.class);
        Document loc = d.get("location", Document.class);
        LocalDate expiresOn = LocalDate.parse(d.getString("expiresOn"));
        Certificate c = new Certificate()
                .number(d.getString("_id"))
                .productCode(d.getString("productCode"))
                .productName(product.getString("name"))
                .group(product.getString("group"))
                .subgroup(product.getString("subgroup"))
                .producerName(producer.getString("name"))
                .producerType(producer.getString("type"))
                .location(new CertificateLocation()
                        .provinceCode(loc.getString("provinceCode"))
                        .provinceName(loc.getString("provinceName"))
                        .districtCode(loc.getString("districtCode"))
                        .districtName(loc.getString("districtName"))
                        .communeCode(loc.getString("communeCode"))
                        .communeName(loc.getString("communeName")))
                .stars(d.get("stars", Number.class).intValue())
                .edition(d.getString("edition"))
                .dossierId(d.getString("dossierId"))
                .evaluationId(d.getString("evaluationId"))
                .evaluationHash(d.getString("evaluationHash"))
                .decision(decision(d.get("decision", Document.class)))
                .kind(Certificate.KindEnum.fromValue(d.getString("kind")))
                .issuedOn(LocalDate.parse(d.getString("issuedOn")))
                .expiresOn(expiresOn)
                .supersedes(d.getString("supersedes"))
                .issuedBy(d.getString("issuedBy"))
                .version(d.get("version", Number.class).longValue())
                .verificationUrl(verificationUrl)
                .statusOn(on);
        LocalDate filedOn = null;
        LocalDate decidedOn = null;
        Document re = d.get("reEvaluation", Document.class);
        if (re != null) {
            filedOn = LocalDate.parse(re.getString("filedOn"));
            decidedOn = re.getString("decidedOn") == null ? null : LocalDate.parse(re.getString("decidedOn"));
            boolean late = Lifecycle.isLateFiling(expiresOn, filedOn);
            c.reEvaluation(new ReEvaluationFiling()
                    .filedOn(filedOn)
                    .decidedOn(decidedOn)
                    .late(late)
                    .windowOpens(Lifecycle.filingOpens(expiresOn))
                    .windowCloses(Lifecycle.filingCloses(expiresOn))
                    .validAtMostUntil(late ? expiresOn.plusDays(Lifecycle.LATE_FILING_MAX_DAYS_PAST_EXPIRY) : null));
        }
        LocalDate validUntil = Lifecycle.validUntil(expiresOn, filedOn, decidedOn);
        LocalDate revokedOn = null;
        Document rev = d.get("revocation", Document.class);
        if (rev != null) {
            Decision decision = decision(rev.get("decision", Document.class));
            LocalDate ground = LocalDate.parse(rev.getString("groundEstablishedOn"));
            long days = Lifecycle.daysBetween(ground, decision.getDate());
            revokedOn = decision.getDate();
            c.revocation(new Revocation()
                    .ground(RevocationGround.fromValue(rev.getString("ground")))
                    .groundEstablishedOn(ground)
                    .decision(decision)
                    .note(rev.getString("note"))
                    .daysAfterGround((int) days)
                    .withinTimeLimit(days <= Lifecycle.REVOCATION_DAYS));
        }
        String by = d.getString("supersededBy");
        boolean superseded = by != null && exists.test(by);
        c.supersededBy(superseded ? by : null);
        c.status(Lifecycle.status(on, validUntil, revokedOn, superseded));
        c.validUntil(validUntil);
        return c;
    }

    static Decision decision(Document d) {
        if (d == null) return null;
        return new Decision()
                .number(d.getString("number"))
                .date(LocalDate.parse(d.getString("date")))
                .signer(d.getString("signer"))
                .authority(Authority.fromValue(d.getString("authority")))
                .authorityName(d.getString("authorityName"));
    }
}
