package vn.ocop.service.ruleset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.RulesetDiff;
import vn.ocop.api.model.TestReport;
import vn.ocop.api.model.ValidationReport;

/**
 * The ruleset feature's values as the API shows them (the contract's models); a version shows its files by path and
 * size, not their content. The JSON is the one the API has always given: the same fields, in the same order.
 */
@Component
class RulesetViews {
    private final JsonMapper json;

    RulesetViews(JsonMapper json) {
        this.json = json;
    }

    vn.ocop.api.model.Ruleset ruleset(Ruleset r, Rulesets.Integrity integrity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("edition", r.edition());
        m.put("version", r.version());
        m.put("status", r.status().name());
        put(m, "sha256", r.sha256());
        put(m, "author", r.author());
        put(m, "createdAt", time(r.createdAt()));
        put(m, "note", r.note());
        put(m, "parentVersion", r.parentVersion());
        put(
                m,
                "effectiveFrom",
                r.effectiveFrom() == null ? null : r.effectiveFrom().toString());
        put(m, "testsPassed", r.testsPassed());
        m.put(
                "history",
                r.history().stream()
                        .map(c -> {
                            Map<String, Object> h = new LinkedHashMap<>();
                            h.put("status", c.status().name());
                            h.put("by", c.by());
                            h.put("at", time(c.at()));
                            return h;
                        })
                        .toList());
        put(m, "validation", validation(r.validation(), true));
        put(m, "tests", tests(r.tests(), true));
        if (r.hasFiles()) {
            Map<String, byte[]> own = r.files();
            m.put(
                    "files",
                    own.entrySet().stream()
                            .map(e -> Map.of("path", e.getKey(), "size", (long) e.getValue().length))
                            .toList());
            m.put(
                    "builtInScenarios",
                    BuiltInScenarios.files(r.edition()).entrySet().stream()
                            .filter(e -> !own.containsKey(e.getKey()))
                            .map(e -> Map.of("path", e.getKey(), "size", (long) e.getValue().length))
                            .toList());
        }
        put(m, "publication", publication(r.publication()));
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("status", integrity.status());
        put(i, "code", integrity.code());
        put(i, "message", integrity.message());
        m.put("integrity", i);
        return json.convertValue(m, vn.ocop.api.model.Ruleset.class);
    }

    ValidationReport validation(Rulesets.Validated v) {
        Map<String, Object> m = validation(v.report(), false);
        m.put("status", v.status().name());
        return json.convertValue(m, ValidationReport.class);
    }

    TestReport tests(RulesetReports.Tests t) {
        return json.convertValue(tests(t, false), TestReport.class);
    }

    RulesetDiff diff(RulesetDiffs.Diff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("parentVersion", d.parentVersion());
        m.put(
                "files",
                d.files().stream()
                        .map(f -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("path", f.path());
                            x.put("change", f.change().name());
                            x.put("unifiedDiff", f.unifiedDiff());
                            return x;
                        })
                        .toList());
        return json.convertValue(m, RulesetDiff.class);
    }

    private static Map<String, Object> validation(RulesetReports.Validation v, boolean signed) {
        if (v == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", v.passed());
        m.put(
                "errors",
                v.errors().stream()
                        .map(p -> {
                            Map<String, Object> e = new LinkedHashMap<>();
                            e.put("file", p.file());
                            e.put("line", p.line());
                            e.put("column", p.column());
                            e.put("code", p.code());
                            e.put("message", p.message());
                            return e;
                        })
                        .toList());
        m.put("warnings", v.warnings());
        if (signed) {
            put(m, "at", time(v.at()));
            put(m, "by", v.by());
        }
        return m;
    }

    private static Map<String, Object> tests(RulesetReports.Tests t, boolean signed) {
        if (t == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", t.passed());
        m.put("total", t.total());
        m.put("failed", t.failed());
        m.put(
                "scenarios",
                t.scenarios().stream()
                        .map(o -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("file", o.file());
                            x.put("name", o.name());
                            x.put("passed", o.passed());
                            x.put("differences", o.differences());
                            return x;
                        })
                        .toList());
        m.put("unfiredRules", t.unfiredRules());
        if (signed) {
            put(m, "by", t.by());
            put(m, "at", time(t.at()));
        }
        return m;
    }

    private static Map<String, Object> publication(Ruleset.Publication p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", p.by());
        m.put("at", time(p.at()));
        m.put("fourEyes", p.fourEyes());
        m.put("author", p.author());
        Ruleset.Backdated b = p.backdated();
        if (b != null) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("effectiveFrom", b.effectiveFrom().toString());
            x.put("confirmedOn", b.confirmedOn().toString());
            x.put("reason", b.reason());
            x.put("simulationJob", b.simulationJob());
            m.put("backdated", x);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }

    /** A time as the API has always written it (UTC, milliseconds). */
    private static String time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC).toString();
    }
}
