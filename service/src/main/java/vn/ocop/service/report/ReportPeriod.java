package vn.ocop.service.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.ocop.api.model.ReportDeadline;
import vn.ocop.service.platform.web.ApiException;

/**
 * The period a report covers and its deadline. The plan asks for a 6-monthly report before 15 June and a yearly one
 * before 15 December; this product's reading: both report on the year so far, from 1 January to the day before the
 * deadline (or to today, when that comes first). A custom from/to has no deadline.
 */
record ReportPeriod(LocalDate from, LocalDate to, ReportDeadline deadline) {
    static final int MAX_DAYS = 366 * 5;

    static ReportPeriod of(String period, LocalDate from, LocalDate to, LocalDate today) {
        if (period != null) {
            if (from != null || to != null) throw ApiException.invalidField("period", "give either period or from/to");
            int year = Integer.parseInt(period.substring(0, 4));
            boolean half = period.endsWith("-H1");
            LocalDate due = half ? LocalDate.of(year, 6, 15) : LocalDate.of(year, 12, 15);
            LocalDate start = LocalDate.of(year, 1, 1);
            if (start.isAfter(today)) throw ApiException.invalidField("period", "has not started");
            LocalDate end = due.minusDays(1).isAfter(today) ? today : due.minusDays(1);
            String text = (half ? "Báo cáo 6 tháng: gửi trước ngày 15/6/" : "Báo cáo năm: gửi trước ngày 15/12/")
                    + year
                    + (today.isBefore(due)
                            ? " (còn " + ChronoUnit.DAYS.between(today, due) + " ngày)"
                            : " (đã qua hạn)");
            return new ReportPeriod(
                    start,
                    end,
                    new ReportDeadline()
                            .kind(half ? ReportDeadline.KindEnum.SEMIANNUAL : ReportDeadline.KindEnum.ANNUAL)
                            .dueBefore(due)
                            .text(text));
        }
        if (from == null || to == null)
            throw ApiException.invalidField(
                    from == null ? "from" : "to", "give period (YYYY-H1, YYYY) or both from and to");
        if (to.isBefore(from)) throw ApiException.invalidField("to", "must not be before from");
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS)
            throw ApiException.invalidField("to", "a report covers at most 5 years");
        return new ReportPeriod(
                from,
                to,
                new ReportDeadline()
                        .kind(ReportDeadline.KindEnum.CUSTOM)
                        .text("Báo cáo theo khoảng thời gian tùy chọn: không có hạn gửi"));
    }

    boolean contains(LocalDate d) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }
}
