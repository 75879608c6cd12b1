package vn.ocop.rules.api;

/**
 * Something the engine found about an evaluation.
 *
 * @param code      stable machine code (e.g. UNKNOWN_CRITERION, COUNCIL_SPREAD)
 * @param severity  ERROR makes the evaluation INVALID; WARNING informs
 * @param criterion criterion code the finding is about, or null
 * @param member    council member the finding is about, or null
 * @param message   human-readable message in Vietnamese
 */
public record Finding(String code, Severity severity, String criterion, String member, String message)
        implements java.io.Serializable {}
