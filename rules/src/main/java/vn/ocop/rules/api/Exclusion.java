package vn.ocop.rules.api;

/**
 * A reason, found by the council or the OCOP office, that excludes the dossier (hồ sơ bị loại) or stops its
 * evaluation (a knock-out printed in a criterion's note). The code is one of the sheet's
 * {@link SheetInfo#exclusions()}; any known one makes the result EXCLUDED.
 *
 * @param code   stable code of the sheet's exclusion, e.g. "DOSSIER_REJECTED", "UNACCEPTABLE_FOREIGN_MATTER"
 * @param note   what was found (free text, shown with the finding), may be null
 * @param member who found it, may be null
 */
public record Exclusion(String code, String note, String member) implements java.io.Serializable {}
