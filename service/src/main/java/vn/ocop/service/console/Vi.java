package vn.ocop.service.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Vietnamese formatting for the pages (templates call it as {@code @vi}): dates dd/MM/yyyy, times in Vietnam, numbers
 * with a decimal comma and dot grouping (70,00; 1.234), and the Vietnamese names of the API's stable codes.
 */
@Component("vi")
public class Vi {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("DRAFT", "Nháp"),
            Map.entry("SUBMITTED", "Đã nộp"),
            Map.entry("EVALUATED", "Đã đánh giá"),
            Map.entry("WITHDRAWN", "Đã rút"),
            Map.entry("VALIDATED", "Đã kiểm tra"),
            Map.entry("PUBLISHED", "Đang áp dụng"),
            Map.entry("RETIRED", "Đã thu hồi"),
            Map.entry("VALID", "Hợp lệ"),
            Map.entry("INVALID", "Không hợp lệ"),
            // the procedure's states (docs/procedure.md)
            Map.entry("ASSIGNED", "Đã vào đợt đánh giá"),
            Map.entry("SCORING", "Hội đồng đang chấm"),
            Map.entry("SCORED", "Đã có kết quả Hội đồng"),
            Map.entry("FORWARDED", "Đã chuyển cấp trên"),
            Map.entry("RECOGNISED", "Đã công nhận"),
            Map.entry("NOT_RECOGNISED", "Không công nhận"));
    private static final Map<String, String> JOB_STATE = Map.of(
            "QUEUED",
            "Đang chờ",
            "RUNNING",
            "Đang chạy",
            "SUCCEEDED",
            "Hoàn thành",
            "FAILED",
            "Thất bại",
            "CANCELLED",
            "Đã huỷ");
    private static final Map<String, String> GROUP = Map.of(
            "FOOD",
            "Thực phẩm",
            "BEVERAGE",
            "Đồ uống",
            "HERBAL",
            "Dược liệu",
            "TEXTILE",
            "Vải, may mặc",
            "HANDICRAFT",
            "Thủ công mỹ nghệ",
            "TOURISM",
            "Dịch vụ du lịch",
            "ORNAMENTAL",
            "Sinh vật cảnh");

    public String date(LocalDate d) {
        return d == null ? "–" : DATE.format(d);
    }

    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) return "–";
        try {
            return DATE.format(LocalDate.parse(isoDate));
        } catch (RuntimeException e) {
            return isoDate;
        }
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "–" : DATE_TIME.format(t.atZoneSameInstant(VIETNAM));
    }

    public String dateTime(java.time.Instant t) {
        return t == null ? "–" : DATE_TIME.format(t.atZone(VIETNAM));
    }

    /** Two decimals, decimal comma: 70,00. */
    public String decimal(BigDecimal n) {
        return n == null ? "–" : format(n.setScale(2, RoundingMode.HALF_UP), "#,##0.00");
    }

    /** A decimal the API already rounded as text ("70.00"), shown with the comma. */
    public String decimal(String n) {
        if (n == null || n.isBlank()) return "–";
        try {
            return decimal(new BigDecimal(n));
        } catch (NumberFormatException e) {
            return n;
        }
    }

    public String integer(Number n) {
        return n == null ? "–" : format(BigDecimal.valueOf(n.longValue()), "#,##0");
    }

    public String percent(Double p) {
        return p == null ? "0" : format(BigDecimal.valueOf(p).setScale(0, RoundingMode.DOWN), "#,##0");
    }

    public String stars(Integer n) {
        return n == null ? "chưa xếp hạng" : "★".repeat(n) + " (" + n + " sao)";
    }

    public String status(Object code) {
        String c = code == null ? null : code.toString();
        return c == null ? "–" : STATUS.getOrDefault(c, c);
    }

    public String jobState(Object code) {
        String c = code == null ? null : code.toString();
        return c == null ? "–" : JOB_STATE.getOrDefault(c, c);
    }

    public String group(String code) {
        return code == null ? "–" : GROUP.getOrDefault(code, code);
    }

    private static String format(BigDecimal n, String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols).format(n);
    }
}
