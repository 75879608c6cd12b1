package vn.ocop.service.ruleset;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
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
 * The ruleset lifecycle as the API offers it: loads a {@link Ruleset}, runs the work a step needs (compile, scenarios,
 * simulation job), lets the aggregate decide the step, and stores it as one compare-and-set on its revision.
 * Drafts are made by {@link RulesetDrafts}, diffs by {@link RulesetDiffs}.
 */
@Service
class Rulesets {
    private static final RulePlatform RULES = RulePlatform.get();
    private final RulesetStore store;
    private final RulesetRegistry registry;
    private final PackCompiler compiler;
    private final Simulation simulation;
    private final Jobs jobs;
    private final RulesetSeals seals;
    private final RuleSandbox sandbox;
    private final RulesetDrafts drafts;
    private final boolean fourEyes;

    Rulesets(
            RulesetStore store,
            RulesetRegistry registry,
            PackCompiler compiler,
            Simulation simulation,
            Jobs jobs,
            RulesetSeals seals,
            RuleSandbox sandbox,
            RulesetDrafts drafts,
            @Value("${ocop.rulesets.four-eyes:true}") boolean fourEyes) {
        this.store = store;
        this.registry = registry;
        this.compiler = compiler;
        this.simulation = simulation;
        this.jobs = jobs;
        this.seals = seals;
        this.sandbox = sandbox;
        this.drafts = drafts;
        this.fourEyes = fourEyes;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    Ruleset createDraft(RulesetDrafts.Upload upload, String user) {
        return drafts.create(upload, user);
    }

    /** The version's integrity as this instance sees it: BUILT_IN, SEALED, REFUSED (with why) or UNSEALED. */
    Integrity integrity(Ruleset r) {
        if (r.isBuiltIn()) return new Integrity("BUILT_IN", null, null);
        RulesetSeals.Broken broken = registry.integrity(r.id()).orElse(null);
        if (broken == null && r.hasFiles()) broken = seals.checkSources(r);
        if (broken == null) return new Integrity("SEALED", null, null);
        return new Integrity(
                "RULESET_UNSEALED".equals(broken.code()) ? "UNSEALED" : "REFUSED", broken.code(), broken.message());
    }

    /** Whether the version verified: BUILT_IN, SEALED, REFUSED or UNSEALED, and why when not sealed. */
    record Integrity(String status, String code, String message) {}

    List<Ruleset> list(String edition) {
        return store.headers().stream()
                .filter(h -> edition == null || edition.equals(h.edition()))
                .sorted(Comparator.comparing(Ruleset::edition).thenComparingInt(Ruleset::version))
                .toList();
    }

    Ruleset require(String id) {
        Ruleset r = id == null ? null : store.find(id);
        if (r == null) throw ApiException.notFound("Ruleset", id);
        return r;
    }

    byte[] file(String id, String path) {
        byte[] b = allFiles(id).get(path);
        if (b == null) throw ApiException.notFound("File", path);
        return b;
    }

    /** Every file of a version for download, with the built-in scenarios it does not override. */
    Map<String, byte[]> allFiles(String id) {
        return BuiltInScenarios.withVersion(require(id));
    }

    RulesetDiffs.Diff diff(String id) {
        Ruleset r = require(id);
        return RulesetDiffs.of(
                r, r.parentVersion() == null ? null : require(Ruleset.id(r.edition(), r.parentVersion())));
    }

    // ---- validate, test -----------------------------------------------------------------------------------------

    /** The report of a validation and the status it left the version in. */
    record Validated(RulesetReports.Validation report, RulesetStatus status) {}

    Validated validate(String id, String user) {
        Ruleset r = require(id);
        r.checkValidatable();
        CompileReport compiled = compiler.compile(pack(r), r.edition());
        Instant now = Instant.now();
        RulesetReports.Validation report = new RulesetReports.Validation(
                compiled.ok(),
                compiled.problems().stream().map(RulesetReports.Problem::of).toList(),
                compiled.warnings(),
                now,
                user);
        List<String> groups = List.of();
        List<Ruleset.KjarSeal> kjarSeals = List.of();
        if (compiled.ok()) {
            store.putKjars(id, compiled.pack().kjars());
            groups = List.copyOf(compiled.pack().kjars().keySet());
            kjarSeals = seals.sealKjars(id, r.sha256(), compiled.pack().kjars());
            registry.remember(compiled.pack());
        }
        Ruleset after = save(r, r.validated(report, groups, kjarSeals, user, now));
        return new Validated(report, after.status());
    }

    RulesetReports.Tests test(String id, String user) {
        Ruleset r = require(id);
        r.checkTestable();
        RulesetReports.Tests report = r.isBuiltIn() ? testInProcess(r) : testInSandbox(r);
        if (r.keepsTestResults()) save(r, r.tested(report.stored(user, Instant.now())));
        return report;
    }

    /** The shipped packs run here; everything uploaded runs in a sandbox JVM ({@link RuleSandbox}). */
    private RulesetReports.Tests testInProcess(Ruleset r) {
        PackVersion pack = registry.load(r);
        SandboxMessages.ScenarioReport run = RULES.runScenarios(pack, BuiltInScenarios.sources(r));
        List<RulesetReports.Outcome> outcomes = run.outcomes().stream()
                .map(o -> new RulesetReports.Outcome(o.file(), o.name(), o.passed(), o.differences()))
                .toList();
        // unreadable files come back as failed outcomes; a run with nothing in it proves nothing
        return RulesetReports.Tests.of(
                outcomes,
                run.unfiredRules(),
                !run.outcomes().isEmpty() && run.outcomes().stream().allMatch(SandboxMessages.Outcome::passed));
    }

    private RulesetReports.Tests testInSandbox(Ruleset r) {
        Map<String, byte[]> kjars = registry.verifiedKjars(r);
        SandboxMessages.ScenarioReport run;
        try (RuleSandbox.Session session = sandbox.open(r.edition(), pack(r).files(), kjars)) {
            run = session.scenarios(BuiltInScenarios.sources(r));
        }
        List<RulesetReports.Outcome> outcomes = run.outcomes().stream()
                .map(o -> new RulesetReports.Outcome(o.file(), o.name(), o.passed(), o.differences()))
                .toList();
        return RulesetReports.Tests.of(
                outcomes, run.unfiredRules(), run.outcomes().stream().allMatch(SandboxMessages.Outcome::passed));
    }

    // ---- simulate, publish, delete, rollback --------------------------------------------------------------------

    String simulate(String id, Simulation.Request request, String user) {
        Ruleset r = require(id);
        r.checkSimulatable();
        if (r.isBuiltIn()) {
            PackVersion pack = registry.load(r);
            return jobs.start(
                    "ruleset-simulation",
                    user,
                    progress -> simulation
                            .run(id, Simulation.inProcess(pack), request, progress)
                            .asJobResult());
        }
        Map<String, byte[]> kjars = registry.verifiedKjars(r);
        PackSources pack = pack(r);
        return jobs.start("ruleset-simulation", user, progress -> {
            try (RuleSandbox.Session session = sandbox.open(r.edition(), pack.files(), kjars)) {
                return simulation
                        .run(
                                id,
                                sandboxed(session, RULES.header(pack.files().get(PackSources.MANIFEST))),
                                request,
                                progress)
                        .asJobResult();
            }
        });
    }

    /** The candidate scored in the sandbox; the first request its rules could not score fails the job. */
    private static Simulation.Candidate sandboxed(RuleSandbox.Session session, EditionHeader manifest) {
        return new Simulation.Candidate() {
            public String editionId() {
                return manifest.id();
            }

            public String extendsEdition() {
                return manifest.extendsEdition();
            }

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
    Ruleset publish(String id, LocalDate effectiveFrom, boolean confirmPast, String reason, String user) {
        if (effectiveFrom == null) throw ApiException.invalidField("effectiveFrom", "required");
        Ruleset r = require(id);
        r.checkPublishable(user, fourEyes);
        LocalDate today = LocalDate.now(RulesetRegistry.VIETNAM);
        boolean backdated = effectiveFrom.isBefore(today);
        String why = reason == null ? "" : Normalizer.normalize(reason.strip(), Normalizer.Form.NFC);
        if (why.length() > 2000) throw ApiException.invalidField("reason", "at most 2000 characters");
        Ruleset.Backdated confirmed = null;
        if (backdated) {
            Simulation.Request past = new Simulation.Request(null, null, null, effectiveFrom, today, today);
            if (!confirmPast || why.isEmpty()) {
                String job = simulate(id, past, user);
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "RULESET_BACKDATED",
                        "Ngày hiệu lực " + effectiveFrom + " ở trong quá khứ: công bố sẽ chấm lại các ngày từ "
                                + effectiveFrom
                                + " đến nay. Xem kết quả mô phỏng các hồ sơ của những ngày đó, rồi gửi lại với confirmPastEffectiveFrom=true và lý do (reason).",
                        List.of(
                                new ApiException.FieldProblem("simulationJob", "/api/v1/jobs/" + job),
                                new ApiException.FieldProblem(
                                        "effectiveFrom",
                                        "before today (" + today + "): needs confirmPastEffectiveFrom and a reason")));
            }
            confirmed = new Ruleset.Backdated(effectiveFrom, today, why, "/api/v1/jobs/" + simulate(id, past, user));
        }
        registry.load(r); // compiled and cached before anyone switches to it
        Ruleset.Publication publication = new Ruleset.Publication(user, Instant.now(), fourEyes, r.author(), confirmed);
        Ruleset after = save(r, r.published(effectiveFrom, publication));
        AuditDetail.note(
                fourEyes ? "RULESET_PUBLISHED" : "RULESET_PUBLISHED_WITHOUT_FOUR_EYES", auditDetails(publication));
        registry.refresh();
        return after;
    }

    private static Map<String, Object> auditDetails(Ruleset.Publication publication) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fourEyes", publication.fourEyes());
        m.put("author", publication.author());
        Ruleset.Backdated b = publication.backdated();
        if (b != null) {
            m.put("backdatedFrom", b.effectiveFrom().toString());
            m.put("reason", b.reason());
            m.put("simulationJob", b.simulationJob());
        }
        return m;
    }

    /** Deletes a draft (DRAFT or VALIDATED) and its kjars; a published or retired version stays (409 RULESET_NOT_DELETABLE). */
    void delete(String id, String user) {
        Ruleset r = require(id);
        r.checkDeletable();
        if (!store.deleteIfRev(id, r.rev())) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The ruleset changed meanwhile; read it again");
        }
        store.deleteKjars(id, r.groups());
        AuditDetail.note("RULESET_DRAFT_DELETED", Map.of("status", r.status().name(), "sha256", r.sha256()));
    }

    Ruleset rollback(String id, String user) {
        Ruleset r = require(id);
        long others = registry.published().getOrDefault(r.edition(), List.of()).stream()
                .filter(v -> !v.id().equals(id))
                .count();
        Ruleset after = save(r, r.retired(others, user, Instant.now()));
        registry.refresh();
        return after;
    }

    private Ruleset save(Ruleset before, Ruleset after) {
        Ruleset saved = store.save(before, after);
        if (saved == null)
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The ruleset changed meanwhile; read it again");
        return saved;
    }

    static PackSources pack(Ruleset r) {
        return RULES.pack(r.edition(), r.files());
    }

    static ApiException problems(HttpStatus status, String code, String detail, List<RuleFileProblem> problems) {
        return new ApiException(
                status,
                code,
                detail,
                problems.stream()
                        .map(p -> new ApiException.FieldProblem(
                                p.file() + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : ""),
                                p.code() + ": " + p.message()))
                        .toList());
    }
}
