package vn.ocop.service.certificate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.service.certificate.RecognitionDecision.Authority;

/**
 * The dates and rules of a certificate's life, from Decision 26/2026: no state, no storage, so each rule is tested on
 * its own. Where the text is silent the reading is this product's and docs/certificates.md says so.
 */
final class Lifecycle {
    /** Điều 4: certificates of 3★ and above are valid 36 months from issue. */
    static final int VALIDITY_MONTHS = 36;
    /** Điều 7.6.a: re-evaluation filed no earlier than 180 and no later than 120 days before expiry. */
    static final int FILING_OPENS_DAYS_BEFORE = 180;

    static final int FILING_CLOSES_DAYS_BEFORE = 120;
    /** Điều 12.3: a late filing keeps the certificate until decided, at most 180 days past expiry. */
    static final int LATE_FILING_MAX_DAYS_PAST_EXPIRY = 180;
    /** Điều 8.4: the revocation decision comes within 15 days of the ground being established. */
    static final int REVOCATION_DAYS = 15;
    /** Điều 11: the decision is in force from this day; earlier certificates keep their own end (Điều 12.1). */
    static final LocalDate DECISION_26_IN_FORCE = LocalDate.of(2026, 5, 22);

    private Lifecycle() {}

    /** The last day of validity. Product reading: valid through issue + 36 months, expired from the day after. */
    static LocalDate expiry(LocalDate issuedOn) {
        return issuedOn.plusMonths(VALIDITY_MONTHS);
    }

    /** Who certifies (and revokes) a star level; empty for 1★ and 2★, which get no certificate. */
    static java.util.Optional<Authority> authorityFor(int stars) {
        if (stars == 5) return java.util.Optional.of(Authority.MINISTRY);
        if (stars == 3 || stars == 4) return java.util.Optional.of(Authority.PROVINCE);
        return java.util.Optional.empty();
    }

    static LocalDate filingOpens(LocalDate expiresOn) {
        return expiresOn.minusDays(FILING_OPENS_DAYS_BEFORE);
    }

    static LocalDate filingCloses(LocalDate expiresOn) {
        return expiresOn.minusDays(FILING_CLOSES_DAYS_BEFORE);
    }

    static boolean isLateFiling(LocalDate expiresOn, LocalDate filedOn) {
        return filedOn.isAfter(filingCloses(expiresOn));
    }

    /**
     * The last day the certificate is in force by date: its expiry, or for a late re-evaluation filing the day the
     * authority decided (undecided: the 180-day bound), never more than 180 days past expiry.
     */
    static LocalDate validUntil(LocalDate expiresOn, LocalDate filedOn, LocalDate decidedOn) {
        if (filedOn == null || !isLateFiling(expiresOn, filedOn)) return expiresOn;
        LocalDate bound = expiresOn.plusDays(LATE_FILING_MAX_DAYS_PAST_EXPIRY);
        if (decidedOn == null) return bound;
        if (!decidedOn.isAfter(expiresOn)) return expiresOn;
        return decidedOn.isAfter(bound) ? bound : decidedOn;
    }

    /** The status on {@code today}: revocation and supersession first, then the dates. */
    static CertificateStatus status(LocalDate today, LocalDate validUntil, LocalDate revokedOn, boolean superseded) {
        if (revokedOn != null && !today.isBefore(revokedOn)) return CertificateStatus.REVOKED;
        if (superseded) return CertificateStatus.SUPERSEDED;
        return today.isAfter(validUntil) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }

    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
