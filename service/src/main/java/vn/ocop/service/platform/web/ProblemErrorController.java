package vn.ocop.service.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Problem;

/**
 * Errors raised outside Spring MVC (the servlet container, the security firewall) end up at /error; they are
 * answered as problem+json too, in place of Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // called directly (no error dispatch): there is nothing here
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i)
                : HttpStatus.NOT_FOUND;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s
                ? s
                : request.getRequestURI();
        String problemCode = switch (status) {
            case BAD_REQUEST -> "BAD_REQUEST";
            case NOT_FOUND -> "NOT_FOUND";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : status.name();
        };
        String detail = status.is5xxServerError()
                ? "Lỗi không mong đợi (an unexpected error occurred)"
                : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(ProblemWriter.problem(status, problemCode, detail, path, List.of()));
    }
}
