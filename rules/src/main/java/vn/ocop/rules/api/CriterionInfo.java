package vn.ocop.rules.api;

import java.util.List;

/**
 * One criterion of a sheet with its options, numbered from 1 in sheet order.
 *
 * @param code          as printed, e.g. "A1.1" (2019) or "1.1", "6.2", "7" (2026); "8a"/"8b" for sheet 26's two cases
 * @param part          "A", "B" or "C"
 * @param group         the nearest group heading (e.g. "TỔ CHỨC SẢN XUẤT")
 * @param name          the criterion's name, verbatim
 * @param options       in printed order
 * @param headings      every group heading above it, outermost first (e.g. ["CHỈ TIÊU CẢM QUAN", "Ngoại hình"])
 * @param notes         notes printed with it (and with its groups), verbatim
 * @param readingNote   non-null when the options are this product's reading, not printed (e.g. 2.4 "Không"/"Có")
 * @param alternativeOf non-null for one case of a "Lựa chọn một trong hai trường hợp" criterion: the printed code
 *                      ("8"); a member scores exactly one criterion of each such pair
 * @param caseLabel     the case's printed label ("Trường hợp 1: …") when {@code alternativeOf} is set
 */
public record CriterionInfo(
        String code,
        String part,
        String group,
        String name,
        List<OptionInfo> options,
        List<String> headings,
        List<String> notes,
        String readingNote,
        String alternativeOf,
        String caseLabel) {
    public CriterionInfo {
        options = List.copyOf(options);
        headings = headings == null ? (group == null ? List.of() : List.of(group)) : List.copyOf(headings);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public CriterionInfo(String code, String part, String group, String name, List<OptionInfo> options) {
        this(code, part, group, name, options, null, null, null, null, null);
    }

    public int maxPoints() {
        return options.stream().mapToInt(OptionInfo::points).max().orElse(0);
    }
}
