package vn.ocop.rules.api;

/**
 * A rule pack went past a bound of one evaluation (firings, findings, text length): the pack is faulty, the
 * evaluation has no result. Carries a stable code and a Vietnamese message for the policy officer.
 */
public class RuleLimitExceeded extends RuntimeException {
    private final String code;

    public RuleLimitExceeded(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
