package vn.ocop.rules.api;

/**
 * A source anomaly and how the edition reads it: never corrected silently.
 *
 * @param sheet     sheet id
 * @param criterion criterion (or part/heading) code, or null
 * @param printed   the value as printed
 * @param used      the value the edition uses
 * @param reason    why
 */
public record Erratum(String sheet, String criterion, String printed, String used, String reason) {}
