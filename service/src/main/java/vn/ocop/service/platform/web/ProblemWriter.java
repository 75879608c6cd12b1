package vn.ocop.service.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.FieldError;
import vn.ocop.api.model.Problem;

/** Builds problem+json bodies; also writes them directly from filters and security handlers. */
@Component
public class ProblemWriter {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private final JsonMapper mapper;

    public ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public static Problem problem(
            HttpStatus status, String code, String detail, String instance, List<ApiException.FieldProblem> errors) {
        Problem p = new Problem()
                .type("https://ocop.vn/problems/" + code.toLowerCase().replace('_', '-'))
                .title(ProblemTitles.of(code, status))
                .status(status.value())
                .detail(detail)
                .instance(instance)
                .code(code);
        p.setErrors(
                errors == null || errors.isEmpty()
                        ? null
                        : errors.stream()
                                .map(e -> new FieldError()
                                        .field(e.field())
                                        .code(e.code())
                                        .message(e.message()))
                                .toList());
        return p;
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(request, response, status, code, detail, List.of());
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String detail,
            List<ApiException.FieldProblem> errors)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream()
                .write(mapper.writeValueAsBytes(problem(status, code, detail, request.getRequestURI(), errors)));
        response.flushBuffer();
    }
}
