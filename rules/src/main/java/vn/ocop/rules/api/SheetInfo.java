package vn.ocop.rules.api;

import java.util.List;
import java.util.Map;

/**
 * A scoring sheet (phiếu đánh giá) of one product group.
 *
 * @param id                  sheet id, unique within the edition
 * @param group               product group: FOOD, BEVERAGE, HERBAL, TEXTILE, HANDICRAFT, TOURISM, ORNAMENTAL
 * @param name                Vietnamese name
 * @param subgroups           the phân nhóm this sheet scores
 * @param partMaxima          "A" → 35 etc.
 * @param source              where its content comes from
 * @param checkedAgainstAnnex true only when checked against the official annex
 * @param criteria            criteria in sheet order (empty in summaries)
 */
public record SheetInfo(
        String id,
        String group,
        String name,
        List<String> subgroups,
        Map<String, Integer> partMaxima,
        String source,
        boolean checkedAgainstAnnex,
        List<CriterionInfo> criteria) {}
