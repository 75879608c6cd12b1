package vn.ocop.rules.authoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.ocop.rules.api.RuleFileProblem;

/**
 * The whole pre-compilation check of an uploaded rule pack, in order: {@link UploadLimits} on the raw bytes (nothing
 * is parsed when they fail), then, inside a {@link BoundedCompiler} worker (parsers can be slow or deep on
 * pathological input too), each decision table through {@link DecisionTableReader} and each DRL — uploaded or
 * generated from a table — through {@link RuleSourceGuard}. Problems in a table's generated DRL are reported at the
 * table's row. YAML files (edition.yaml, scenarios) are only size/encoding-checked here; the pack loader parses them
 * (with SnakeYAML's safe loader and alias limits) and runs the structural checks.
 *
 * <p>Only when {@link Report#ok()} should the caller compile {@link Report#drlSources()}, again inside the
 * {@link BoundedCompiler}.
 */
public final class RulePackChecker {

    /**
     * @param problems   everything refused, sorted by file, line and column; empty when the pack may be compiled
     * @param drlSources path → DRL that passed the guard (for a table, the DRL generated from it)
     */
    public record Report(List<RuleFileProblem> problems, Map<String, String> drlSources) {
        public Report {
            problems = List.copyOf(problems);
            drlSources = Collections.unmodifiableMap(new LinkedHashMap<>(drlSources));
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final UploadLimits limits;
    private final RuleSourceGuard guard;
    private final DecisionTableReader tables;
    private final BoundedCompiler worker;

    public RulePackChecker(BoundedCompiler worker) {
        this(UploadLimits.defaults(), new RuleSourceGuard(), new DecisionTableReader(), worker);
    }

    public RulePackChecker(
            UploadLimits limits, RuleSourceGuard guard, DecisionTableReader tables, BoundedCompiler worker) {
        this.limits = limits;
        this.guard = guard;
        this.tables = tables;
        this.worker = worker;
    }

    /** Checks an upload (path → bytes). Never throws for bad content. */
    public Report check(Map<String, byte[]> files) {
        List<RuleFileProblem> refused = limits.check(files);
        if (!refused.isEmpty()) {
            return new Report(refused, Map.of());
        }
        BoundedCompiler.Outcome<Report> outcome = worker.compile("", () -> inspect(files));
        return outcome.ok() ? outcome.value() : new Report(outcome.problems(), Map.of());
    }

    private Report inspect(Map<String, byte[]> files) {
        List<RuleFileProblem> problems = new ArrayList<>();
        Map<String, String> drl = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            String path = e.getKey();
            String ext = UploadLimits.extension(path);
            if (ext.equals(".drl")) {
                String text = new String(e.getValue(), StandardCharsets.UTF_8);
                List<RuleFileProblem> found = guard.inspect(path, text);
                problems.addAll(found);
                if (found.isEmpty()) {
                    drl.put(path, text);
                }
            } else if (ext.equals(".csv") || ext.equals(".xlsx")) {
                DecisionTableReader.Result table = tables.read(path, e.getValue());
                if (!table.ok()) {
                    problems.addAll(table.problems());
                    continue;
                }
                List<RuleFileProblem> found = guard.inspect(path, table.drl());
                problems.addAll(DecisionTableReader.toTablePositions(table, found));
                if (found.isEmpty()) {
                    drl.put(path, table.drl());
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(RuleFileProblem::file)
                .thenComparingInt(RuleFileProblem::line)
                .thenComparingInt(RuleFileProblem::column));
        return new Report(problems, drl);
    }
}
