package vn.ocop.service.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.api.model.CataloguePage;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.api.model.ProductIdeaInput;
import vn.ocop.api.model.ProductIdeaReceipt;
import vn.ocop.api.model.PublicCertificate;
import vn.ocop.api.model.RecordCheck;
import vn.ocop.api.server.PublicApi;
import vn.ocop.service.certificate.Certificates;
import vn.ocop.service.idea.ProductIdeas;
import vn.ocop.service.platform.web.ApiException;

/** The public site's endpoints; thin over the certificate, catalogue and idea services. */
@RestController
class PublicController implements PublicApi {
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    private final Certificates certificates;
    private final ProductCatalogue catalogue;
    private final ProductIdeas ideas;
    private final PublicPages pages;

    PublicController(Certificates certificates, ProductCatalogue catalogue, ProductIdeas ideas, PublicPages pages) {
        this.certificates = certificates;
        this.catalogue = catalogue;
        this.ideas = ideas;
        this.pages = pages;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<PublicCertificate> verifyCertificate(String number, String format) {
        boolean html = wantsHtml(format);
        if (html) return (ResponseEntity) certificatePage(number); // the QR scan: a person's browser
        PublicCertificate p = publicView(known(number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(p);
    }

    /** Verification by number: the form, the certificate's page, or a page saying no certificate has the number. */
    @Override
    public ResponseEntity<String> verifyCertificatePage(String number) {
        if (number == null || number.isBlank()) {
            return ResponseEntity.ok()
                    .contentType(HTML)
                    .body(pages.render("verify", Map.of("notFound", false, "number", "")));
        }
        return certificatePage(java.text.Normalizer.normalize(number.strip(), java.text.Normalizer.Form.NFC));
    }

    private ResponseEntity<String> certificatePage(String number) {
        Certificate c = certificates.find(number).orElse(null);
        if (c == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(HTML)
                    .cacheControl(CacheControl.noCache())
                    .body(pages.render("verify", Map.of("notFound", true, "number", number)));
        }
        PublicCertificate p = publicView(c);
        String body = pages.render(
                "certificate",
                Map.of(
                        "c",
                        p,
                        "stars",
                        "★".repeat(p.getStars()),
                        "valid",
                        p.getStatus() == CertificateStatus.VALID,
                        "verified",
                        p.getRecordCheck() == RecordCheck.VERIFIED));
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noCache())
                .body(body);
    }

    private PublicCertificate publicView(Certificate c) {
        return PublicCertificates.of(c, certificates.recordCheck(c));
    }

    @Override
    public ResponseEntity<Resource> certificateQrPng(String number, Integer size) {
        Certificate c = known(number);
        byte[] png = QrCodes.png(c.getVerificationUrl(), size == null ? 256 : size);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new ByteArrayResource(png));
    }

    @Override
    public ResponseEntity<String> certificateQrSvg(String number) {
        Certificate c = known(number);
        return ResponseEntity.ok().contentType(SVG).body(QrCodes.svg(c.getVerificationUrl()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<CataloguePage> searchCatalogue(
            String q,
            String province,
            String commune,
            String group,
            Integer stars,
            Integer page,
            Integer size,
            String format) {
        boolean html = wantsHtml(format);
        CataloguePage result = catalogue.search(new ProductCatalogue.Query(
                q, province, commune, group, stars, page == null ? 0 : page, size == null ? 20 : size));
        if (html) {
            Map<String, Object> model = new HashMap<>();
            model.put("page", result);
            model.put("q", q == null ? "" : q);
            return (ResponseEntity) ResponseEntity.ok().contentType(HTML).body(pages.render("catalogue", model));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    @Override
    public ResponseEntity<String> ideaForm() {
        return ResponseEntity.ok().contentType(HTML).body(pages.render("idea-form", Map.of()));
    }

    @Override
    public ResponseEntity<ProductIdeaReceipt> submitIdea(ProductIdeaInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ideas.submit(in));
    }

    /** An unknown number is a plain 404: the answer never says whether a similar number exists. */
    private Certificate known(String number) {
        return certificates
                .find(number)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "NOT_FOUND", "Không tìm thấy giấy chứng nhận với số này"));
    }

    private static boolean wantsHtml(String format) {
        if (format != null) {
            if (format.equalsIgnoreCase("html")) return true;
            if (format.equalsIgnoreCase("json")) return false;
            throw ApiException.invalidField("format", "json or html");
        }
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("application/json");
    }
}
