package vn.ocop.service.ruleset;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import com.mongodb.client.model.Updates;
import vn.ocop.rules.api.CompileReport;
import vn.ocop.rules.api.EditionHeader;
import vn.ocop.rules.api.PackCompiler;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RuleFileProblem;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.platform.web.AuditDetail;

/**
 * The ruleset lifecycle: drafts, validation, tests, simulation (a job), publish and rollback. Every state change is
 * a single-document update guarded by the document's revision and records who and when in its history.
 */
@Service
class Rulesets {
    private static final RulePlatform RULES = RulePlatform.get();
    static final String DRAFT = "DRAFT", VALIDATED = "VALIDATED", PUBLISHED = "PUBLISHED", RETIRED = "RETIRED";
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:.*$");

    private final RulesetStore store;
    private final RulesetRegistry registry;
    private final PackCompiler compiler;
    private final Simulation simulation;
    private final Jobs jobs;
    private final RulesetSeals seals;
    private final RuleSandbox sandbox;
    private final boolean fourEyes;

    Rulesets(RulesetStore store, RulesetRegistry registry, PackCompiler compiler, Simulation simulation, Jobs jobs,
             RulesetSeals seals, RuleSandbox sandbox,
             @org.springframework.beans.factory.annotation.Value("${ocop.rulesets.four-eyes:true}") boolean fourEyes) {
        this.seals = seals;
        this.sandbox = sandbox;
        this.fourEyes = fourEyes;
        this.store = store;
        this.registry = registry;
        this.compiler = compiler;
        this.simulation = simulation;
        this.jobs = jobs;
    }

    // ---- drafts ----------------------------------------------------------------------------------------------

    Document createDraft(String edition, Integer parentVersion, String note, Map<String, String> textFiles,
                         Map<String, String> base64Files, List<String> deleted, String user) {
        if (edition == null || !edition.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw ApiException.invalidField("edition", "lower-case letters, digits and '-'");
        }
        Map<String, byte[]> uploaded = new TreeMap<>();
        if (textFiles != null) textFiles.forEach((p, t) -> {
            if (t != null && t.indexOf('\uFFFD') >= 0) {
                // a replacement character: the text was decoded from another encoding (e.g. Windows-1258) on the way
                throw problems(HttpStatus.UNPROCESSABLE_CONTENT, "UPLOAD_REFUSED", "The upload was refused", List.of(
                        new RuleFileProblem(p, 0, 0, "NOT_UTF8", "tệp chứa ký tự thay thế U+FFFD: tệp không được lưu dạng UTF-8 (ví dụ Windows-1258); lưu lại dạng UTF-8 rồi tải lên")));
            }
            uploaded.put(p, t == null ? new byte[0] : t.getBytes(StandardCharsets.UTF_8));
        });
        if (base64Files != null) base64Files.forEach((p, b) -> {
            try {
                uploaded.put(p, Base64.getDecoder().decode(b == null ? "" : b));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("binaryFiles." + p, "not base64");
            }
        });
        if (uploaded.keySet().stream().anyMatch(p -> p.startsWith(PackSources.ENGINE_PREFIX) || p.startsWith(PackSources.PARENT_PREFIX))
                || (deleted != null && deleted.stream().anyMatch(p -> p.startsWith(PackSources.ENGINE_PREFIX)))) {
            throw ApiException.invalidField("files", "engine/ (the platform's shared rules) and parent/ cannot be uploaded");
        }
        List<RuleFileProblem> refused = RULES.checkUploadLimits(uploaded);
        if (!refused.isEmpty()) throw problems(HttpStatus.UNPROCESSABLE_CONTENT, "UPLOAD_REFUSED", "The upload was refused", refused);

        Document parent = null;
        if (parentVersion != null) {
            parent = store.find(RulesetStore.id(edition, parentVersion));
            if (parent == null) throw ApiException.invalidField("parentVersion", "no version " + parentVersion + " of " + edition);
        } else {
            parent = registry.inForce(edition, LocalDate.now(RulesetRegistry.VIETNAM)).map(v -> store.find(v.id())).orElse(null);
        }
        Map<String, byte[]> files = new TreeMap<>();
        if (parent != null) files.putAll(RulesetStore.docsToFiles(parent.getList("files", Document.class)));
        files.putAll(uploaded);
        if (deleted != null) deleted.forEach(files::remove);
        // a draft is always built on the platform's current shared rules
        files.keySet().removeIf(p -> p.startsWith(PackSources.ENGINE_PREFIX));
        files.putAll(RULES.engineFiles());
        if (parent == null) {
            // a new edition; a provincial one names its parent edition in edition.yaml and is resolved against it
            if (!files.containsKey(PackSources.MANIFEST)) throw ApiException.invalidField("files", "a new edition needs edition.yaml");
            String extendsEdition;
            try {
                extendsEdition = RULES.header(files.get(PackSources.MANIFEST)).extendsEdition();
            } catch (RuntimeException e) {
                throw ApiException.invalidField("files.edition.yaml", "cannot be read: " + e.getMessage());
            }
            if (extendsEdition != null) {
                PackVersion base = registry.inForce(extendsEdition, LocalDate.now(RulesetRegistry.VIETNAM))
                        .map(RulesetRegistry.Version::pack)
                        .orElseThrow(() -> ApiException.invalidField("files.edition.yaml", "extends unknown edition " + extendsEdition));
                files = new TreeMap<>(RULES.extend(RULES.pack(edition, files), base).files());
            }
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            int version = nextVersion(edition);
            Map<String, byte[]> content = new TreeMap<>(files);
            if (content.containsKey(PackSources.MANIFEST)) content.put(PackSources.MANIFEST, withVersion(content.get(PackSources.MANIFEST), version));
            PackSources pack = RULES.pack(edition, content);
            Date now = new Date();
            Document d = new Document("_id", RulesetStore.id(edition, version)).append("edition", edition).append("version", version)
                    .append("rev", 1L).append("status", DRAFT).append("sha256", pack.sha256()).append("author", user)
                    .append("createdAt", now).append("note", note)
                    .append("parentVersion", parent == null ? null : parent.getInteger("version"))
                    .append("effectiveFrom", null).append("files", RulesetStore.filesToDocs(content))
                    .append("integrity", seals.sealSources(RulesetStore.id(edition, version), pack.sha256()))
                    .append("history", List.of(change(DRAFT, user, now)));
            if (store.insert(d)) return d;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Could not take a version number; try again");
    }

    private int nextVersion(String edition) {
        return store.headers().stream().filter(h -> edition.equals(h.getString("edition")))
                .mapToInt(h -> h.getInteger("version")).max().orElse(0) + 1;
    }

    /** The manifest's version field names the stored version, so every result names the version that scored it. */
    static byte[] withVersion(byte[] manifest, int version) {
        String yaml = new String(manifest, StandardCharsets.UTF_8);
        Matcher m = VERSION_LINE.matcher(yaml);
        String line = "version: \"" + version + "\"";
        yaml = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : yaml + (yaml.endsWith("\n") ? "" : "\n") + line + "\n";
        return yaml.getBytes(StandardCharsets.UTF_8);
    }

    /** The version's integrity as this instance sees it: BUILT_IN, SEALED, REFUSED (with why) or UNSEALED. */
    Map<String, Object> integrity(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (RulesetRegistry.BUILT_IN.equals(d.getString("author"))) {
            m.put("status", "BUILT_IN");
            return m;
        }
        RulesetSeals.Broken broken = registry.integrity(d.getString("_id")).orElse(null);
        if (broken == null && d.containsKey("files")) broken = seals.checkSources(d);
        if (broken != null) {
            m.put("status", "RULESET_UNSEALED".equals(broken.code()) ? "UNSEALED" : "REFUSED");
            m.put("code", broken.code());
            m.put("message", broken.message());
        } else {
            m.put("status", "SEALED");
        }
        return m;
    }

    List<Document> list(String edition) {
        return store.headers().stream().filter(h -> edition == null || edition.equals(h.getString("edition")))
                .sorted(java.util.Comparator.comparing((Document h) -> h.getString("edition")).thenComparingInt(h -> h.getInteger("version")))
                .toList();
    }

    Document require(String id) {
        Document d = id == null ? null : store.find(id);
        if (d == null) throw ApiException.notFound("Ruleset", id);
        return d;
    }

    byte[] file(String id, String path) {
        byte[] b = allFiles(id).get(path);
        if (b == null) throw ApiException.notFound("File", path);
        return b;
    }

    /** Unified diffs (3 lines of context) of added, removed and changed files against the parent version. */
    Map<String, Object> diff(String id) {
        Document d = require(id);
        Integer parentVersion = d.getInteger("parentVersion");
        Map<String, byte[]> mine = RulesetStore.docsToFiles(d.getList("files", Document.class));
        Map<String, byte[]> theirs = parentVersion == null ? Map.of()
                : RulesetStore.docsToFiles(require(RulesetStore.id(d.getString("edition"), parentVersion)).getList("files", Document.class));
        List<Map<String, Object>> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(mine.keySet());
        paths.addAll(theirs.keySet());
        for (String p : paths) {
            byte[] a = theirs.get(p), b = mine.get(p);
            if (a != null && b != null && java.util.Arrays.equals(a, b)) continue;
            String change = a == null ? "ADDED" : b == null ? "REMOVED" : "MODIFIED";
            String text;
            if (RulesetStore.isBinary(p)) {
                text = "Binary file " + p + " differs\n";
            } else {
                List<String> left = lines(a), right = lines(b);
                Patch<String> patch = DiffUtils.diff(left, right);
                text = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(a == null ? "/dev/null" : "a/" + p,
                        b == null ? "/dev/null" : "b/" + p, left, patch, 3)) + "\n";
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", p);
            f.put("change", change);
            f.put("unifiedDiff", text);
            changes.add(f);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("parentVersion", parentVersion);
        out.put("files", changes);
        return out;
    }

    private static List<String> lines(byte[] b) {
        return b == null ? List.of() : new String(b, StandardCharsets.UTF_8).lines().toList();
    }

    // ---- validate, test ---------------------------------------------------------------------------------------

    Map<String, Object> validate(String id, String user) {
        Document d = require(id);
        String status = d.getString("status");
        if (!DRAFT.equals(status) && !VALIDATED.equals(status)) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_DRAFT", "Only a draft can be validated; this version is " + status);
        }
        PackSources pack = pack(d);
        CompileReport r = compiler.compile(pack, d.getString("edition"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", r.ok());
        report.put("errors", r.problems().stream().map(Rulesets::problem).toList());
        report.put("warnings", r.warnings());
        report.put("at", new Date());
        report.put("by", user);
        String next = r.ok() ? VALIDATED : DRAFT;
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("status", next), Updates.set("validation", new Document(report)),
                Updates.set("testsPassed", null), Updates.set("tests", null)));
        if (r.ok()) {
            store.putKjars(id, r.pack().kjars());
            sets.add(Updates.set("groups", List.copyOf(r.pack().kjars().keySet())));
            sets.add(Updates.set("integrity.kjars", seals.sealKjars(id, d.getString("sha256"), r.pack().kjars())));
            registry.remember(r.pack());
        }
        if (!next.equals(status)) sets.add(Updates.push("history", change(next, user, new Date())));
        transition(d, Updates.combine(sets));
        report.put("status", next);
        report.remove("at");
        report.remove("by");
        return report;
    }

    Map<String, Object> test(String id, String user) {
        Document d = require(id);
        if (!VALIDATED.equals(d.getString("status")) && !PUBLISHED.equals(d.getString("status")) && !RETIRED.equals(d.getString("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_VALIDATED", "Validate the draft first (POST …/validate)");
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        Map<String, List<String>> unfired;
        boolean passed;
        if (RulesetRegistry.BUILT_IN.equals(d.getString("author"))) {
            // the shipped packs run here; everything uploaded runs in a sandbox JVM (RuleSandbox)
            PackVersion pack = registry.load(d);
            SandboxMessages.ScenarioReport run = RULES.runScenarios(pack, scenarioSources(d));
            run.outcomes().forEach(o -> outcomes.add(outcome(o.file(), o.name(), o.passed(), o.differences())));
            unfired = run.unfiredRules();
            // unreadable files come back as failed outcomes; a run with nothing in it proves nothing
            passed = !run.outcomes().isEmpty() && run.outcomes().stream().allMatch(SandboxMessages.Outcome::passed);
        } else {
            Map<String, byte[]> kjars = registry.verifiedKjars(d);
            SandboxMessages.ScenarioReport run;
            try (RuleSandbox.Session session = sandbox.open(d.getString("edition"), pack(d).files(), kjars)) {
                run = session.scenarios(scenarioSources(d));
            }
            run.outcomes().forEach(o -> outcomes.add(outcome(o.file(), o.name(), o.passed(), o.differences())));
            unfired = run.unfiredRules();
            passed = run.outcomes().stream().allMatch(SandboxMessages.Outcome::passed);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", passed);
        report.put("total", outcomes.size());
        report.put("failed", (int) outcomes.stream().filter(o -> !Boolean.TRUE.equals(o.get("passed"))).count());
        report.put("scenarios", outcomes);
        report.put("unfiredRules", unfired);
        if (VALIDATED.equals(d.getString("status"))) {
            Document stored = new Document(report);
            stored.put("scenarios", outcomes.stream().filter(o -> !Boolean.TRUE.equals(o.get("passed"))).limit(200).toList());
            stored.put("by", user);
            stored.put("at", new Date());
            transition(d, Updates.combine(Updates.set("testsPassed", passed), Updates.set("tests", stored),
                    Updates.set("testedSha256", d.getString("sha256"))));
        }
        return report;
    }

    /**
     * The scenarios a test runs: the edition's built-in ones (classpath scenarios/&lt;edition&gt;/&lt;group&gt;/*.yaml, named
     * "built-in:&lt;edition&gt;/&lt;group&gt;/&lt;file&gt;") and the draft's own {@code scenarios/**.yaml}. A draft's
     * {@code scenarios/<group>/<file>.yaml} replaces the built-in one of the same group and file name (that is how a
     * criteria change updates an expectation); other uploaded scenarios are added.
     */
    static List<SandboxMessages.Source> scenarioSources(Document d) {
        String edition = d.getString("edition");
        Map<String, byte[]> own = RulesetStore.docsToFiles(d.getList("files", Document.class));
        List<SandboxMessages.Source> out = new ArrayList<>();
        builtInScenarioFiles(edition).forEach((path, bytes) -> {
            if (!own.containsKey(path)) out.add(new SandboxMessages.Source("built-in:" + edition + "/" + path.substring("scenarios/".length()), bytes));
        });
        own.forEach((path, bytes) -> {
            if (path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"))) out.add(new SandboxMessages.Source(path, bytes));
        });
        return out;
    }

    private static Map<String, Object> outcome(String file, String name, boolean passed, List<String> differences) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("name", name);
        m.put("passed", passed);
        m.put("differences", differences);
        return m;
    }

    // ---- simulate, publish, rollback --------------------------------------------------------------------------

    String simulate(String id, Simulation.Request request, String user) {
        Document d = require(id);
        if (DRAFT.equals(d.getString("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_VALIDATED", "Validate the draft first (POST …/validate)");
        }
        if (RulesetRegistry.BUILT_IN.equals(d.getString("author"))) {
            PackVersion pack = registry.load(d);
            return jobs.start("ruleset-simulation", user, progress -> simulation.run(id, Simulation.inProcess(pack), request, progress));
        }
        Map<String, byte[]> kjars = registry.verifiedKjars(d);
        PackSources pack = pack(d);
        return jobs.start("ruleset-simulation", user, progress -> {
            try (RuleSandbox.Session session = sandbox.open(d.getString("edition"), pack.files(), kjars)) {
                return simulation.run(id, sandboxed(session, RULES.header(pack.files().get(PackSources.MANIFEST))), request, progress);
            }
        });
    }

    /** The candidate scored in the sandbox; the first request its rules could not score fails the job. */
    private static Simulation.Candidate sandboxed(RuleSandbox.Session session, EditionHeader manifest) {
        return new Simulation.Candidate() {
            public String editionId() { return manifest.id(); }
            public String extendsEdition() { return manifest.extendsEdition(); }
            public List<vn.ocop.rules.api.EvaluationResult> score(List<vn.ocop.rules.api.EvaluationRequest> requests) {
                SandboxMessages.Evaluated e = session.evaluate(requests);
                for (SandboxMessages.Failure f : e.failures()) {
                    if (f != null) throw new RuleSandbox.SandboxFailure(f.code(), f.message());
                }
                return e.results();
            }
        };
    }

    /**
     * Publishes a VALIDATED version whose tests pass. Four eyes ({@code ocop.rulesets.four-eyes}, default true): the
     * publisher must not be the draft's author. An {@code effectiveFrom} before today re-rates past dates: it needs
     * {@code confirmPastEffectiveFrom} and a reason; without them the answer is 409 RULESET_BACKDATED with a simulation
     * job over the dossiers of those dates; with them a simulation job is started and recorded with the publication.
     */
    Document publish(String id, LocalDate effectiveFrom, boolean confirmPast, String reason, String user) {
        if (effectiveFrom == null) throw ApiException.invalidField("effectiveFrom", "required");
        Document d = require(id);
        if (!VALIDATED.equals(d.getString("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_VALIDATED", "Only a VALIDATED version can be published; this one is " + d.getString("status"));
        }
        if (!Boolean.TRUE.equals(d.getBoolean("testsPassed")) || !d.getString("sha256").equals(d.getString("testedSha256"))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "RULESET_TESTS_NOT_PASSED", "Run the tests (POST …/test) and make them pass first");
        }
        if (fourEyes && user.equals(d.getString("author"))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "RULESET_FOUR_EYES",
                    "Nguyên tắc bốn mắt: người soạn bản nháp (" + user + ") không được tự công bố; một cán bộ chính sách khác phải công bố.");
        }
        LocalDate today = LocalDate.now(RulesetRegistry.VIETNAM);
        boolean backdated = effectiveFrom.isBefore(today);
        String why = reason == null ? "" : java.text.Normalizer.normalize(reason.strip(), java.text.Normalizer.Form.NFC);
        if (why.length() > 2000) throw ApiException.invalidField("reason", "at most 2000 characters");
        String simulationJob = null;
        if (backdated) {
            Simulation.Request past = new Simulation.Request(null, null, null, effectiveFrom, today, today);
            if (!confirmPast || why.isEmpty()) {
                String job = simulate(id, past, user);
                throw new ApiException(HttpStatus.CONFLICT, "RULESET_BACKDATED",
                        "Ngày hiệu lực " + effectiveFrom + " ở trong quá khứ: công bố sẽ chấm lại các ngày từ " + effectiveFrom
                                + " đến nay. Xem kết quả mô phỏng các hồ sơ của những ngày đó, rồi gửi lại với confirmPastEffectiveFrom=true và lý do (reason).",
                        List.of(new ApiException.FieldProblem("simulationJob", "/api/v1/jobs/" + job),
                                new ApiException.FieldProblem("effectiveFrom", "before today (" + today + "): needs confirmPastEffectiveFrom and a reason")));
            }
            simulationJob = simulate(id, past, user);
        }
        registry.load(d); // compiled and cached before anyone switches to it
        Date now = new Date();
        Document publication = new Document("by", user).append("at", now).append("fourEyes", fourEyes)
                .append("author", d.getString("author"));
        if (backdated) {
            publication.append("backdated", new Document("effectiveFrom", effectiveFrom.toString()).append("confirmedOn", today.toString())
                    .append("reason", why).append("simulationJob", "/api/v1/jobs/" + simulationJob));
        }
        Document after = transition(d, Updates.combine(Updates.set("status", PUBLISHED), Updates.set("effectiveFrom", effectiveFrom.toString()),
                Updates.set("publishedBy", user), Updates.set("publishedAt", now), Updates.set("publication", publication),
                Updates.push("history", change(PUBLISHED, user, now))));
        AuditDetail.note(fourEyes ? "RULESET_PUBLISHED" : "RULESET_PUBLISHED_WITHOUT_FOUR_EYES", auditDetails(publication));
        registry.refresh();
        return after;
    }

    private static Map<String, Object> auditDetails(Document publication) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fourEyes", publication.getBoolean("fourEyes"));
        m.put("author", publication.getString("author"));
        Document b = publication.get("backdated", Document.class);
        if (b != null) {
            m.put("backdatedFrom", b.getString("effectiveFrom"));
            m.put("reason", b.getString("reason"));
            m.put("simulationJob", b.getString("simulationJob"));
        }
        return m;
    }

    /** Deletes a draft (DRAFT or VALIDATED) and its kjars; a published or retired version stays (409 RULESET_NOT_DELETABLE). */
    void delete(String id, String user) {
        Document d = require(id);
        String status = d.getString("status");
        if (!DRAFT.equals(status) && !VALIDATED.equals(status)) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_DELETABLE",
                    "Chỉ xoá được bản nháp; phiên bản này đang " + status + " và được giữ lại để đối chiếu kết quả đã chấm.");
        }
        if (!store.deleteIfRev(id, ((Number) d.get("rev")).longValue())) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The ruleset changed meanwhile; read it again");
        }
        store.deleteKjars(id, d.getList("groups", String.class));
        AuditDetail.note("RULESET_DRAFT_DELETED", Map.of("status", status, "sha256", d.getString("sha256")));
    }

    /**
     * Every file of a version for download: its own files and, under {@code scenarios/<group>/<file>.yaml}, the
     * built-in golden scenarios it does not override (the path a draft uses to replace one).
     */
    Map<String, byte[]> allFiles(String id) {
        Document d = require(id);
        Map<String, byte[]> files = new TreeMap<>(RulesetStore.docsToFiles(d.getList("files", Document.class)));
        builtInScenarioFiles(d.getString("edition")).forEach(files::putIfAbsent);
        return files;
    }

    /** The built-in golden scenarios of an edition by pack path ({@code scenarios/<group>/<file>.yaml}). */
    static Map<String, byte[]> builtInScenarioFiles(String edition) {
        return RULES.builtInScenarios(edition);
    }

    Document rollback(String id, String user) {
        Document d = require(id);
        if (!PUBLISHED.equals(d.getString("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_NOT_PUBLISHED", "Only a PUBLISHED version can be rolled back; this one is " + d.getString("status"));
        }
        long others = registry.published().getOrDefault(d.getString("edition"), List.of()).stream().filter(v -> !v.id().equals(id)).count();
        if (others == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "RULESET_LAST_VERSION", "This is the edition's only published version; publish another one first");
        }
        Date now = new Date();
        Document after = transition(d, Updates.combine(Updates.set("status", RETIRED), Updates.set("retiredBy", user),
                Updates.set("retiredAt", now), Updates.push("history", change(RETIRED, user, now))));
        registry.refresh();
        return after;
    }

    private Document transition(Document d, Bson update) {
        Document after = store.updateIfRev(d.getString("_id"), ((Number) d.get("rev")).longValue(), update);
        if (after == null) throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The ruleset changed meanwhile; read it again");
        return after;
    }

    static PackSources pack(Document d) {
        return RULES.pack(d.getString("edition"), RulesetStore.docsToFiles(d.getList("files", Document.class)));
    }

    private static Document change(String status, String user, Date at) {
        return new Document("status", status).append("by", user).append("at", at);
    }

    static Map<String, Object> problem(RuleFileProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("column", p.column());
        m.put("code", p.code());
        m.put("message", p.message());
        return m;
    }

    static ApiException problems(HttpStatus status, String code, String detail, List<RuleFileProblem> problems) {
        return new ApiException(status, code, detail, problems.stream()
                .map(p -> new ApiException.FieldProblem(p.file() + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : ""), p.code() + ": " + p.message()))
                .toList());
    }
}
