package vn.ocop.rules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A criteria edition (bộ tiêu chí) as the catalogue shows it.
 *
 * @param id            e.g. "ocop-2019"
 * @param name          Vietnamese name
 * @param legalBasis    the decision(s) it encodes
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or null while in force
 * @param extendsEdition parent edition id for a provincial edition, or null
 * @param partMaxima    "A" → 35 etc.
 * @param version       rule pack version
 * @param sha256        SHA-256 of the rule pack's sources
 * @param sheets        the edition's sheets
 */
public record EditionInfo(
        String id,
        String name,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String extendsEdition,
        Map<String, Integer> partMaxima,
        String version,
        String sha256,
        List<SheetInfo> sheets) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
