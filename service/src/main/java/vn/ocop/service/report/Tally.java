package vn.ocop.service.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.ocop.api.model.CountRow;

/** Counts by key, optionally split by stars 1–5; rows come out sorted by key. */
final class Tally {
    private final boolean byStars;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new TreeMap<>();

    Tally(boolean byStars) {
        this.byStars = byStars;
    }

    void add(String key, String name, Integer stars) {
        String k = key == null ? "—" : key;
        names.putIfAbsent(k, name);
        int[] c = counts.computeIfAbsent(k, x -> new int[6]);
        c[0]++;
        if (stars != null && stars >= 1 && stars <= 5) c[stars]++;
    }

    /** Makes a row exist (with zero) even when nothing was counted for it. */
    void ensure(String key, String name) {
        names.putIfAbsent(key, name);
        counts.computeIfAbsent(key, x -> new int[6]);
    }

    List<CountRow> rows() {
        List<CountRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            CountRow row = new CountRow().key(k).name(names.get(k)).count(c[0]);
            if (byStars) {
                Map<String, Integer> s = new LinkedHashMap<>();
                for (int i = 1; i <= 5; i++) s.put(Integer.toString(i), c[i]);
                row.setStars(s);
            } else {
                row.setStars(null);
            }
            rows.add(row);
        });
        return rows;
    }
}
