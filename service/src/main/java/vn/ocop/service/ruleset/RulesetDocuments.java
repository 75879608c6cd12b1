package vn.ocop.service.ruleset;

import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The stored form of a {@link Ruleset} (collection {@code rulesets}), field for field as it has always been written:
 * dates as BSON dates, effectiveFrom as "yyyy-MM-dd", files as a list of {path, text} or {path, base64}, the reports
 * as sub-documents. Only {@link RulesetStore} uses it.
 */
final class RulesetDocuments {
    /** Written when a version is created, even when null (as they always were). */
    private static final Set<String> ALWAYS = Set.of("note", "parentVersion", "effectiveFrom");
    /** Never rewritten by a step: the identity and the sources. */
    private static final Set<String> FIXED = Set.of("_id", "rev", "files");

    private RulesetDocuments() {}

    static Document toDocument(Ruleset r) {
        Document d = new Document("_id", r.id())
                .append("edition", r.edition())
                .append("version", r.version())
                .append("rev", r.rev())
                .append("status", r.status().name())
                .append("sha256", r.sha256())
                .append("author", r.author())
                .append("createdAt", date(r.createdAt()))
                .append("note", r.note())
                .append("parentVersion", r.parentVersion())
                .append(
                        "effectiveFrom",
                        r.effectiveFrom() == null ? null : r.effectiveFrom().toString());
        put(d, "groups", r.groups() == null ? null : List.copyOf(r.groups()));
        if (r.hasFiles()) d.append("files", filesToDocs(r.files()));
        put(d, "integrity", seal(r.integrity()));
        put(d, "testsPassed", r.testsPassed());
        put(
                d,
                "history",
                r.history().stream()
                        .map(c -> new Document("status", c.status().name())
                                .append("by", c.by())
                                .append("at", date(c.at())))
                        .toList());
        put(d, "validation", validation(r.validation()));
        put(d, "tests", tests(r.tests()));
        put(d, "testedSha256", r.testedSha256());
        put(d, "publishedBy", r.publishedBy());
        put(d, "publishedAt", date(r.publishedAt()));
        put(d, "publication", publication(r.publication()));
        put(d, "retiredBy", r.retiredBy());
        put(d, "retiredAt", date(r.retiredAt()));
        return d;
    }

    /** The $set of every field a step changed (a field it cleared is set to null, as the lifecycle always did). */
    static Bson changes(Ruleset before, Ruleset after) {
        Document a = toDocument(before), b = toDocument(after);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<Bson> sets = new ArrayList<>();
        for (String k : keys) {
            if (FIXED.contains(k) || Objects.equals(a.get(k), b.get(k))) continue;
            sets.add(Updates.set(k, b.get(k)));
        }
        return Updates.combine(sets);
    }

    static Ruleset fromDocument(Document d) {
        List<Document> history = d.getList("history", Document.class);
        return Ruleset.stored(
                d.getString("_id"),
                d.getString("edition"),
                d.getInteger("version"),
                ((Number) d.get("rev")).longValue(),
                RulesetStatus.valueOf(d.getString("status")),
                d.getString("sha256"),
                d.getString("author"),
                instant(d.getDate("createdAt")),
                d.getString("note"),
                d.getInteger("parentVersion"),
                localDate(d.getString("effectiveFrom")),
                d.containsKey("files") ? docsToFiles(d.getList("files", Document.class)) : null,
                d.getList("groups", String.class),
                seal(d.get("integrity", Document.class)),
                history == null
                        ? List.of()
                        : history.stream()
                                .map(h -> new Ruleset.Change(
                                        RulesetStatus.valueOf(h.getString("status")),
                                        h.getString("by"),
                                        instant(h.getDate("at"))))
                                .toList(),
                validation(d.get("validation", Document.class)),
                d.getBoolean("testsPassed"),
                tests(d.get("tests", Document.class)),
                d.getString("testedSha256"),
                d.getString("publishedBy"),
                instant(d.getDate("publishedAt")),
                publication(d.get("publication", Document.class)),
                d.getString("retiredBy"),
                instant(d.getDate("retiredAt")));
    }

    // ---- parts ---------------------------------------------------------------------------------------------------

    private static Document seal(Ruleset.Seal s) {
        if (s == null) return null;
        Document d = new Document("keyId", s.keyId()).append("sourcesMac", s.sourcesMac());
        if (s.kjars() != null)
            d.append(
                    "kjars",
                    s.kjars().stream()
                            .map(k -> new Document("group", k.group())
                                    .append("sha256", k.sha256())
                                    .append("mac", k.mac()))
                            .toList());
        return d;
    }

    private static Ruleset.Seal seal(Document d) {
        if (d == null) return null;
        List<Document> kjars = d.getList("kjars", Document.class);
        return new Ruleset.Seal(
                d.getString("keyId"),
                d.getString("sourcesMac"),
                kjars == null
                        ? null
                        : kjars.stream()
                                .map(k -> new Ruleset.KjarSeal(
                                        k.getString("group"), k.getString("sha256"), k.getString("mac")))
                                .toList());
    }

    private static Document validation(RulesetReports.Validation v) {
        if (v == null) return null;
        return new Document("passed", v.passed())
                .append(
                        "errors",
                        v.errors().stream().map(RulesetDocuments::problem).toList())
                .append("warnings", v.warnings())
                .append("at", date(v.at()))
                .append("by", v.by());
    }

    private static Document problem(RulesetReports.Problem p) {
        return new Document("file", p.file())
                .append("line", p.line())
                .append("column", p.column())
                .append("code", p.code())
                .append("message", p.message());
    }

    private static RulesetReports.Validation validation(Document d) {
        if (d == null) return null;
        List<Document> errors = d.getList("errors", Document.class);
        return new RulesetReports.Validation(
                Boolean.TRUE.equals(d.getBoolean("passed")),
                errors == null
                        ? List.of()
                        : errors.stream()
                                .map(e -> new RulesetReports.Problem(
                                        e.getString("file"),
                                        number(e.get("line")),
                                        number(e.get("column")),
                                        e.getString("code"),
                                        e.getString("message")))
                                .toList(),
                d.getList("warnings", String.class, List.of()),
                instant(d.getDate("at")),
                d.getString("by"));
    }

    private static Document tests(RulesetReports.Tests t) {
        if (t == null) return null;
        Document unfired = new Document();
        if (t.unfiredRules() != null) t.unfiredRules().forEach(unfired::append);
        return new Document("passed", t.passed())
                .append("total", t.total())
                .append("failed", t.failed())
                .append(
                        "scenarios",
                        t.scenarios().stream()
                                .map(o -> new Document("file", o.file())
                                        .append("name", o.name())
                                        .append("passed", o.passed())
                                        .append("differences", o.differences()))
                                .toList())
                .append("unfiredRules", t.unfiredRules() == null ? null : unfired)
                .append("by", t.by())
                .append("at", date(t.at()));
    }

    private static RulesetReports.Tests tests(Document d) {
        if (d == null) return null;
        List<Document> scenarios = d.getList("scenarios", Document.class);
        Document unfired = d.get("unfiredRules", Document.class);
        Map<String, List<String>> byGroup = null;
        if (unfired != null) {
            byGroup = new LinkedHashMap<>();
            for (String group : unfired.keySet()) byGroup.put(group, unfired.getList(group, String.class));
        }
        return new RulesetReports.Tests(
                Boolean.TRUE.equals(d.getBoolean("passed")),
                number(d.get("total")),
                number(d.get("failed")),
                scenarios == null
                        ? List.of()
                        : scenarios.stream()
                                .map(o -> new RulesetReports.Outcome(
                                        o.getString("file"),
                                        o.getString("name"),
                                        Boolean.TRUE.equals(o.getBoolean("passed")),
                                        o.getList("differences", String.class)))
                                .toList(),
                byGroup,
                d.getString("by"),
                instant(d.getDate("at")));
    }

    private static Document publication(Ruleset.Publication p) {
        if (p == null) return null;
        Document d = new Document("by", p.by())
                .append("at", date(p.at()))
                .append("fourEyes", p.fourEyes())
                .append("author", p.author());
        Ruleset.Backdated b = p.backdated();
        if (b != null) {
            d.append(
                    "backdated",
                    new Document("effectiveFrom", b.effectiveFrom().toString())
                            .append("confirmedOn", b.confirmedOn().toString())
                            .append("reason", b.reason())
                            .append("simulationJob", b.simulationJob()));
        }
        return d;
    }

    private static Ruleset.Publication publication(Document d) {
        if (d == null) return null;
        Document b = d.get("backdated", Document.class);
        return new Ruleset.Publication(
                d.getString("by"),
                instant(d.getDate("at")),
                Boolean.TRUE.equals(d.getBoolean("fourEyes")),
                d.getString("author"),
                b == null
                        ? null
                        : new Ruleset.Backdated(
                                localDate(b.getString("effectiveFrom")),
                                localDate(b.getString("confirmedOn")),
                                b.getString("reason"),
                                b.getString("simulationJob")));
    }

    /** Files as stored: a list of {path, text} or {path, base64} (paths contain dots, so they cannot be keys). */
    static List<Document> filesToDocs(Map<String, byte[]> files) {
        List<Document> out = new ArrayList<>();
        new TreeMap<>(files).forEach((path, bytes) -> {
            Document f = new Document("path", path);
            if (RulesetStore.isBinary(path))
                f.append("base64", Base64.getEncoder().encodeToString(bytes));
            else f.append("text", new String(bytes, StandardCharsets.UTF_8));
            out.add(f);
        });
        return out;
    }

    static Map<String, byte[]> docsToFiles(List<Document> docs) {
        Map<String, byte[]> files = new TreeMap<>();
        if (docs == null) return files;
        for (Document f : docs) {
            String path = f.getString("path");
            files.put(
                    path,
                    f.containsKey("base64")
                            ? Base64.getDecoder().decode(f.getString("base64"))
                            : f.getString("text").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) d.append(key, value);
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static LocalDate localDate(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
