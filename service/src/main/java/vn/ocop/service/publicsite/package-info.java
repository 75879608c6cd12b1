/**
 * The public site, no login: certificate verification (JSON and a Vietnamese page), the QR stamp that encodes the
 * verification URL, the catalogue of certified products (search without diacritics, Vietnamese order) and the
 * product-idea form; every path under /public is rate-limited per client. Pages are Thymeleaf templates under
 * {@code templates/public/}, rendered thinly over the certificate and idea services.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.publicsite;
