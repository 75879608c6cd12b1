package vn.ocop.rules.api;

/**
 * One leaf of the product classification (Phụ lục I of Decision 26/2026/QĐ-TTg): ngành → nhóm → phân nhóm.
 *
 * @param number   1-based position among the leaves (= the sheet's number in Phụ lục II)
 * @param sector   ngành, e.g. "SẢN PHẨM THỰC PHẨM"
 * @param group    nhóm, e.g. "Thực phẩm tươi sống"
 * @param subgroup phân nhóm, e.g. "Rau, củ, quả, hạt tươi"; null where the nhóm has no phân nhóm (it is the leaf)
 * @param ministry cơ quan chủ trì quản lý, verbatim (may name two ministries)
 * @param sheet    id of the sheet that scores this leaf
 */
public record ProductClass(int number, String sector, String group, String subgroup, String ministry, String sheet) {}
