package vn.ocop.rules.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.OptionInfo;

/**
 * Reads a sheet decision table as a catalogue (criteria and options in sheet order). Columns are found
 * by their code-template row, so a policy officer may reorder them. Optional columns (2026 layout): part,
 * minStars, headings and notes (" | "-separated), readingNote, alternativeOf, caseLabel; a criterion's
 * columns are read from its first row. Without a part column the part is the code's first letter ("A1.1").
 */
public final class SheetTable {
    static final String LIST_SEPARATOR = " | ";

    private SheetTable() {}

    private enum Col {
        OPTION,
        POINTS,
        GROUP,
        NAME,
        LABEL,
        RULE,
        PART,
        MIN_STARS,
        HEADINGS,
        NOTES,
        READING,
        ALTERNATIVE_OF,
        CASE
    }

    public static List<CriterionInfo> criteria(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        int header = indexOfHeader(rows);
        if (header < 0 || header + 3 >= rows.size()) {
            throw new IllegalArgumentException("no RuleTable with NAME/CONDITION/ACTION header rows");
        }
        List<String> header0 = rows.get(header);
        List<String> templates = rows.get(header + 2);
        int code = column(templates, "criterion ==");
        int[] cols = new int[Col.values().length];
        cols[Col.OPTION.ordinal()] = column(templates, "option ==");
        cols[Col.POINTS.ordinal()] = column(templates, "award(");
        cols[Col.GROUP.ordinal()] = column(templates, "criterionGroup(");
        cols[Col.NAME.ordinal()] = column(templates, "criterionName(");
        cols[Col.LABEL.ordinal()] = column(templates, "optionLabel(");
        cols[Col.RULE.ordinal()] = header0.indexOf("NAME");
        cols[Col.PART.ordinal()] = column(templates, "part(");
        cols[Col.MIN_STARS.ordinal()] = column(templates, "minStars(");
        cols[Col.HEADINGS.ordinal()] = column(templates, "headings(");
        cols[Col.NOTES.ordinal()] = column(templates, "notes(");
        cols[Col.READING.ordinal()] = column(templates, "readingNote(");
        cols[Col.ALTERNATIVE_OF.ordinal()] = column(templates, "alternativeOf(");
        cols[Col.CASE.ordinal()] = column(templates, "caseLabel(");

        Map<String, List<String[]>> byCode = new LinkedHashMap<>();
        for (int r = header + 4; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (cell(row, code).isBlank()) {
                if (row.stream().allMatch(String::isBlank)) break;
                continue;
            }
            String[] values = new String[cols.length];
            for (int i = 0; i < cols.length; i++) values[i] = cell(row, cols[i]);
            byCode.computeIfAbsent(cell(row, code).trim(), k -> new ArrayList<>())
                    .add(values);
        }
        List<CriterionInfo> criteria = new ArrayList<>();
        byCode.forEach((c, options) -> {
            List<OptionInfo> infos = new ArrayList<>();
            for (String[] o : options) {
                String stars = o[Col.MIN_STARS.ordinal()].trim();
                infos.add(new OptionInfo(
                        Integer.parseInt(o[Col.OPTION.ordinal()].trim()),
                        o[Col.LABEL.ordinal()],
                        Integer.parseInt(o[Col.POINTS.ordinal()].trim()),
                        o[Col.RULE.ordinal()],
                        stars.isEmpty() ? null : Integer.valueOf(stars)));
            }
            String[] first = options.get(0);
            String part = first[Col.PART.ordinal()].trim();
            String group = first[Col.GROUP.ordinal()];
            List<String> headings = cols[Col.HEADINGS.ordinal()] < 0 ? null : list(first[Col.HEADINGS.ordinal()]);
            criteria.add(new CriterionInfo(
                    c,
                    part.isEmpty() ? c.substring(0, 1) : part,
                    group.isEmpty() && headings != null ? null : group,
                    first[Col.NAME.ordinal()],
                    List.copyOf(infos),
                    headings,
                    list(first[Col.NOTES.ordinal()]),
                    blankToNull(first[Col.READING.ordinal()]),
                    blankToNull(first[Col.ALTERNATIVE_OF.ordinal()]),
                    blankToNull(first[Col.CASE.ordinal()])));
        });
        return criteria;
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        return Arrays.stream(cell.split(" \\| "))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int indexOfHeader(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isEmpty() && rows.get(r).get(0).trim().startsWith("RuleTable")) return r + 1;
        }
        return -1;
    }

    private static int column(List<String> templates, String marker) {
        for (int i = 0; i < templates.size(); i++) {
            if (templates.get(i).contains(marker)) return i;
        }
        return -1;
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }
}
