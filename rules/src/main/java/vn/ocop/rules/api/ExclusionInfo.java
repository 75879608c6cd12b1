package vn.ocop.rules.api;

/**
 * A condition of the sheet that excludes the dossier or stops its evaluation.
 *
 * @param code      stable code, e.g. "DOSSIER_REJECTED" (the "Hồ sơ bị loại khi…" line),
 *                  "UNACCEPTABLE_FOREIGN_MATTER", "ZERO_ON_INDICATOR", "IP_INFRINGEMENT", "NO_PRODUCT_DECLARATION"
 * @param text      the sheet's text, verbatim
 * @param criterion the criterion whose note prints it, or null for the dossier-level line
 */
public record ExclusionInfo(String code, String text, String criterion) {}
