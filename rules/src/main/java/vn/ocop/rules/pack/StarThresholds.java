package vn.ocop.rules.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lowest average total of each star level, read from the edition's {@code stars/thresholds.csv} (the same
 * table the star rules are compiled from), for the road to the next star. Empty when the table has another shape.
 */
public final class StarThresholds {
    private final Map<Integer, BigDecimal> from;

    private StarThresholds(Map<Integer, BigDecimal> from) {
        this.from = from;
    }

    public static StarThresholds read(byte[] csv) {
        Map<Integer, BigDecimal> from = new TreeMap<>();
        if (csv == null) return new StarThresholds(from);
        try {
            List<List<String>> rows = Csv.parse(new String(csv, java.nio.charset.StandardCharsets.UTF_8));
            int templates = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (!rows.get(r).isEmpty() && rows.get(r).get(0).trim().startsWith("RuleTable")) templates = r + 3;
            }
            if (templates < 0 || templates >= rows.size()) return new StarThresholds(from);
            List<String> t = rows.get(templates);
            int lower = index(t, "averageTotal >="), stars = index(t, "setStars(");
            if (lower < 0 || stars < 0) return new StarThresholds(from);
            for (int r = templates + 2; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String s = stars < row.size() ? row.get(stars).trim() : "";
                if (s.isEmpty()) continue;
                String l = lower < row.size() ? row.get(lower).trim() : "";
                from.put(Integer.valueOf(s), l.isEmpty() ? BigDecimal.ZERO : new BigDecimal(l));
            }
        } catch (RuntimeException e) {
            from.clear(); // a table this reader does not understand: no road, the star rules still decide
        }
        return new StarThresholds(from);
    }

    /** The lowest average total of the level, or null when unknown. */
    public BigDecimal from(int stars) {
        return from.get(stars);
    }

    private static int index(List<String> row, String marker) {
        for (int i = 0; i < row.size(); i++) if (row.get(i).contains(marker)) return i;
        return -1;
    }
}
