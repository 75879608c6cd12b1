package vn.ocop.rules.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reference sheet as the edition ships it: the errata's point corrections applied, the options of criteria
 * printed without any added, and its exclusions found. Checks the sheet adds up, and fails on any printed
 * inconsistency that no erratum covers: nothing is corrected silently.
 */
public record ShippedSheet(
        ReferenceSheet source,
        String group,
        List<Criterion> criteria,
        List<Exclusion> exclusions,
        List<Reading.Erratum> errata) {

    public record Criterion(
            ReferenceSheet.Criterion source,
            List<ReferenceSheet.Option> options,
            String readingNote,
            Map<Integer, Reading.Erratum> corrected) {
        public String code() {
            return source.code();
        }

        public int max() {
            return options.stream()
                    .mapToInt(ReferenceSheet.Option::points)
                    .max()
                    .orElse(0);
        }
    }

    public record Exclusion(String code, String text, String criterion) {}

    public static ShippedSheet of(ReferenceSheet sheet, Reading reading) {
        List<Reading.Erratum> errata = reading.errataOf(sheet.number());
        List<Criterion> criteria = new ArrayList<>();
        for (ReferenceSheet.Criterion c : sheet.criteria()) {
            criteria.add(criterion(sheet, c, reading, errata));
        }
        checkErrataExist(sheet, errata);
        checkSums(sheet, criteria, errata);
        return new ShippedSheet(
                sheet, reading.group(sheet.sector()).code(), List.copyOf(criteria), exclusions(sheet, reading), errata);
    }

    private static Criterion criterion(
            ReferenceSheet sheet, ReferenceSheet.Criterion c, Reading reading, List<Reading.Erratum> errata) {
        if (c.options().isEmpty()) {
            if (!sheet.withoutListedOptions().contains(c.code())) {
                throw fail(sheet, c.code() + " has no options and is not listed in criteria_without_listed_options");
            }
            return new Criterion(c, reading.withoutListedOptions(), reading.withoutListedOptionsNote(), Map.of());
        }
        List<ReferenceSheet.Option> options = new ArrayList<>();
        Map<Integer, Reading.Erratum> corrected = new LinkedHashMap<>();
        for (ReferenceSheet.Option o : c.options()) {
            Reading.Erratum fix = errata.stream()
                    .filter(e -> e.field().equals("points")
                            && c.code().equals(e.criterion())
                            && Objects.equals(e.option(), o.n()))
                    .findFirst()
                    .orElse(null);
            Integer points = o.points();
            if (fix != null) {
                String printed = o.points() == null ? null : o.points().toString();
                if (printed == null ? !fix.printed().startsWith("(") : !printed.equals(fix.printed())) {
                    throw fail(
                            sheet,
                            c.code() + " option " + o.n() + ": erratum says printed " + fix.printed()
                                    + ", the data holds " + printed);
                }
                points = Integer.valueOf(fix.used());
                corrected.put(o.n(), fix);
            } else if (points == null) {
                throw fail(sheet, c.code() + " option " + o.n() + " has no points and no erratum in reading.yaml");
            }
            if (o.n() != options.size() + 1)
                throw fail(sheet, c.code() + ": options are not numbered 1, 2, 3… in order");
            options.add(new ReferenceSheet.Option(o.n(), o.label(), points, o.minStars()));
        }
        Criterion shipped = new Criterion(c, List.copyOf(options), null, Map.copyOf(corrected));
        boolean maxErratum = errata.stream()
                .anyMatch(e -> e.field().equals("max") && c.code().equals(e.criterion()));
        if (c.max() == null ? !maxErratum : c.max() != shipped.max()) {
            throw fail(
                    sheet,
                    c.code() + ": best option gives " + shipped.max() + ", maximum printed " + c.max()
                            + ", no erratum");
        }
        return shipped;
    }

    private static void checkErrataExist(ReferenceSheet sheet, List<Reading.Erratum> errata) {
        for (Reading.Erratum e : errata) {
            if (e.field().equals("partMax")) {
                if (!sheet.partMaxima().containsKey(e.criterion()))
                    throw fail(sheet, "erratum names a missing part " + e.criterion());
                continue;
            }
            ReferenceSheet.Criterion c = sheet.criteria().stream()
                    .filter(x -> x.code().equals(e.criterion()))
                    .findFirst()
                    .orElseThrow(() -> fail(sheet, "erratum names a missing criterion " + e.criterion()));
            if (e.option() == null) continue;
            ReferenceSheet.Option o = c.options().stream()
                    .filter(x -> x.n() == e.option())
                    .findFirst()
                    .orElseThrow(
                            () -> fail(sheet, "erratum names a missing option " + e.criterion() + "/" + e.option()));
            if (e.field().equals("minStars") && !String.valueOf(o.minStars()).equals(e.used())) {
                throw fail(
                        sheet,
                        "erratum on " + e.criterion() + "/" + e.option() + " uses " + e.used()
                                + " stars, the data holds " + o.minStars());
            }
            if (e.field().equals("label") && !o.label().equals(e.used())) {
                throw fail(
                        sheet,
                        "erratum on " + e.criterion() + "/" + e.option() + " uses a label the data does not hold");
            }
        }
    }

    private static void checkSums(ReferenceSheet sheet, List<Criterion> criteria, List<Reading.Erratum> errata) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        Map<String, Integer> alternatives = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            String alt = c.source().alternativeOf();
            if (alt != null) {
                Integer seen = alternatives.get(alt);
                if (seen != null) {
                    if (seen != c.max()) throw fail(sheet, "the cases of " + alt + " have different maxima");
                    continue;
                }
                alternatives.put(alt, c.max());
            }
            sums.merge(c.source().part(), c.max(), Integer::sum);
        }
        sheet.partMaxima().forEach((part, max) -> {
            if (!max.equals(sums.getOrDefault(part, 0))) {
                throw fail(sheet, "part " + part + " adds up to " + sums.get(part) + ", its maximum is " + max);
            }
        });
        if (sums.values().stream().mapToInt(Integer::intValue).sum() != 100)
            throw fail(sheet, "the sheet does not add up to 100");
    }

    private static List<Exclusion> exclusions(ReferenceSheet sheet, Reading reading) {
        List<Exclusion> out = new ArrayList<>();
        if (sheet.disqualifiedWhen() != null)
            out.add(new Exclusion(reading.dossierExclusionCode(), sheet.disqualifiedWhen(), null));
        for (ReferenceSheet.Criterion c : sheet.criteria()) {
            if (c.alternativeOf() != null && !c.code().endsWith("a")) continue; // the cases share their notes
            for (String note : c.notes()) {
                Reading.Knockout k = reading.knockouts().stream()
                        .filter(x -> x.match().matcher(note).find())
                        .findFirst()
                        .orElse(null);
                if (k == null) {
                    if (reading.knockoutWords().matcher(note).find()) {
                        throw fail(
                                sheet,
                                c.code()
                                        + ": a note speaks of stopping or excluding but matches no knockout of reading.yaml: "
                                        + note);
                    }
                    continue;
                }
                if (out.stream().noneMatch(e -> e.code().equals(k.code()))) {
                    out.add(new Exclusion(k.code(), note, c.alternativeOf() != null ? c.alternativeOf() : c.code()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static IllegalStateException fail(ReferenceSheet sheet, String message) {
        return new IllegalStateException("sheet " + sheet.number() + " (" + sheet.id() + "): " + message);
    }
}
