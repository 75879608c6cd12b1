package vn.ocop.service.ruleset;

/**
 * A ruleset refused a step its status or its state does not allow. The stable {@link #code()} is the API's problem
 * code; {@code RulesetProblems} (the API) and the console answer it as application/problem+json with the status of its {@link Kind}.
 */
public class RulesetRefused extends RuntimeException {
    /** Why, in HTTP terms of the problem answer: the state conflicts, a precondition is unmet, or the user may not. */
    public enum Kind {
        CONFLICT,
        PRECONDITION,
        FORBIDDEN
    }

    private final Kind kind;
    private final String code;

    RulesetRefused(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The HTTP status every answer of this refusal carries (API problem or console page). */
    public static org.springframework.http.HttpStatus status(Kind kind) {
        return switch (kind) {
            case CONFLICT -> org.springframework.http.HttpStatus.CONFLICT;
            case PRECONDITION -> org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> org.springframework.http.HttpStatus.FORBIDDEN;
        };
    }
}
