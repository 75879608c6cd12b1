package vn.ocop.rules.reference;

import static vn.ocop.rules.reference.ReferenceSheet.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The hand-written {@code reading.yaml}: how the edition reads the sheets where the print is silent or inconsistent. */
public record Reading(
        Map<String, String> edition,
        List<Threshold> thresholds,
        int councilSpreadWarning,
        List<Group> groups,
        List<ReferenceSheet.Option> withoutListedOptions,
        String withoutListedOptionsNote,
        List<Knockout> knockouts,
        Pattern knockoutWords,
        String dossierExclusionCode,
        Conditional conditional,
        List<Erratum> errata) {

    public record Threshold(int stars, Integer from, Integer below) {}

    public record Group(String sector, String code, String name) {}

    public record Knockout(String code, Pattern match) {}

    public record Conditional(String criterion, String note, String whenCriterion, String whenOptionLabel) {}

    /** {@code field}: points, minStars, label, max or partMax; {@code option} is null for max/partMax. */
    public record Erratum(
            int sheet, String criterion, Integer option, String field, String printed, String used, String reason) {}

    public static Reading parse(String yaml) {
        Map<String, Object> d = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, String> edition = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) d.get("edition")).forEach((k, v) -> edition.put(str(k), str(v)));
        List<Threshold> thresholds = new ArrayList<>();
        for (Map<?, ?> t : maps(d.get("thresholds"))) {
            thresholds.add(new Threshold(
                    num(t.get("stars")),
                    t.get("from") == null ? null : num(t.get("from")),
                    t.get("below") == null ? null : num(t.get("below"))));
        }
        List<Group> groups = maps(d.get("groups")).stream()
                .map(g -> new Group(str(g.get("sector")), str(g.get("code")), str(g.get("name"))))
                .toList();
        Map<?, ?> without = (Map<?, ?>) d.get("withoutListedOptions");
        List<ReferenceSheet.Option> options = new ArrayList<>();
        for (Map<?, ?> o : maps(without.get("options"))) {
            options.add(new ReferenceSheet.Option(options.size() + 1, str(o.get("label")), num(o.get("points")), null));
        }
        List<Knockout> knockouts = maps(d.get("knockouts")).stream()
                .map(k -> new Knockout(str(k.get("code")), pattern(str(k.get("match")))))
                .toList();
        Map<?, ?> c = (Map<?, ?>) d.get("conditional");
        Map<?, ?> when = (Map<?, ?>) c.get("when");
        List<Erratum> errata = maps(d.get("errata")).stream()
                .map(e -> new Erratum(
                        num(e.get("sheet")),
                        str(e.get("criterion")),
                        e.get("option") == null ? null : num(e.get("option")),
                        str(e.get("field")),
                        str(e.get("printed")),
                        str(e.get("used")),
                        str(e.get("reason"))))
                .toList();
        return new Reading(
                Map.copyOf(edition),
                List.copyOf(thresholds),
                num(d.get("councilSpreadWarning")),
                groups,
                List.copyOf(options),
                str(without.get("readingNote")),
                knockouts,
                pattern(str(d.get("knockoutWords"))),
                str(d.get("dossierExclusionCode")),
                new Conditional(
                        str(c.get("criterion")),
                        str(c.get("note")),
                        str(when.get("criterion")),
                        str(when.get("optionLabel"))),
                errata);
    }

    /** The errata of one sheet. */
    public List<Erratum> errataOf(int sheet) {
        return errata.stream().filter(e -> e.sheet() == sheet).toList();
    }

    public Group group(String sector) {
        return groups.stream()
                .filter(g -> g.sector().equals(sector))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reading.yaml has no group for the ngành " + sector));
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    private static List<Map<?, ?>> maps(Object o) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (o instanceof List<?> l) l.forEach(e -> out.add((Map<?, ?>) e));
        return out;
    }
}
