package vn.ocop.service.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A client error with a stable code; rendered as application/problem+json by {@link ProblemHandler}. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(
                HttpStatus.NOT_FOUND, "NOT_FOUND", "Không tìm thấy " + what + " " + id + " (does not exist)");
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "Trường " + field + " không hợp lệ: " + message,
                List.of(new FieldProblem(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /**
     * One refused field: its path ({@code assessments[2].selections.A1.1}), a stable code when there is a more
     * precise one than the problem's, and a Vietnamese message.
     */
    public record FieldProblem(String field, String code, String message) {
        public FieldProblem(String field, String message) {
            this(field, null, message);
        }
    }

    /** 400 with one error per field, each with its own code. */
    public static ApiException invalid(String code, String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail, errors);
    }

    /** 422: well-formed, but not acceptable for this dossier or sheet. */
    public static ApiException unprocessable(String code, String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, errors);
    }
}
