package vn.ocop.rules.pack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.rules.api.Erratum;
import vn.ocop.rules.api.ExclusionInfo;
import vn.ocop.rules.api.ProductClass;
import vn.ocop.rules.api.SheetSource;
import vn.ocop.rules.api.StarMinimumBasis;

/**
 * An edition's {@code edition.yaml}. A provincial edition ({@code extends: <parent>}) inherits every
 * field it leaves out from its parent's manifest.
 */
public record EditionManifest(
        String id,
        String name,
        String legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String version,
        String extendsEdition,
        Map<String, Integer> partMaxima,
        Map<String, String> groups,
        List<String> gates,
        List<Sheet> sheets,
        String province,
        StarMinimumBasis starMinimumBasis,
        List<String> rules,
        List<ProductClass> classification,
        List<Erratum> errata,
        List<String> engineRules) {

    /**
     * One sheet entry of the manifest.
     *
     * @param number     its number in the annex (ocop-2026: Phụ lục II, 1–26), or null
     * @param sourceRef  decision, annex and number, or null
     * @param exclusions the sheet's exclusions and knock-outs (codes a request may name)
     */
    public record Sheet(
            String id,
            String group,
            String name,
            String file,
            List<String> subgroups,
            String source,
            boolean checkedAgainstAnnex,
            Integer number,
            SheetSource sourceRef,
            List<ExclusionInfo> exclusions) {
        public Sheet {
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        }
    }

    public static EditionManifest parse(byte[] yaml) {
        Map<String, Object> m =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        if (m == null) throw new IllegalArgumentException("edition.yaml is empty");
        return new EditionManifest(
                str(m.get("id")),
                str(m.get("name")),
                str(m.get("legalBasis")),
                date(m.get("effectiveFrom")),
                date(m.get("effectiveTo")),
                str(m.get("version")),
                str(m.get("extends")),
                ints(m.get("partMaxima")),
                strings(m.get("groups")),
                m.containsKey("gates") ? list(m.get("gates")) : null,
                sheets(m.get("sheets")),
                str(m.get("province")),
                basis(m.get("starMinimums")),
                m.containsKey("rules") ? list(m.get("rules")) : null,
                classification(m.get("classification")),
                m.containsKey("errata") ? errata(m.get("errata")) : null,
                m.containsKey("engineRules") ? list(m.get("engineRules")) : null);
    }

    /** This manifest with every field it leaves out taken from the parent's. */
    public EditionManifest inheritFrom(EditionManifest parent) {
        return new EditionManifest(
                id,
                or(name, parent.name),
                or(legalBasis, parent.legalBasis),
                or(effectiveFrom, parent.effectiveFrom),
                effectiveFrom == null ? parent.effectiveTo : effectiveTo,
                or(version, parent.version),
                extendsEdition,
                or(partMaxima, parent.partMaxima),
                or(groups, parent.groups),
                gates,
                or(sheets, parent.sheets),
                province,
                or(starMinimumBasis, parent.starMinimumBasis),
                or(rules, parent.rules),
                or(classification, parent.classification),
                or(errata, parent.errata),
                engineRules);
    }

    public List<String> rulesOrEmpty() {
        return rules == null ? List.of() : rules;
    }

    public List<String> gatesOrEmpty() {
        return gates == null ? List.of() : gates;
    }

    /** Groups of the edition: declared ones, else those its sheets name. */
    public Map<String, String> groupsOrFromSheets() {
        if (groups != null) return groups;
        Map<String, String> fromSheets = new LinkedHashMap<>();
        if (sheets != null) sheets.forEach(s -> fromSheets.putIfAbsent(s.group(), s.group()));
        return fromSheets;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static LocalDate date(Object o) {
        if (o == null) return null;
        if (o instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        return LocalDate.parse(o.toString());
    }

    private static Map<String, Integer> ints(Object o) {
        if (!(o instanceof Map<?, ?> map)) return null;
        Map<String, Integer> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), ((Number) v).intValue()));
        return Map.copyOf(out);
    }

    private static Map<String, String> strings(Object o) {
        if (!(o instanceof Map<?, ?> map)) return null;
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), str(v)));
        return out;
    }

    private static List<String> list(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        return l.stream().map(Object::toString).toList();
    }

    private static StarMinimumBasis basis(Object o) {
        if (!(o instanceof Map<?, ?> map) || map.get("basis") == null) return null;
        return StarMinimumBasis.valueOf(map.get("basis").toString());
    }

    private static List<ProductClass> classification(Object o) {
        if (!(o instanceof List<?> l)) return null;
        List<ProductClass> out = new ArrayList<>();
        for (Object e : l) {
            Map<?, ?> c = (Map<?, ?>) e;
            out.add(new ProductClass(
                    ((Number) c.get("number")).intValue(),
                    str(c.get("sector")),
                    str(c.get("group")),
                    str(c.get("subgroup")),
                    str(c.get("ministry")),
                    str(c.get("sheet"))));
        }
        return List.copyOf(out);
    }

    private static List<Erratum> errata(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        List<Erratum> out = new ArrayList<>();
        for (Object e : l) {
            Map<?, ?> c = (Map<?, ?>) e;
            String criterion = str(c.get("criterion"));
            if (c.get("option") != null) criterion = criterion + " (phương án " + c.get("option") + ")";
            out.add(new Erratum(
                    str(c.get("sheet")), criterion, str(c.get("printed")), str(c.get("used")), str(c.get("reason"))));
        }
        return List.copyOf(out);
    }

    private static List<ExclusionInfo> exclusions(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        List<ExclusionInfo> out = new ArrayList<>();
        for (Object e : l) {
            Map<?, ?> x = (Map<?, ?>) e;
            out.add(new ExclusionInfo(str(x.get("code")), str(x.get("text")), str(x.get("criterion"))));
        }
        return List.copyOf(out);
    }

    private static SheetSource sourceRef(Object o) {
        if (!(o instanceof Map<?, ?> m)) return null;
        return new SheetSource(
                str(m.get("decision")), str(m.get("annex")), m.get("number") instanceof Number n ? n.intValue() : null);
    }

    private static List<Sheet> sheets(Object o) {
        if (!(o instanceof List<?> l)) return null;
        List<Sheet> out = new ArrayList<>();
        for (Object e : l) {
            Map<?, ?> s = (Map<?, ?>) e;
            String id = str(s.get("id"));
            out.add(new Sheet(
                    id,
                    str(s.get("group")),
                    str(s.get("name")),
                    s.get("file") == null ? "sheets/" + id + ".csv" : str(s.get("file")),
                    list(s.get("subgroups")),
                    str(s.get("source")),
                    Boolean.TRUE.equals(s.get("checkedAgainstAnnex")),
                    s.get("number") instanceof Number n ? n.intValue() : null,
                    sourceRef(s.get("sourceRef")),
                    exclusions(s.get("exclusions"))));
        }
        return List.copyOf(out);
    }
}
