package vn.ocop.service.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The Vietnamese title of every stable problem code (the users' language; the English code stays beside it for
 * programs). docs/api.md lists the same table. A code not listed here falls back to the HTTP reason phrase.
 */
public final class ProblemTitles {
    private ProblemTitles() {}

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", "Dữ liệu gửi lên không hợp lệ"),
            Map.entry("MALFORMED_JSON", "Nội dung không phải JSON hợp lệ"),
            Map.entry("UNKNOWN_FIELD", "Trường không có trong hợp đồng API"),
            Map.entry("WRONG_TYPE", "Giá trị sai kiểu"),
            Map.entry("NULL_NOT_ALLOWED", "Không được để null"),
            Map.entry("NUMBER_OUT_OF_RANGE", "Số nằm ngoài khoảng cho phép"),
            Map.entry("TOO_MANY_DIGITS", "Số có quá nhiều chữ số"),
            Map.entry("DUPLICATE_KEY", "Khóa bị lặp"),
            Map.entry("INVISIBLE_CHARACTER", "Có ký tự ẩn không được phép"),
            Map.entry("INVALID_CODE", "Mã không hợp lệ"),
            Map.entry("UNKNOWN_CRITERION", "Tiêu chí không có trong phiếu"),
            Map.entry("MISSING_CRITERION", "Thiếu tiêu chí"),
            Map.entry("OPTION_OUT_OF_RANGE", "Phương án ngoài phạm vi của tiêu chí"),
            Map.entry("DUPLICATE_CRITERION", "Tiêu chí bị chấm hai lần"),
            Map.entry("DUPLICATE_MEMBER", "Thành viên hội đồng bị lặp"),
            Map.entry("INCOMPLETE_ASSESSMENT", "Phiếu chấm điểm chưa đầy đủ"),
            Map.entry("SHEET_LOCKED", "Không đổi được phiếu đánh giá của hồ sơ đã chấm"),
            Map.entry("REQUEST_TIMEOUT", "Gửi nội dung quá chậm"),
            Map.entry("UNKNOWN_GROUP", "Nhóm sản phẩm không tồn tại"),
            Map.entry("TOO_MANY_MEMBERS", "Quá nhiều thành viên hội đồng"),
            Map.entry("TOO_MANY_CRITERIA", "Quá nhiều tiêu chí"),
            Map.entry("TOO_MANY_ITEMS", "Quá nhiều phần tử"),
            Map.entry("TEXT_TOO_LONG", "Chuỗi quá dài"),
            Map.entry("UNKNOWN_PROVINCE", "Mã tỉnh/thành phố không tồn tại"),
            Map.entry("UNKNOWN_DISTRICT", "Mã quận/huyện không tồn tại"),
            Map.entry("UNKNOWN_COMMUNE", "Mã xã/phường không tồn tại"),
            Map.entry("UNKNOWN_PARAMETER", "Tham số truy vấn không được hỗ trợ"),
            Map.entry("MALFORMED_QUERY", "Chuỗi truy vấn không hợp lệ"),
            Map.entry("UNSUPPORTED_CHARSET", "Chỉ nhận bảng mã UTF-8"),
            Map.entry("UNAUTHENTICATED", "Cần đăng nhập"),
            Map.entry("FORBIDDEN", "Vai trò của bạn không được phép làm việc này"),
            Map.entry("NOT_FOUND", "Không tìm thấy"),
            Map.entry("DUPLICATE_ASSESSMENT", "Thành viên này đã chấm hồ sơ"),
            Map.entry("PRECONDITION_FAILED", "Hồ sơ đã thay đổi kể từ ETag đó"),
            Map.entry("PRECONDITION_REQUIRED", "Cần gửi If-Match"),
            Map.entry("PAYLOAD_TOO_LARGE", "Nội dung gửi lên quá lớn"),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", "Kiểu nội dung không được hỗ trợ"),
            Map.entry("NOT_ACCEPTABLE", "Không trả được kiểu nội dung yêu cầu"),
            Map.entry("METHOD_NOT_ALLOWED", "Phương thức không được phép"),
            Map.entry("NO_ASSESSMENTS", "Hồ sơ chưa có phiếu chấm điểm"),
            Map.entry("NO_EDITION_IN_FORCE", "Không có bộ tiêu chí hiệu lực vào ngày đó"),
            Map.entry("UNKNOWN_EDITION", "Bộ tiêu chí không tồn tại"),
            Map.entry("UNKNOWN_SHEET", "Phiếu đánh giá không tồn tại"),
            Map.entry("CONFLICT", "Xung đột khi ghi đồng thời"),
            Map.entry("RATE_LIMITED", "Quá nhiều yêu cầu, hãy thử lại sau"),
            Map.entry("JOBS_BUSY", "Hàng đợi tác vụ nền đã đầy"),
            Map.entry("MALFORMED_MULTIPART", "Nội dung multipart không hợp lệ"),
            Map.entry("BAD_REQUEST", "Yêu cầu không hợp lệ"),
            Map.entry("INTERNAL_ERROR", "Lỗi không mong đợi của máy chủ"));

    public static String of(String code, HttpStatus status) {
        return TITLES.getOrDefault(code, status.getReasonPhrase());
    }

    /** Whether a code has a Vietnamese title (tests check every code the service answers with). */
    public static boolean known(String code) {
        return TITLES.containsKey(code);
    }
}
