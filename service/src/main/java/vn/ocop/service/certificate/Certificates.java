package vn.ocop.service.certificate;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificatePage;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.ChainReport;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.Location;
import vn.ocop.api.model.RecordCheck;
import vn.ocop.service.adminunits.AdminUnits;
import vn.ocop.service.audit.Verification;
import vn.ocop.service.certificate.RecognitionDecision.Authority;
import vn.ocop.service.certificate.RecognitionDecision.Kind;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.evaluation.StoredEvaluation;
import vn.ocop.service.platform.web.ApiException;

/**
 * The certificates: issue on a recognition decision, read with the status of a given day, list, and the check of the
 * evaluation record a certificate rests on. Revocation and re-evaluation filings are in {@link CertificateChanges}.
 */
@Service
public class Certificates {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final CertificateStore store;
    private final EvaluationLedger ledger;
    private final Dossiers dossiers;
    private final Verification verification;
    private final AdminUnits units;
    private final Clock clock;
    private final String baseUrl;

    Certificates(
            CertificateStore store,
            EvaluationLedger ledger,
            Dossiers dossiers,
            Verification verification,
            AdminUnits units,
            ObjectProvider<Clock> clock,
            @Value("${ocop.public.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.ledger = ledger;
        this.dossiers = dossiers;
        this.verification = verification;
        this.units = units;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The issued certificate; {@code created} false when this decision had already issued it (a retry). */
    public record Issued(Certificate certificate, boolean created) {}

    /** Today in Vietnam, by the configured clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** The URL the QR stamp encodes: {@code ocop.public.base-url}/public/certificates/{number}. */
    public String verificationUrl(String number) {
        return baseUrl + "/public/certificates/" + number;
    }

    public Optional<Certificate> find(String number) {
        return find(number, today());
    }

    public Optional<Certificate> find(String number, LocalDate on) {
        Document d = number == null ? null : store.find(number);
        return Optional.ofNullable(d == null ? null : view(d, on));
    }

    public Certificate get(String number) {
        return find(number).orElseThrow(() -> ApiException.notFound("Certificate", number));
    }

    /** Every certificate (of a province when given), with its status on {@code on}, until {@code each} answers false. */
    public void forEach(String provinceCode, LocalDate on, Predicate<Certificate> each) {
        Document filter = provinceCode == null ? new Document() : new Document("location.provinceCode", provinceCode);
        store.forEach(filter, d -> each.test(view(d, on)));
    }

    CertificatePage list(String province, CertificateStatus status, int page, int size) {
        List<Certificate> all = new ArrayList<>();
        forEach(province, today(), c -> {
            if (status == null || status == c.getStatus()) all.add(c);
            return true;
        });
        all.sort(Comparator.comparing(Certificate::getIssuedOn).reversed().thenComparing(Certificate::getNumber));
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new CertificatePage()
                .items(all.subList(from, to))
                .page(page)
                .size(size)
                .hasNext(to < all.size());
    }

    /**
     * Whether the evaluation record a certificate rests on still verifies: the record exists, its hash is the one the
     * certificate recorded, and its dossier's hash chain is intact.
     */
    public RecordCheck recordCheck(Certificate c) {
        if (c.getEvaluationId() == null) return RecordCheck.NOT_IN_SYSTEM;
        Optional<StoredEvaluation> record = ledger.record(c.getEvaluationId());
        if (record.isEmpty() || !Objects.equals(record.get().hash(), c.getEvaluationHash())) {
            return RecordCheck.BROKEN;
        }
        return intact(c.getDossierId()) ? RecordCheck.VERIFIED : RecordCheck.BROKEN;
    }

    private boolean intact(String dossierId) {
        try {
            return verification.dossier(dossierId).getOutcome() == ChainReport.OutcomeEnum.INTACT;
        } catch (ApiException e) {
            return false; // the dossier is gone
        }
    }

    /** Issues the certificate the decision grants; see the contract (issueCertificate) for every rule. */
    public Issued issue(RecognitionDecision d, String user) {
        requireDecision(d);
        StoredEvaluation stored = ledger.record(d.evaluationId())
                .orElseThrow(() ->
                        ApiException.invalidField("evaluationId", "không có bản ghi đánh giá " + d.evaluationId()));
        EvaluationRecord record = stored.record();
        if (record.getResult() == null
                || record.getResult().getStatus() == null
                || !"VALID".equals(record.getResult().getStatus().getValue())
                || record.getResult().getStars() == null) {
            throw unprocessable("EVALUATION_NOT_VALID", "Bản ghi đánh giá không hợp lệ (INVALID): không thể công nhận");
        }
        int stars = record.getResult().getStars();
        if (d.stars() != stars) {
            throw unprocessable(
                    "STARS_MISMATCH",
                    "Quyết định công nhận " + d.stars() + " sao nhưng bản ghi đánh giá đạt " + stars + " sao");
        }
        Authority authority = Lifecycle.authorityFor(stars)
                .orElseThrow(() -> unprocessable(
                        "NO_CERTIFICATE_BELOW_3_STARS",
                        "Sản phẩm " + stars + " sao không được cấp giấy chứng nhận (chỉ từ 3 sao)"));
        if (d.decision().authority() != authority) {
            throw unprocessable(
                    "WRONG_AUTHORITY",
                    authority == Authority.MINISTRY
                            ? "Sản phẩm 5 sao do Bộ Nông nghiệp và Môi trường công nhận và cấp giấy chứng nhận"
                            : "Sản phẩm 3 sao, 4 sao do Chủ tịch UBND cấp tỉnh công nhận và cấp giấy chứng nhận");
        }
        if (record.getEvaluationDate() != null && d.decision().date().isBefore(record.getEvaluationDate())) {
            throw ApiException.invalidField(
                    "decision.date", "không được trước ngày đánh giá (" + record.getEvaluationDate() + ")");
        }
        LocalDate issuedOn = d.issuedOn() != null ? d.issuedOn() : d.decision().date();
        if (issuedOn.isBefore(d.decision().date())) {
            throw ApiException.invalidField("issuedOn", "không được trước ngày của quyết định công nhận");
        }
        Kind kind = d.kind() == null ? Kind.FIRST : d.kind();
        if (kind == Kind.FIRST && d.supersedes() != null) {
            throw ApiException.invalidField(
                    "supersedes", "chỉ dùng cho nâng hạng (UPGRADE) hoặc đánh giá lại (RE_EVALUATION)");
        }
        if (!intact(record.getDossierId())) {
            throw unprocessable("RECORD_NOT_VERIFIED", "Chuỗi băm các bản ghi đánh giá của hồ sơ không còn toàn vẹn");
        }
        // a retry of a decision that already issued (or started to issue) its certificate
        Document ground = store.ground(d.evaluationId());
        if (ground != null) {
            Document existing = store.find(ground.getString("number"));
            if (existing != null) {
                Document decision = existing.get("decision", Document.class);
                if (decision != null && d.decision().number().equals(decision.getString("number"))) {
                    return new Issued(view(existing, today()), false);
                }
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "CERTIFICATE_EXISTS",
                        "Bản ghi đánh giá này đã là căn cứ của giấy chứng nhận " + ground.getString("number"));
            }
        }
        Document old = d.supersedes() == null ? null : checkSuperseded(d.supersedes(), kind, stars, issuedOn);
        Dossier dossier = dossiers.read(record.getDossierId());
        Location loc = record.getLocation();
        LocalDate namesOn = record.getEvaluationDate() != null ? record.getEvaluationDate() : issuedOn;
        String number = ground != null ? ground.getString("number") : claimNumber(d, authority, loc, issuedOn);
        String productCode = d.productCode() != null ? d.productCode() : productCode(loc, namesOn);
        Document doc = new Document("_id", number)
                .append("version", 1L)
                .append("productCode", productCode)
                .append(
                        "product",
                        new Document("name", dossier.getProduct().getName())
                                .append("group", record.getGroup())
                                .append("subgroup", dossier.getProduct().getSubgroup()))
                .append(
                        "producer",
                        new Document("name", dossier.getProducer().getName())
                                .append(
                                        "type",
                                        dossier.getProducer().getType() == null
                                                ? null
                                                : dossier.getProducer()
                                                        .getType()
                                                        .getValue()))
                .append("location", location(loc, namesOn))
                .append("stars", stars)
                .append("edition", record.getEdition())
                .append("dossierId", record.getDossierId())
                .append("evaluationId", d.evaluationId())
                .append("evaluationHash", stored.hash())
                .append("decision", decision(d.decision()))
                .append("kind", kind.name())
                .append("issuedOn", issuedOn.toString())
                .append("expiresOn", Lifecycle.expiry(issuedOn).toString())
                .append("supersedes", d.supersedes())
                .append("issuedBy", user)
                .append("createdAt", new Date());
        if (old != null) markSuperseded(old, number, issuedOn);
        if (!store.insert(doc)) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "CERTIFICATE_EXISTS", "Số giấy chứng nhận " + number + " đã có");
        }
        return new Issued(view(doc, today()), true);
    }

    private Document checkSuperseded(String oldNumber, Kind kind, int stars, LocalDate issuedOn) {
        Document old = store.find(oldNumber);
        if (old == null) throw ApiException.invalidField("supersedes", "không có giấy chứng nhận " + oldNumber);
        Certificate view = view(old, issuedOn);
        boolean inForce = view.getStatus() == CertificateStatus.VALID
                || (kind == Kind.RE_EVALUATION && view.getStatus() == CertificateStatus.EXPIRED);
        if (!inForce) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATE_NOT_IN_FORCE",
                    "Giấy chứng nhận " + oldNumber + " đang ở trạng thái " + view.getStatus() + ": không thể thay thế");
        }
        if (kind == Kind.UPGRADE && stars <= view.getStars()) {
            throw unprocessable(
                    "NOT_AN_UPGRADE",
                    "Nâng hạng phải đạt nhiều sao hơn giấy chứng nhận cũ (" + view.getStars() + " sao)");
        }
        return old;
    }

    /** Points the old certificate at its successor; done before the successor is inserted, so a retry completes it. */
    private void markSuperseded(Document old, String number, LocalDate on) {
        String id = old.getString("_id");
        Document current = old;
        for (int attempt = 0; attempt < 10 && current != null; attempt++) {
            String by = current.getString("supersededBy");
            if (number.equals(by)) return;
            if (by != null && store.find(by) != null) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "CERTIFICATE_NOT_IN_FORCE",
                        "Giấy chứng nhận " + id + " đã được thay thế bởi " + by);
            }
            if (store.updateIfVersion(
                            id,
                            current.get("version", Number.class).longValue(),
                            Updates.combine(
                                    Updates.set("supersededBy", number), Updates.set("supersededOn", on.toString())))
                    != null) {
                return;
            }
            current = store.find(id);
        }
        throw new ApiException(
                HttpStatus.CONFLICT, "CONFLICT", "The certificate is being changed concurrently; try again");
    }

    private String claimNumber(RecognitionDecision d, Authority authority, Location loc, LocalDate issuedOn) {
        if (d.certificateNumber() != null) {
            if (store.find(d.certificateNumber()) != null) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "CERTIFICATE_EXISTS",
                        "Số giấy chứng nhận " + d.certificateNumber() + " đã có");
            }
            claim(d, d.certificateNumber());
            return d.certificateNumber();
        }
        String prefix = authority == Authority.MINISTRY ? "TW" : loc.getProvinceCode();
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = "%s-%d-%05d"
                    .formatted(
                            prefix, issuedOn.getYear(), store.next("certificate:" + prefix + ":" + issuedOn.getYear()));
            if (store.find(number) == null) {
                claim(d, number);
                return number;
            }
        }
        throw new IllegalStateException("no free certificate number for " + prefix);
    }

    private void claim(RecognitionDecision d, String number) {
        if (!store.claimGround(d.evaluationId(), number, d.decision().number())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATE_EXISTS",
                    "Bản ghi đánh giá này đang được dùng cho một giấy chứng nhận khác");
        }
    }

    /** (T)-(X)-(STT)-year: province code, commune code, the commune's serial number, the evaluation year. */
    private String productCode(Location loc, LocalDate evaluatedOn) {
        long serial = store.next("product-serial:" + loc.getProvinceCode() + ":" + loc.getCommuneCode());
        return "%s-%s-%03d-%d".formatted(loc.getProvinceCode(), loc.getCommuneCode(), serial, evaluatedOn.getYear());
    }

    Document location(Location loc, LocalDate on) {
        Document l = new Document("provinceCode", loc.getProvinceCode())
                .append(
                        "provinceName",
                        units.provinceName(loc.getProvinceCode(), on).orElse(null))
                .append("communeCode", loc.getCommuneCode())
                .append(
                        "communeName",
                        units.communeName(loc.getCommuneCode(), on).orElse(null));
        if (loc.getDistrictCode() != null) {
            l.append("districtCode", loc.getDistrictCode())
                    .append(
                            "districtName",
                            units.districtName(loc.getDistrictCode()).orElse(null));
        }
        return l;
    }

    static Document decision(RecognitionDecision.Decision d) {
        return new Document("number", d.number())
                .append("date", d.date().toString())
                .append("signer", d.signer())
                .append("authority", d.authority().name())
                .append("authorityName", d.authorityName());
    }

    private static void requireDecision(RecognitionDecision d) {
        if (d == null || d.evaluationId() == null || d.evaluationId().isBlank())
            throw ApiException.invalidField("evaluationId", "is required");
        RecognitionDecision.Decision dec = d.decision();
        if (dec == null) throw ApiException.invalidField("decision", "is required");
        if (dec.number() == null || dec.number().isBlank())
            throw ApiException.invalidField("decision.number", "is required");
        if (dec.date() == null) throw ApiException.invalidField("decision.date", "is required");
        if (dec.signer() == null || dec.signer().isBlank())
            throw ApiException.invalidField("decision.signer", "is required");
        if (dec.authority() == null) throw ApiException.invalidField("decision.authority", "is required");
    }

    static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    Document stored(String number) {
        Document d = store.find(number);
        if (d == null) throw ApiException.notFound("Certificate", number);
        return d;
    }

    /** The API view with the status on {@code on}. */
    Certificate view(Document d, LocalDate on) {
        return CertificateViews.view(d, on, this::supersederExists, verificationUrl(d.getString("_id")));
    }

    private boolean supersederExists(String number) {
        return store.find(number) != null;
    }
}
