package vn.ocop.service.publicsite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.CatalogueItem;
import vn.ocop.api.model.CataloguePage;
import vn.ocop.api.model.Certificate;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.service.certificate.Certificates;
import vn.ocop.service.platform.text.TextNormalizer;
import vn.ocop.service.platform.text.VietnameseCollation;

/**
 * The catalogue of certified products: certificates in force today (expired, revoked and superseded ones are not
 * listed), filtered, matched without diacritics and sorted in Vietnamese order. A scan of the certificates: the
 * collection holds one document per certificate, thousands per province at most.
 */
@Service
class ProductCatalogue {
    private final Certificates certificates;

    ProductCatalogue(Certificates certificates) {
        this.certificates = certificates;
    }

    record Query(String q, String province, String commune, String group, Integer stars, int page, int size) {}

    CataloguePage search(Query query) {
        List<String> words = TextNormalizer.searchWords(query.q());
        List<Certificate> found = new ArrayList<>();
        certificates.forEach(query.province(), certificates.today(), c -> {
            if (c.getStatus() == CertificateStatus.VALID
                    && (query.commune() == null
                            || query.commune().equals(c.getLocation().getCommuneCode()))
                    && (query.group() == null || query.group().equals(c.getGroup()))
                    && (query.stars() == null || query.stars().equals(c.getStars()))
                    && matches(c.getProductName(), words)) {
                found.add(c);
            }
            return true;
        });
        Comparator<String> vi = VietnameseCollation.comparator();
        found.sort(Comparator.comparing(Certificate::getProductName, vi)
                .thenComparing(Certificate::getProducerName, vi)
                .thenComparing(Certificate::getNumber));
        int from = (int) Math.min((long) query.page() * query.size(), found.size());
        int to = Math.min(from + query.size(), found.size());
        List<CatalogueItem> items =
                found.subList(from, to).stream().map(ProductCatalogue::item).toList();
        return new CataloguePage()
                .items(items)
                .page(query.page())
                .size(query.size())
                .total(found.size())
                .hasNext(to < found.size());
    }

    /** Every word of the query in the name, without diacritics ("buoi nam roi" finds "Bưởi Năm Roi"). */
    private static boolean matches(String name, List<String> words) {
        String key = TextNormalizer.searchKey(name);
        return words.isEmpty() || (key != null && words.stream().allMatch(key::contains));
    }

    private static CatalogueItem item(Certificate c) {
        return new CatalogueItem()
                .certificateNumber(c.getNumber())
                .productCode(c.getProductCode())
                .productName(c.getProductName())
                .group(c.getGroup())
                .subgroup(c.getSubgroup())
                .producerName(c.getProducerName())
                .provinceCode(c.getLocation().getProvinceCode())
                .provinceName(c.getLocation().getProvinceName())
                .communeCode(c.getLocation().getCommuneCode())
                .communeName(c.getLocation().getCommuneName())
                .stars(c.getStars())
                .validUntil(c.getValidUntil())
                .verificationUrl(c.getVerificationUrl());
    }
}
