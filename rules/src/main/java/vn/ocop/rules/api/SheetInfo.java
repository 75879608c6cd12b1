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
 * @param number              the sheet's number in its annex (Phụ lục II: 1–26), or null
 * @param classification      its leaf of the product classification (Phụ lục I), or null
 * @param exclusions          conditions that exclude the dossier or stop its evaluation, in sheet order
 * @param sourceRef           decision, annex and sheet number, or null
 */
public record SheetInfo(
        String id,
        String group,
        String name,
        List<String> subgroups,
        Map<String, Integer> partMaxima,
        String source,
        boolean checkedAgainstAnnex,
        List<CriterionInfo> criteria,
        Integer number,
        ProductClass classification,
        List<ExclusionInfo> exclusions,
        SheetSource sourceRef) {

    public SheetInfo {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public SheetInfo(
            String id,
            String group,
            String name,
            List<String> subgroups,
            Map<String, Integer> partMaxima,
            String source,
            boolean checkedAgainstAnnex,
            List<CriterionInfo> criteria) {
        this(
                id,
                group,
                name,
                subgroups,
                partMaxima,
                source,
                checkedAgainstAnnex,
                criteria,
                null,
                null,
                List.of(),
                null);
    }

    /** The same sheet without its criteria (catalogue lists). */
    public SheetInfo summary() {
        return new SheetInfo(
                id,
                group,
                name,
                subgroups,
                partMaxima,
                source,
                checkedAgainstAnnex,
                List.of(),
                number,
                classification,
                exclusions,
                sourceRef);
    }
}
