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
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist");
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields",
                List.of(new FieldProblem(field, message)));
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    public List<FieldProblem> errors() { return errors; }

    public record FieldProblem(String field, String message) {}
}
