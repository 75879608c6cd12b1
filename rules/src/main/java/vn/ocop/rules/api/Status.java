package vn.ocop.rules.api;

/**
 * VALID: scored and rated. INVALID: at least one ERROR finding; no stars are given. EXCLUDED: the dossier
 * is excluded (hồ sơ bị loại) or knocked out by a note of the sheet; no stars, the sheet's text is the finding.
 */
public enum Status {
    VALID,
    INVALID,
    EXCLUDED
}
