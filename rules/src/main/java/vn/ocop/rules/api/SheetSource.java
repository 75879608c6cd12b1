package vn.ocop.rules.api;

/**
 * Where a sheet's content is printed.
 *
 * @param decision e.g. "Quyết định 26/2026/QĐ-TTg"
 * @param annex    e.g. "Phụ lục II"
 * @param number   the sheet's number in the annex, or null
 */
public record SheetSource(String decision, String annex, Integer number) {}
