package vn.ocop.rules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A criteria edition (bộ tiêu chí) as the catalogue shows it.
 *
 * @param id               e.g. "ocop-2026"
 * @param name             Vietnamese name
 * @param legalBasis       the decision(s) it encodes
 * @param effectiveFrom    first day in force
 * @param effectiveTo      last day in force, or null while in force
 * @param extendsEdition   parent edition id for a provincial edition, or null
 * @param partMaxima       "A" → 35 etc.
 * @param version          rule pack version
 * @param sha256           SHA-256 of the rule pack's sources
 * @param sheets           the edition's sheets
 * @param errata           source anomalies and the values used instead (empty when none)
 * @param classification   the product classification's leaves (Phụ lục I), in order; empty when the edition has none
 * @param province         for a provincial edition, the province it applies to (and only to it); null for a national one
 * @param starMinimumBasis how star minimums are checked; null when the edition's sheets carry none
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
        List<SheetInfo> sheets,
        List<Erratum> errata,
        List<ProductClass> classification,
        String province,
        StarMinimumBasis starMinimumBasis) {

    public EditionInfo {
        errata = errata == null ? List.of() : List.copyOf(errata);
        classification = classification == null ? List.of() : List.copyOf(classification);
    }

    public EditionInfo(
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
        this(
                id,
                name,
                legalBasis,
                effectiveFrom,
                effectiveTo,
                extendsEdition,
                partMaxima,
                version,
                sha256,
                sheets,
                List.of(),
                List.of(),
                null,
                null);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
