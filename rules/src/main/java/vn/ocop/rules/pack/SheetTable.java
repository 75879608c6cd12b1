package vn.ocop.rules.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.OptionInfo;

/**
 * Reads a sheet decision table as a catalogue (criteria and options in sheet order). Columns are found
 * by their code-template row, so a policy officer may reorder them.
 */
final class SheetTable {
    private SheetTable() {}

    static List<CriterionInfo> criteria(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        int header = indexOfHeader(rows);
        if (header < 0 || header + 3 >= rows.size()) {
            throw new IllegalArgumentException("no RuleTable with NAME/CONDITION/ACTION header rows");
        }
        List<String> header0 = rows.get(header);
        List<String> templates = rows.get(header + 2);
        int name = header0.indexOf("NAME");
        int code = column(templates, "criterion ==");
        int option = column(templates, "option ==");
        int points = column(templates, "award(");
        int group = column(templates, "criterionGroup(");
        int criterionName = column(templates, "criterionName(");
        int label = column(templates, "optionLabel(");

        Map<String, List<String[]>> byCode = new LinkedHashMap<>();
        for (int r = header + 4; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (cell(row, code).isBlank()) {
                if (row.stream().allMatch(String::isBlank)) break;
                continue;
            }
            byCode.computeIfAbsent(cell(row, code).trim(), k -> new ArrayList<>()).add(new String[] {
                    cell(row, option), cell(row, points), cell(row, group), cell(row, criterionName), cell(row, label), cell(row, name)});
        }
        List<CriterionInfo> criteria = new ArrayList<>();
        byCode.forEach((c, options) -> {
            List<OptionInfo> infos = new ArrayList<>();
            for (String[] o : options) {
                infos.add(new OptionInfo(Integer.parseInt(o[0].trim()), o[4], Integer.parseInt(o[1].trim()), o[5]));
            }
            String[] first = options.get(0);
            criteria.add(new CriterionInfo(c, c.substring(0, 1), first[2], first[3], List.copyOf(infos)));
        });
        return criteria;
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
