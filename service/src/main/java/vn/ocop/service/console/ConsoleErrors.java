package vn.ocop.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.ocop.service.platform.web.ApiException;

/**
 * Errors of console pages as a Vietnamese page (or, for an htmx request, a message fragment) with the API's stable
 * code beside it; never a stack trace or an exception's text. Ordered before the API's problem+json handler, and only
 * for the console's controllers.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("NOT_FOUND", "Không tìm thấy nội dung yêu cầu."),
            Map.entry("VALIDATION_FAILED", "Dữ liệu nhập chưa hợp lệ."),
            Map.entry("FORBIDDEN", "Vai trò của bạn không được phép làm việc này."),
            Map.entry("CONFLICT", "Dữ liệu vừa được người khác thay đổi; hãy tải lại trang và thử lại."),
            Map.entry("PRECONDITION_FAILED", "Dữ liệu vừa được người khác thay đổi; hãy tải lại trang và thử lại."),
            Map.entry(
                    "DUPLICATE_ASSESSMENT", "Thành viên này đã nộp phiếu chấm cho hồ sơ; phiếu đã nộp không sửa được."),
            Map.entry("NO_ASSESSMENTS", "Hồ sơ chưa có phiếu chấm nào của Hội đồng."),
            Map.entry("NO_EDITION_IN_FORCE", "Không có bộ tiêu chí nào có hiệu lực vào ngày này."),
            Map.entry("SHEET_INCOMPLETE", "Phiếu chưa đầy đủ: còn tiêu chí chưa chấm."),
            Map.entry("SHEET_INVALID", "Phiếu chưa hợp lệ."),
            Map.entry("NOT_IN_COUNCIL", "Bạn không có chỗ chấm điểm trong Hội đồng của hồ sơ này."),
            Map.entry("NOT_CHAIR", "Chỉ Chủ tịch, Thư ký Hội đồng và cơ quan tham mưu OCOP xem hoặc làm việc này."),
            Map.entry("NOT_YOUR_SHEET", "Mỗi thành viên chỉ ghi phiếu của mình."),
            Map.entry("NO_DRAFTS", "Hồ sơ này không theo quy trình: phiếu được nộp một lần, không có bản nháp."),
            Map.entry("QUORUM_NOT_MET", "Hội đồng chưa đủ túc số để ghi kết quả."),
            Map.entry("WRONG_STATE", "Hồ sơ không ở bước cho phép việc này."),
            Map.entry("OUT_OF_SCOPE", "Hồ sơ này ngoài phạm vi của bạn."),
            Map.entry("UPLOAD_REFUSED", "Tệp tải lên bị từ chối."),
            Map.entry("RULESET_NOT_DRAFT", "Chỉ kiểm tra được phiên bản nháp."),
            Map.entry("RULESET_NOT_VALIDATED", "Phiên bản chưa qua kiểm tra (validate)."),
            Map.entry("RULESET_TESTS_NOT_PASSED", "Phiên bản chưa chạy kiểm thử hoặc kiểm thử chưa đạt."),
            Map.entry("RULESET_NOT_PUBLISHED", "Chỉ thu hồi được phiên bản đang áp dụng."),
            Map.entry(
                    "RULESET_LAST_VERSION",
                    "Đây là phiên bản duy nhất đang áp dụng của bộ tiêu chí; hãy ban hành phiên bản khác trước."),
            Map.entry("JOB_QUEUE_FULL", "Hàng đợi công việc đang đầy; hãy thử lại sau."),
            Map.entry(
                    "INTERNAL_ERROR",
                    "Đã có lỗi ngoài dự kiến. Hãy thử lại; nếu lỗi lặp lại, báo quản trị viên kèm mã yêu cầu."));
    private final ConsoleModel layout;

    ConsoleErrors(ConsoleModel layout) {
        this.layout = layout;
    }

    /** The Vietnamese sentence for a stable code (the code itself is shown beside it). */
    static String message(String code) {
        return MESSAGES.getOrDefault(code, "Yêu cầu không thực hiện được.");
    }

    /** A refusal as the page shows it: sentence, code, and the field-level problems the API gave. */
    record Refusal(String code, String message, List<ApiException.FieldProblem> details) {
        static Refusal of(ApiException e) {
            return new Refusal(e.code(), ConsoleErrors.message(e.code()), e.errors());
        }
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, e.status(), Refusal.of(e));
    }

    /** A step the ruleset's status does not allow, with the same code and status the API answers. */
    @ExceptionHandler(vn.ocop.service.ruleset.RulesetRefused.class)
    ModelAndView rulesetRefused(
            vn.ocop.service.ruleset.RulesetRefused e, HttpServletRequest request, HttpServletResponse response) {
        return page(
                request,
                response,
                vn.ocop.service.ruleset.RulesetRefused.status(e.kind()),
                new Refusal(e.code(), message(e.code()), List.of()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return page(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                new Refusal("VALIDATION_FAILED", message("VALIDATION_FAILED"), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String requestId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error on console page {} {} (request id {})",
                request.getMethod(),
                request.getRequestURI(),
                requestId,
                e);
        ModelAndView mav = page(
                request,
                response,
                HttpStatus.INTERNAL_SERVER_ERROR,
                new Refusal("INTERNAL_ERROR", message("INTERNAL_ERROR"), List.of()));
        mav.addObject("requestId", requestId);
        return mav;
    }

    ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Refusal refusal) {
        boolean htmx = request.getHeader("HX-Request") != null;
        ModelAndView mav = new ModelAndView(htmx ? "console/fragments :: refusal" : "console/error");
        mav.setStatus(status);
        if (htmx) {
            // htmx swaps only 2xx answers by default: show the refusal where the result would have gone
            mav.setStatus(HttpStatus.OK);
            response.setHeader("HX-Reswap", "innerHTML");
        }
        mav.addObject("refusal", refusal);
        mav.addObject("status", status.value());
        mav.addObject("me", layout.me());
        mav.addObject("htmxPath", layout.htmxPath());
        return mav;
    }
}
