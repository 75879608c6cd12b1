package vn.ocop.service.ruleset;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.ocop.api.model.Problem;
import vn.ocop.service.platform.web.ProblemWriter;

/**
 * The web side of {@link RulesetRefused}: the same problem+json every other refusal of the API gets. Ordered before the
 * API's catch-all handler; the console's own advice (pages, not JSON) comes first for console controllers.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1)
class RulesetProblems {

    @ExceptionHandler(RulesetRefused.class)
    ResponseEntity<Problem> refused(RulesetRefused e, HttpServletRequest request) {
        HttpStatus status = RulesetRefused.status(e.kind());
        return ResponseEntity.status(status)
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(ProblemWriter.problem(status, e.code(), e.getMessage(), request.getRequestURI(), List.of()));
    }
}
