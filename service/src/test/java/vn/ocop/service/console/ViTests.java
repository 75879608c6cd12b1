package vn.ocop.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ViTests {
    final Vi vi = new Vi();

    @Test
    void datesAreDayMonthYearAndTimesAreVietnamTime() {
        assertThat(vi.date(LocalDate.of(2026, 5, 22))).isEqualTo("22/05/2026");
        assertThat(vi.date("2026-05-22")).isEqualTo("22/05/2026");
        assertThat(vi.date("not a date")).isEqualTo("not a date");
        assertThat(vi.date((LocalDate) null)).isEqualTo("–");
        assertThat(vi.dateTime(OffsetDateTime.parse("2026-05-21T17:30:00Z"))).isEqualTo("22/05/2026 00:30");
        assertThat(vi.dateTime(Instant.parse("2026-05-21T17:30:00Z"))).isEqualTo("22/05/2026 00:30");
    }

    @Test
    void numbersHaveADecimalCommaAndDotGrouping() {
        assertThat(vi.decimal(new BigDecimal("70"))).isEqualTo("70,00");
        assertThat(vi.decimal(new BigDecimal("69.995"))).isEqualTo("70,00");
        assertThat(vi.decimal("85.33")).isEqualTo("85,33");
        assertThat(vi.integer(1234567L)).isEqualTo("1.234.567");
        assertThat(vi.percent(99.9)).isEqualTo("99");
    }

    @Test
    void codesHaveVietnameseNamesAndUnknownOnesStayReadable() {
        assertThat(vi.status("PUBLISHED")).isEqualTo("Đang áp dụng");
        assertThat(vi.jobState("SUCCEEDED")).isEqualTo("Hoàn thành");
        assertThat(vi.group("FOOD")).isEqualTo("Thực phẩm");
        assertThat(vi.status("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(vi.stars(4)).isEqualTo("★★★★ (4 sao)");
        assertThat(vi.stars(null)).isEqualTo("chưa xếp hạng");
    }
}
