package vn.ocop.service.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a ruleset simulation found: how many dossiers it scored, how their stars moved (the old × new matrix; null stars
 * = INVALID or EXCLUDED), and the first changed dossiers. Kept by the jobs feature as the job's result, in the field
 * names and order of {@link #asJobResult()} (the API's {@code SimulationResult}).
 */
record SimulationReport(
        String ruleset,
        Map<String, String> comparedWith,
        LocalDate evaluationDate,
        long scored,
        long changedStars,
        long moreStars,
        long fewerStars,
        List<Cell> matrix,
        List<ChangedDossier> changedDossiers,
        double seconds,
        @Nullable Long dossiersPerSecond) {

    /** How many dossiers went from {@code oldStars} to {@code newStars}. */
    record Cell(@Nullable Integer oldStars, @Nullable Integer newStars, long count) {}

    /** A dossier whose stars changed, with both council averages (2 decimals). */
    record ChangedDossier(
            String dossierId,
            @Nullable String province,
            @Nullable String sheet,
            @Nullable String oldTotal,
            @Nullable String newTotal,
            @Nullable Integer oldStars,
            @Nullable Integer newStars) {}

    /** Whether more dossiers changed than {@link #changedDossiers} lists. */
    boolean changedDossiersTruncated() {
        return changedStars > changedDossiers.size();
    }

    /** The job's stored result. */
    Map<String, Object> asJobResult() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleset", ruleset);
        m.put("comparedWith", comparedWith);
        m.put("evaluationDate", evaluationDate.toString());
        m.put("scored", scored);
        m.put("changedStars", changedStars);
        m.put("moreStars", moreStars);
        m.put("fewerStars", fewerStars);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Cell c : matrix) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("oldStars", c.oldStars());
            cell.put("newStars", c.newStars());
            cell.put("count", c.count());
            cells.add(cell);
        }
        m.put("matrix", cells);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (ChangedDossier d : changedDossiers) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("dossierId", d.dossierId());
            c.put("province", d.province());
            c.put("sheet", d.sheet());
            c.put("oldTotal", d.oldTotal());
            c.put("newTotal", d.newTotal());
            c.put("oldStars", d.oldStars());
            c.put("newStars", d.newStars());
            changed.add(c);
        }
        m.put("changedDossiers", changed);
        m.put("changedDossiersTruncated", changedDossiersTruncated());
        m.put("seconds", seconds);
        m.put("dossiersPerSecond", dossiersPerSecond);
        return m;
    }
}
