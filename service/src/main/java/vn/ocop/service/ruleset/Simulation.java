package vn.ocop.service.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.pack.CompiledRulePack;
import vn.ocop.service.dossier.DossierScan;
import vn.ocop.service.jobs.JobProgress;

/**
 * Re-scores stored dossiers with a ruleset version and with the version in force, streamed through
 * {@link DossierScan} (one dossier in memory at a time; only the counts, the star matrix and at most
 * {@value #MAX_LISTED} changed dossiers are kept). A provincial edition's draft is compared on its parent edition's
 * dossiers too (filter by province to keep to the province's own).
 */
@Component
class Simulation {
    static final int MAX_LISTED = 1000;

    /** Filters (all optional) and the date whose version in force is compared (default today). */
    record Request(String province, String district, String group, LocalDate from, LocalDate to, LocalDate evaluationDate) {}

    private final DossierScan scan;
    private final RulesetRegistry registry;

    Simulation(DossierScan scan, RulesetRegistry registry) {
        this.scan = scan;
        this.registry = registry;
    }

    Map<String, Object> run(String rulesetId, CompiledRulePack candidate, Request r, JobProgress progress) {
        LocalDate date = r.evaluationDate() != null ? r.evaluationDate() : LocalDate.now(RulesetRegistry.VIETNAM);
        DossierScan.Filter filter = new DossierScan.Filter(r.province(), r.district(), r.group(), r.from(), r.to());
        String edition = candidate.editionId();
        String parent = candidate.info().extendsEdition();
        progress.setTotal(scan.count(filter));
        long[][] matrix = new long[6][6]; // [old stars][new stars], 0 = INVALID
        long[] counts = new long[4]; // scored, changed, up, down
        List<Map<String, Object>> changed = new ArrayList<>();
        Map<String, String> comparedWith = new TreeMap<>();
        long started = System.nanoTime();
        scan.forEach(filter, item -> {
            if (progress.isCancelled()) return false;
            progress.advance();
            if (!edition.equals(item.edition()) && !Objects.equals(parent, item.edition())) {
                progress.count("otherEdition");
                return true;
            }
            if (item.request().assessments().isEmpty()) {
                progress.count("noAssessments");
                return true;
            }
            Optional<RulesetRegistry.Version> inForce = registry.inForce(edition, date).or(() -> registry.inForce(item.edition(), date));
            if (inForce.isEmpty()) {
                progress.count("noVersionInForce");
                return true;
            }
            CompiledRulePack current = inForce.get().pack();
            comparedWith.putIfAbsent(current.editionId(), inForce.get().id());
            EvaluationRequest req = item.request();
            EvaluationResult before = current.evaluate(new EvaluationRequest(current.editionId(), req.group(), req.sheet(), req.facts(), req.assessments()));
            EvaluationResult after = candidate.evaluate(new EvaluationRequest(edition, req.group(), req.sheet(), req.facts(), req.assessments()));
            int oldStars = before.stars() == null ? 0 : before.stars();
            int newStars = after.stars() == null ? 0 : after.stars();
            matrix[oldStars][newStars]++;
            counts[0]++;
            progress.count("scored");
            if (oldStars != newStars) {
                counts[1]++;
                if (newStars > oldStars) counts[2]++; else counts[3]++;
                progress.count("changedStars");
                if (changed.size() < MAX_LISTED) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("dossierId", item.id());
                    c.put("province", item.provinceCode());
                    c.put("sheet", req.sheet());
                    c.put("oldTotal", total(before.averageTotal()));
                    c.put("newTotal", total(after.averageTotal()));
                    c.put("oldStars", before.stars());
                    c.put("newStars", after.stars());
                    changed.add(c);
                }
            }
            return true;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleset", rulesetId);
        result.put("comparedWith", comparedWith);
        result.put("evaluationDate", date.toString());
        result.put("scored", counts[0]);
        result.put("changedStars", counts[1]);
        result.put("moreStars", counts[2]);
        result.put("fewerStars", counts[3]);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int o = 0; o < 6; o++) {
            for (int n = 0; n < 6; n++) {
                if (matrix[o][n] == 0) continue;
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("oldStars", o == 0 ? null : o);
                cell.put("newStars", n == 0 ? null : n);
                cell.put("count", matrix[o][n]);
                cells.add(cell);
            }
        }
        result.put("matrix", cells);
        result.put("changedDossiers", changed);
        result.put("changedDossiersTruncated", counts[1] > changed.size());
        result.put("seconds", Math.round(seconds * 1000) / 1000.0);
        result.put("dossiersPerSecond", seconds > 0 ? Math.round(counts[0] / seconds) : null);
        return result;
    }

    private static String total(BigDecimal b) {
        return b == null ? null : b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
