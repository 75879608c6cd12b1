package vn.ocop.rules.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.rules.api.RuleFileProblem;
import vn.ocop.rules.authoring.BoundedCompiler;
import vn.ocop.rules.authoring.RulePackChecker;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.BuiltInPacks;
import vn.ocop.rules.pack.CompileError;
import vn.ocop.rules.pack.EditionManifest;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.pack.RulePackCompiler;

/**
 * Checks and compiles uploaded packs, in order: upload limits and the rule-source guard ({@link RulePackChecker}, in
 * the bounded worker), structural checks of the manifest and the thresholds, then the Drools compile and the load,
 * each inside the {@link BoundedCompiler} (one at a time, time-limited, low priority), so a pathological upload
 * cannot stall scoring. Nothing uploaded is compiled before the guard has passed it. Close it to stop the worker.
 */
public final class RulesetCompiler implements AutoCloseable {
    /** The folder of the platform's shared rules in every pack; an upload may not change it. */
    public static final String ENGINE = "engine/";

    /** The outcome; {@code pack} is set only when there are no problems. */
    public record Result(CompiledRulePack pack, List<RuleFileProblem> problems, List<String> warnings) {
        public boolean ok() {
            return problems.isEmpty() && pack != null;
        }
    }

    private final BoundedCompiler worker;
    private final RulePackChecker checker;

    /** {@code timeout}: the longest one compile or load may take before it is abandoned. */
    public RulesetCompiler(Duration timeout) {
        this.worker = new BoundedCompiler(timeout, 1, Duration.ofSeconds(60));
        this.checker = new RulePackChecker(worker);
    }

    public Result compile(RulePack pack) {
        return compile(pack, pack.editionId());
    }

    /** Full validation: guard, structure, compile, load. Never throws for bad content. */
    public Result compile(RulePack pack, String expectedEdition) {
        // engine/* are the platform's shared rules (a package uploads may not use): they must be the built-in ones
        Map<String, byte[]> engine = BuiltInPacks.engineFiles();
        Map<String, byte[]> uploaded = new java.util.TreeMap<>();
        List<RuleFileProblem> problems = new ArrayList<>();
        pack.files().forEach((path, bytes) -> {
            if (!path.startsWith(ENGINE)) uploaded.put(path, bytes);
            else if (!java.util.Arrays.equals(engine.get(path), bytes)) {
                problems.add(RuleFileProblem.ofFile(
                        path,
                        "ENGINE_FILE_CHANGED",
                        "engine/ holds the platform's shared rules; they cannot be changed by an upload"));
            }
        });
        if (!problems.isEmpty()) return new Result(null, problems, List.of());
        RulePackChecker.Report report = checker.check(uploaded);
        if (!report.ok()) return new Result(null, report.problems(), List.of());
        problems.addAll(StructureChecks.check(pack, expectedEdition));
        if (!problems.isEmpty()) return new Result(null, problems, List.of());
        BoundedCompiler.Outcome<RulePackCompiler.Compilation> compiled =
                worker.compile(pack.editionId(), () -> new RulePackCompiler().compile(pack));
        if (!compiled.ok()) return new Result(null, compiled.problems(), List.of());
        RulePackCompiler.Compilation c = compiled.value();
        if (!c.succeeded()) {
            for (CompileError e : c.errors())
                problems.add(new RuleFileProblem(e.file(), e.line(), e.column(), "COMPILE_ERROR", e.message()));
            return new Result(null, problems, c.warnings());
        }
        BoundedCompiler.Outcome<CompiledRulePack> loaded =
                worker.compile(pack.editionId(), () -> CompiledRulePack.load(c.pack(), c.kjars()));
        if (!loaded.ok()) return new Result(null, loaded.problems(), c.warnings());
        return new Result(loaded.value(), List.of(), c.warnings());
    }

    @Override
    public void close() {
        worker.close();
    }

    /** Checks Drools cannot make: manifest identity, thresholds ascending and covering 0–100, subgroups mapped. */
    static final class StructureChecks {
        private StructureChecks() {}

        static List<RuleFileProblem> check(RulePack pack, String expectedEdition) {
            List<RuleFileProblem> p = new ArrayList<>();
            EditionManifest m;
            try {
                m = pack.manifest();
            } catch (RuntimeException e) {
                p.add(new RuleFileProblem(
                        RulePack.MANIFEST, 0, 0, "MANIFEST_INVALID", "edition.yaml không đọc được: " + e.getMessage()));
                return p;
            }
            if (expectedEdition != null && !expectedEdition.equals(m.id())) {
                p.add(new RuleFileProblem(
                        RulePack.MANIFEST,
                        0,
                        0,
                        "EDITION_MISMATCH",
                        "edition.yaml có id " + m.id() + " nhưng bộ quy tắc thuộc " + expectedEdition));
            }
            if (m.sheets() != null) {
                Map<String, String> subgroupSheet = new HashMap<>();
                for (EditionManifest.Sheet s : m.sheets()) {
                    if (s.subgroups() == null || s.subgroups().isEmpty()) {
                        p.add(new RuleFileProblem(
                                RulePack.MANIFEST,
                                0,
                                0,
                                "SUBGROUP_UNMAPPED",
                                "phiếu " + s.id() + " không phục vụ nhóm sản phẩm con nào (subgroups)"));
                        continue;
                    }
                    for (String sub : s.subgroups()) {
                        String other = subgroupSheet.putIfAbsent(s.group() + "/" + sub, s.id());
                        if (other != null) {
                            p.add(new RuleFileProblem(
                                    RulePack.MANIFEST,
                                    0,
                                    0,
                                    "SUBGROUP_TWICE",
                                    "nhóm con \"" + sub + "\" thuộc hai phiếu: " + other + " và " + s.id()));
                        }
                    }
                    if (pack.file(s.file()).isEmpty()) {
                        p.add(new RuleFileProblem(
                                s.file(), 0, 0, "SHEET_MISSING", "phiếu " + s.id() + ": thiếu tệp " + s.file()));
                    }
                }
                if (m.groups() != null) {
                    m.groups().keySet().stream()
                            .filter(g ->
                                    m.sheets().stream().noneMatch(s -> s.group().equals(g)))
                            .forEach(g -> p.add(new RuleFileProblem(
                                    RulePack.MANIFEST,
                                    0,
                                    0,
                                    "GROUP_WITHOUT_SHEET",
                                    "nhóm " + g + " không có phiếu nào")));
                }
            }
            pack.file("stars/thresholds.csv")
                    .ifPresentOrElse(
                            bytes -> thresholds(new String(bytes, StandardCharsets.UTF_8), p),
                            () -> p.add(new RuleFileProblem(
                                    "stars/thresholds.csv", 0, 0, "THRESHOLDS_MISSING", "thiếu bảng ngưỡng sao")));
            return p;
        }

        /** Rows after the header row "Quy tắc,…": name, from (empty = 0), below (empty = no limit), stars. */
        static void thresholds(String csv, List<RuleFileProblem> p) {
            String file = "stars/thresholds.csv";
            List<String> lines = csv.lines().toList();
            int header = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Quy tắc,") || lines.get(i).startsWith("\"Quy tắc\",")) {
                    header = i;
                    break;
                }
            }
            if (header < 0) return; // not the standard layout; the compile reports what it can
            java.math.BigDecimal previousBelow = null;
            int previousStars = 0;
            boolean first = true;
            for (int i = header + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                int lineNo = i + 1;
                if (cells.size() < 4) {
                    p.add(new RuleFileProblem(
                            file,
                            lineNo,
                            1,
                            "THRESHOLD_ROW",
                            "dòng ngưỡng cần 4 cột: tên, từ điểm, dưới điểm, số sao"));
                    continue;
                }
                try {
                    java.math.BigDecimal from = cells.get(1).isBlank()
                            ? java.math.BigDecimal.ZERO
                            : new java.math.BigDecimal(cells.get(1).strip());
                    java.math.BigDecimal below = cells.get(2).isBlank()
                            ? null
                            : new java.math.BigDecimal(cells.get(2).strip());
                    int stars = Integer.parseInt(cells.get(3).strip());
                    if (first && from.signum() != 0)
                        p.add(new RuleFileProblem(
                                file, lineNo, 1, "THRESHOLDS_GAP", "ngưỡng thấp nhất phải bắt đầu từ 0 (ô trống)"));
                    if (!first && (previousBelow == null || previousBelow.compareTo(from) != 0)) {
                        p.add(new RuleFileProblem(
                                file,
                                lineNo,
                                1,
                                "THRESHOLDS_GAP",
                                "\"từ điểm\" " + from + " phải bằng \"dưới điểm\" của dòng trên (" + previousBelow
                                        + ")"));
                    }
                    if (below != null && below.compareTo(from) <= 0)
                        p.add(new RuleFileProblem(
                                file, lineNo, 1, "THRESHOLDS_ORDER", "\"dưới điểm\" phải lớn hơn \"từ điểm\""));
                    if (below != null && below.compareTo(java.math.BigDecimal.valueOf(100)) > 0)
                        p.add(new RuleFileProblem(file, lineNo, 1, "THRESHOLDS_RANGE", "ngưỡng vượt quá 100 điểm"));
                    if (stars != previousStars + 1)
                        p.add(new RuleFileProblem(
                                file,
                                lineNo,
                                1,
                                "THRESHOLDS_ORDER",
                                "số sao phải tăng dần 1, 2, 3…; dòng này là " + stars));
                    previousBelow = below;
                    previousStars = stars;
                    first = false;
                } catch (NumberFormatException e) {
                    p.add(new RuleFileProblem(file, lineNo, 1, "THRESHOLD_NUMBER", "không phải số: " + e.getMessage()));
                    return;
                }
            }
            if (!first && previousBelow != null) {
                p.add(new RuleFileProblem(
                        file,
                        lines.size(),
                        1,
                        "THRESHOLDS_GAP",
                        "ngưỡng cao nhất phải không có \"dưới điểm\" (phủ tới 100 điểm)"));
            }
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            out.add(cell.toString());
            return out;
        }
    }
}
