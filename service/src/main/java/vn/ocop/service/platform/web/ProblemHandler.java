package vn.ocop.service.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import vn.ocop.api.model.Problem;

/** Every error a client can cause becomes application/problem+json with a stable code; never a stack trace. */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final java.util.Set<String> COUNT_LIMITS =
            java.util.Set.of("TOO_MANY_MEMBERS", "TOO_MANY_CRITERIA", "TOO_MANY_FILES");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> api(ApiException e, HttpServletRequest req) {
        return respond(e.status(), e.code(), e.getMessage(), req, e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest req) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(BeanValidationProblems.of(f)));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new ApiException.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return validation(errors, req);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest req) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult r : e.getParameterValidationResults()) {
            String name = r.getMethodParameter().getParameterName();
            r.getResolvableErrors()
                    .forEach(err -> errors.add(
                            new ApiException.FieldProblem(name == null ? "parameter" : name, err.getDefaultMessage())));
        }
        return validation(errors, req);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> constraintViolation(ConstraintViolationException e, HttpServletRequest req) {
        List<ApiException.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldProblem(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, req);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return validation(
                List.of(new ApiException.FieldProblem(e.getName(), "giá trị không hợp lệ (invalid value)")), req);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest req) {
        return validation(
                List.of(new ApiException.FieldProblem(
                        e.getParameterName(), "MISSING_PARAMETER", "tham số bắt buộc (required)")),
                req);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest req) {
        return validation(
                List.of(new ApiException.FieldProblem(
                        e.getHeaderName(), "MISSING_HEADER", "header bắt buộc (required)")),
                req);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return respond(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "PAYLOAD_TOO_LARGE",
                        "Nội dung gửi lên quá lớn: " + t.getMessage(),
                        req,
                        List.of());
            }
            if (t instanceof BodySizeLimitFilter.BodyTooSlowException) {
                return respond(
                        HttpStatus.REQUEST_TIMEOUT,
                        "REQUEST_TIMEOUT",
                        "Nội dung gửi lên quá chậm: " + t.getMessage(),
                        req,
                        List.of());
            }
            if (t instanceof JacksonException j) {
                ApiException.FieldProblem p = JsonProblems.of(j);
                if (p != null) return validation(List.of(p), req);
            }
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_JSON",
                "Nội dung không phải JSON hợp lệ (the request body is not valid JSON)",
                req,
                List.of());
    }

    /** multipart/form-data: over spring.servlet.multipart limits (= ocop.web.max-body-size) or cut off → 413; malformed → 400. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Problem> multipart(MultipartException e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException
                    || t instanceof BodySizeLimitFilter.BodyTooLargeException
                    || t.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || t.getClass().getSimpleName().contains("SizeException")) {
                return respond(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "PAYLOAD_TOO_LARGE",
                        "The body or one of its parts is too large",
                        req,
                        List.of());
            }
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_MULTIPART",
                "The request body is not valid multipart/form-data",
                req,
                List.of());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Problem> missingPart(MissingServletRequestPartException e, HttpServletRequest req) {
        return validation(
                List.of(new ApiException.FieldProblem(
                        e.getRequestPartName(), "MISSING_PART", "phần bắt buộc (required)")),
                req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        if (e.getContentType() != null && !StrictJson.isUtf8(e.getContentType())) {
            return respond(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_CHARSET",
                    "Chỉ nhận nội dung mã hóa UTF-8, không nhận "
                            + e.getContentType().getParameter("charset") + " (send UTF-8)",
                    req,
                    List.of());
        }
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "Hãy gửi application/json (hoặc multipart/form-data ở nơi API cho phép) (send application/json)",
                req,
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return respond(
                HttpStatus.NOT_ACCEPTABLE,
                "NOT_ACCEPTABLE",
                "Hãy nhận application/json (accept application/json)",
                req,
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage(), req, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", "Không có tài nguyên này (no such resource)", req, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest req) {
        if (e instanceof ErrorResponse er) {
            // any other Spring MVC client error (status chosen by Spring)
            HttpStatus status = HttpStatus.resolve(er.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                return respond(status, status.name(), status.getReasonPhrase(), req, List.of());
            }
        }
        if (ClientDisconnects.isDisconnect(e)) {
            // the client hung up: nothing to answer, nothing wrong here
            log.debug(
                    "Client disconnected during {} {} (request id {}): {}",
                    req.getMethod(),
                    req.getRequestURI(),
                    RequestIds.of(req),
                    e.toString());
            return null;
        }
        log.error(
                "Unexpected error on {} {} (request id {})",
                req.getMethod(),
                req.getRequestURI(),
                RequestIds.of(req),
                e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Lỗi không mong đợi; mã yêu cầu " + RequestIds.of(req) + " (an unexpected error occurred)",
                req,
                List.of());
    }

    /** 400 VALIDATION_FAILED naming the fields; a count limit alone (TOO_MANY_MEMBERS, …) is the problem's own code. */
    private ResponseEntity<Problem> validation(List<ApiException.FieldProblem> errors, HttpServletRequest req) {
        String only =
                errors.stream().map(ApiException.FieldProblem::code).distinct().count() == 1
                        ? errors.get(0).code()
                        : null;
        String code = only != null && COUNT_LIMITS.contains(only) ? only : "VALIDATION_FAILED";
        String fields = String.join(
                ", ",
                errors.stream()
                        .map(ApiException.FieldProblem::field)
                        .distinct()
                        .limit(10)
                        .toList());
        return respond(HttpStatus.BAD_REQUEST, code, "Dữ liệu không hợp lệ ở: " + fields, req, errors);
    }

    private static ResponseEntity<Problem> respond(
            HttpStatus status,
            String code,
            String detail,
            HttpServletRequest req,
            List<ApiException.FieldProblem> errors) {
        return ResponseEntity.status(status)
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(ProblemWriter.problem(status, code, detail, req.getRequestURI(), errors));
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
