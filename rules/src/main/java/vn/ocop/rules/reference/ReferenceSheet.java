package vn.ocop.rules.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One sheet of the reference data (shared/reference/qd26-2026/sheets/NN-name.yaml) as printed: nothing is
 * corrected here. Criteria are the leaves of the parts' item trees, in printed order; a criterion printed with
 * two cases (sheet 26) becomes one criterion per case, coded "8a"/"8b".
 */
public record ReferenceSheet(
        int number,
        String id,
        String title,
        String sector,
        String group,
        String subgroup,
        String ministry,
        String disqualifiedWhen,
        Map<String, Integer> partMaxima,
        List<String> anomalies,
        List<String> withoutListedOptions,
        List<Criterion> criteria) {

    /** A criterion as printed. {@code options} is empty when the sheet lists none (see {@code withoutListedOptions}). */
    public record Criterion(
            String code,
            String part,
            List<String> headings,
            String name,
            Integer max,
            List<String> notes,
            List<Option> options,
            String alternativeOf,
            String caseLabel) {}

    /** An option as printed; {@code points} is null where the points cell is empty. */
    public record Option(int n, String label, Integer points, Integer minStars) {}

    /** Parses one file; {@code id} is the file name without its number and extension. */
    public static ReferenceSheet parse(String fileName, String yaml) {
        Map<String, Object> d = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<?, ?> leaf = (Map<?, ?>) d.get("annex_I_leaf");
        List<Criterion> criteria = new ArrayList<>();
        Map<String, Integer> maxima = new LinkedHashMap<>();
        for (Object p : (List<?>) d.get("parts")) {
            Map<?, ?> part = (Map<?, ?>) p;
            String code = str(part.get("code"));
            maxima.put(code, ((Number) part.get("max")).intValue());
            collect(code, List.of(), (List<?>) part.get("items"), criteria);
        }
        String stem = fileName.replaceFirst("\\.yaml$", "");
        return new ReferenceSheet(
                ((Number) d.get("sheet_no")).intValue(),
                stem.replaceFirst("^\\d+-", ""),
                str(d.get("title")),
                str(leaf.get("nganh")),
                strip(str(leaf.get("nhom")), "Nhóm: "),
                strip(str(leaf.get("phan_nhom")), "Phân nhóm: "),
                str(leaf.get("co_quan_chu_tri_quan_ly")),
                str(d.get("disqualified_when")),
                Map.copyOf(maxima),
                strings(d.get("source_anomalies")),
                strings(d.get("criteria_without_listed_options")),
                List.copyOf(criteria));
    }

    private static void collect(String part, List<String> headings, List<?> items, List<Criterion> out) {
        for (Object o : items) {
            Map<?, ?> item = (Map<?, ?>) o;
            String code = str(item.get("code"));
            String name = str(item.get("name"));
            if (item.get("items") != null) {
                List<String> inner = new ArrayList<>(headings);
                inner.add(name);
                collect(part, List.copyOf(inner), (List<?>) item.get("items"), out);
                continue;
            }
            Integer max = item.get("max") instanceof Number n ? n.intValue() : null;
            List<String> notes = strings(item.get("notes"));
            if (item.get("cases") != null) {
                for (Object c : (List<?>) item.get("cases")) {
                    Map<?, ?> kase = (Map<?, ?>) c;
                    out.add(new Criterion(
                            code + str(kase.get("case")),
                            part,
                            headings,
                            name,
                            max,
                            notes,
                            options(kase.get("options")),
                            code,
                            str(kase.get("label"))));
                }
            } else {
                out.add(new Criterion(
                        code, part, headings, name, max, notes, options(item.get("options")), null, null));
            }
        }
    }

    private static List<Option> options(Object o) {
        List<Option> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object e : list) {
                Map<?, ?> m = (Map<?, ?>) e;
                out.add(new Option(
                        ((Number) m.get("n")).intValue(),
                        str(m.get("label")),
                        m.get("points") instanceof Number p ? p.intValue() : null,
                        m.get("min_star") instanceof Number s ? s.intValue() : null));
            }
        }
        return List.copyOf(out);
    }

    private static String strip(String s, String prefix) {
        return s != null && s.startsWith(prefix) ? s.substring(prefix.length()).strip() : s;
    }

    static String str(Object o) {
        return o == null ? null : Normalizer.normalize(o.toString(), Normalizer.Form.NFC);
    }

    static List<String> strings(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        return l.stream().map(ReferenceSheet::str).toList();
    }
}
