package vn.ocop.service.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ocop.api.model.CertificateStatus;
import vn.ocop.service.certificate.RecognitionDecision.Authority;

/** The dates of Decision 26/2026 as Lifecycle reads them. */
class LifecycleTests {
    static final LocalDate ISSUED = LocalDate.of(2026, 6, 30);
    static final LocalDate EXPIRES = LocalDate.of(2029, 6, 30);

    @Test
    void validThirtySixMonthsFromIssueAndLeapDaysRollBack() {
        assertThat(Lifecycle.expiry(ISSUED)).isEqualTo(EXPIRES);
        assertThat(Lifecycle.expiry(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2031, 2, 28));
    }

    @Test
    void theProvinceCertifiesThreeAndFourStarsTheMinistryFiveAndNobodyBelowThree() {
        assertThat(Lifecycle.authorityFor(1)).isEmpty();
        assertThat(Lifecycle.authorityFor(2)).isEmpty();
        assertThat(Lifecycle.authorityFor(3)).contains(Authority.PROVINCE);
        assertThat(Lifecycle.authorityFor(4)).contains(Authority.PROVINCE);
        assertThat(Lifecycle.authorityFor(5)).contains(Authority.MINISTRY);
    }

    @Test
    void filingWindowRunsFrom180To120DaysBeforeExpiry() {
        assertThat(Lifecycle.filingOpens(EXPIRES)).isEqualTo(EXPIRES.minusDays(180));
        assertThat(Lifecycle.filingCloses(EXPIRES)).isEqualTo(EXPIRES.minusDays(120));
        assertThat(Lifecycle.isLateFiling(EXPIRES, EXPIRES.minusDays(120))).isFalse();
        assertThat(Lifecycle.isLateFiling(EXPIRES, EXPIRES.minusDays(119))).isTrue();
    }

    @Test
    void aLateFilingKeepsTheCertificateUntilDecidedAtMost180DaysPastExpiry() {
        LocalDate late = EXPIRES.minusDays(60);
        assertThat(Lifecycle.validUntil(EXPIRES, null, null)).isEqualTo(EXPIRES);
        assertThat(Lifecycle.validUntil(EXPIRES, EXPIRES.minusDays(150), null))
                .as("on time: no extension")
                .isEqualTo(EXPIRES);
        assertThat(Lifecycle.validUntil(EXPIRES, late, null)).isEqualTo(EXPIRES.plusDays(180));
        assertThat(Lifecycle.validUntil(EXPIRES, late, EXPIRES.plusDays(45))).isEqualTo(EXPIRES.plusDays(45));
        assertThat(Lifecycle.validUntil(EXPIRES, late, EXPIRES.plusDays(400))).isEqualTo(EXPIRES.plusDays(180));
        assertThat(Lifecycle.validUntil(EXPIRES, late, EXPIRES.minusDays(10))).isEqualTo(EXPIRES);
    }

    @Test
    void revocationWinsOverSupersessionWhichWinsOverDates() {
        assertThat(Lifecycle.status(EXPIRES, EXPIRES, null, false)).isEqualTo(CertificateStatus.VALID);
        assertThat(Lifecycle.status(EXPIRES.plusDays(1), EXPIRES, null, false)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(Lifecycle.status(ISSUED, EXPIRES, null, true)).isEqualTo(CertificateStatus.SUPERSEDED);
        assertThat(Lifecycle.status(ISSUED.plusDays(9), EXPIRES, ISSUED.plusDays(10), true))
                .isEqualTo(CertificateStatus.SUPERSEDED);
        assertThat(Lifecycle.status(ISSUED.plusDays(10), EXPIRES, ISSUED.plusDays(10), true))
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(Lifecycle.status(EXPIRES.plusDays(5), EXPIRES, ISSUED.plusDays(10), false))
                .isEqualTo(CertificateStatus.REVOKED);
    }
}
