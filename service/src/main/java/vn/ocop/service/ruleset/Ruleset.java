package vn.ocop.service.ruleset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ocop.service.ruleset.RulesetRefused.Kind;

/**
 * One version of an edition's rule pack and its lifecycle: the aggregate of the ruleset feature. Immutable; every step
 * returns the version after it, and a step its status does not allow is refused here ({@link RulesetRefused}, with
 * the API's stable code) whoever asks. {@link RulesetStore} maps it to and from the {@code rulesets} collection and
 * writes a step as one compare-and-set on {@link #rev()}.
 *
 * <pre>
 *   DRAFT --validate (passed)--> VALIDATED --publish--> PUBLISHED --rollback--> RETIRED
 *     ^  &lt;--validate (failed)--    |
 *   (DRAFT and VALIDATED can be deleted; a VALIDATED version can be validated again)
 * </pre>
 */
public final class Ruleset {
    static final String BUILT_IN = "built-in";

    /** A status change: who moved the version and when. */
    public record Change(RulesetStatus status, String by, Instant at) {}

    /** The seal of a version's sources and, once compiled, of each group's kjar ({@link RulesetSeals}). */
    record Seal(String keyId, String sourcesMac, List<KjarSeal> kjars) {}

    record KjarSeal(String group, String sha256, String mac) {}

    /** Who published, under which rule, and for a past effectiveFrom who confirmed it and why. */
    record Publication(String by, Instant at, boolean fourEyes, String author, Backdated backdated) {}

    record Backdated(LocalDate effectiveFrom, LocalDate confirmedOn, String reason, String simulationJob) {}

    private String id;
    private String edition;
    private int version;
    private long rev;
    private RulesetStatus status;
    private String sha256;
    private String author;
    private Instant createdAt;
    private String note;
    private Integer parentVersion;
    private LocalDate effectiveFrom;
    private Map<String, byte[]> files;
    private List<String> groups;
    private Seal integrity;
    private List<Change> history;
    private RulesetReports.Validation validation;
    private Boolean testsPassed;
    private RulesetReports.Tests tests;
    private String testedSha256;
    private String publishedBy;
    private Instant publishedAt;
    private Publication publication;
    private String retiredBy;
    private Instant retiredAt;

    private Ruleset() {}

    private Ruleset copy() {
        Ruleset r = new Ruleset();
        r.id = id;
        r.edition = edition;
        r.version = version;
        r.rev = rev;
        r.status = status;
        r.sha256 = sha256;
        r.author = author;
        r.createdAt = createdAt;
        r.note = note;
        r.parentVersion = parentVersion;
        r.effectiveFrom = effectiveFrom;
        r.files = files;
        r.groups = groups;
        r.integrity = integrity;
        r.history = history;
        r.validation = validation;
        r.testsPassed = testsPassed;
        r.tests = tests;
        r.testedSha256 = testedSha256;
        r.publishedBy = publishedBy;
        r.publishedAt = publishedAt;
        r.publication = publication;
        r.retiredBy = retiredBy;
        r.retiredAt = retiredAt;
        return r;
    }

    static String id(String edition, int version) {
        return edition + "@" + version;
    }

    // ---- making one ----------------------------------------------------------------------------------------------

    /** A new DRAFT of uploaded sources (files with the manifest already naming this version). */
    static Ruleset draft(
            String edition,
            int version,
            Map<String, byte[]> files,
            String sha256,
            Seal sources,
            String author,
            String note,
            Integer parentVersion,
            Instant now) {
        Ruleset r = new Ruleset();
        r.id = id(edition, version);
        r.edition = edition;
        r.version = version;
        r.rev = 1L;
        r.status = RulesetStatus.DRAFT;
        r.sha256 = sha256;
        r.author = author;
        r.createdAt = now;
        r.note = note;
        r.parentVersion = parentVersion;
        r.files = Map.copyOf(files);
        r.integrity = sources;
        r.history = List.of(new Change(RulesetStatus.DRAFT, author, now));
        return r;
    }

    /** A pack shipped with the service, stored as version 1 PUBLISHED of its edition at first start. */
    static Ruleset builtIn(
            String edition,
            Map<String, byte[]> files,
            String sha256,
            LocalDate effectiveFrom,
            List<String> groups,
            Instant now) {
        Ruleset r = new Ruleset();
        r.id = id(edition, 1);
        r.edition = edition;
        r.version = 1;
        r.rev = 1L;
        r.status = RulesetStatus.PUBLISHED;
        r.sha256 = sha256;
        r.author = BUILT_IN;
        r.createdAt = now;
        r.note = "Built-in rule pack shipped with the service (rules/src/main/resources/editions/" + edition + ")";
        r.effectiveFrom = effectiveFrom;
        r.groups = List.copyOf(groups);
        r.files = Map.copyOf(files);
        r.testsPassed = true;
        r.history = List.of(new Change(RulesetStatus.PUBLISHED, BUILT_IN, now));
        return r;
    }

    /** As stored; only {@link RulesetStore} calls this. */
    static Ruleset stored(
            String id,
            String edition,
            int version,
            long rev,
            RulesetStatus status,
            String sha256,
            String author,
            Instant createdAt,
            String note,
            Integer parentVersion,
            LocalDate effectiveFrom,
            Map<String, byte[]> files,
            List<String> groups,
            Seal integrity,
            List<Change> history,
            RulesetReports.Validation validation,
            Boolean testsPassed,
            RulesetReports.Tests tests,
            String testedSha256,
            String publishedBy,
            Instant publishedAt,
            Publication publication,
            String retiredBy,
            Instant retiredAt) {
        Ruleset r = new Ruleset();
        r.id = id;
        r.edition = edition;
        r.version = version;
        r.rev = rev;
        r.status = Objects.requireNonNull(status, "status");
        r.sha256 = sha256;
        r.author = author;
        r.createdAt = createdAt;
        r.note = note;
        r.parentVersion = parentVersion;
        r.effectiveFrom = effectiveFrom;
        r.files = files;
        r.groups = groups;
        r.integrity = integrity;
        r.history = history == null ? List.of() : history;
        r.validation = validation;
        r.testsPassed = testsPassed;
        r.tests = tests;
        r.testedSha256 = testedSha256;
        r.publishedBy = publishedBy;
        r.publishedAt = publishedAt;
        r.publication = publication;
        r.retiredBy = retiredBy;
        r.retiredAt = retiredAt;
        return r;
    }

    // ---- the lifecycle -------------------------------------------------------------------------------------------

    /** Refuses unless the version can be validated (DRAFT or VALIDATED): 409 RULESET_NOT_DRAFT. */
    void checkValidatable() {
        if (!status.isDraft()) {
            throw new RulesetRefused(
                    Kind.CONFLICT, "RULESET_NOT_DRAFT", "Only a draft can be validated; this version is " + status);
        }
    }

    /**
     * The version after a validation: VALIDATED when it passed (with its compiled groups and their seals), DRAFT when
     * not; earlier test results are forgotten either way.
     */
    Ruleset validated(
            RulesetReports.Validation report,
            List<String> compiledGroups,
            List<KjarSeal> kjarSeals,
            String user,
            Instant now) {
        checkValidatable();
        Ruleset r = copy();
        r.status = report.passed() ? RulesetStatus.VALIDATED : RulesetStatus.DRAFT;
        r.validation = report;
        r.testsPassed = null;
        r.tests = null;
        if (report.passed()) {
            r.groups = List.copyOf(compiledGroups);
            r.integrity = new Seal(
                    integrity == null ? null : integrity.keyId(),
                    integrity == null ? null : integrity.sourcesMac(),
                    List.copyOf(kjarSeals));
        }
        if (r.status != status) r.history = append(new Change(r.status, user, now));
        return r;
    }

    /** Refuses unless the version is compiled (anything but DRAFT): 409 RULESET_NOT_VALIDATED. */
    void checkTestable() {
        if (!status.isCompiled()) {
            throw new RulesetRefused(
                    Kind.CONFLICT, "RULESET_NOT_VALIDATED", "Validate the draft first (POST …/validate)");
        }
    }

    /** Only a VALIDATED version keeps its test results (they decide whether it may be published). */
    boolean keepsTestResults() {
        return status == RulesetStatus.VALIDATED;
    }

    /** The version with a test run recorded against its current sources. */
    Ruleset tested(RulesetReports.Tests stored) {
        checkTestable();
        if (!keepsTestResults())
            throw new IllegalStateException("only a VALIDATED version records tests; " + id + " is " + status);
        Ruleset r = copy();
        r.testsPassed = stored.passed();
        r.tests = stored;
        r.testedSha256 = sha256;
        return r;
    }

    /** Simulation needs a compiled version, as tests do. */
    void checkSimulatable() {
        checkTestable();
    }

    /**
     * Refuses a publication its state does not allow: not VALIDATED (409 RULESET_NOT_VALIDATED), tests not passed on
     * these very sources (422 RULESET_TESTS_NOT_PASSED), or, with four eyes, published by its own author (403
     * RULESET_FOUR_EYES).
     */
    void checkPublishable(String user, boolean fourEyes) {
        if (status != RulesetStatus.VALIDATED) {
            throw new RulesetRefused(
                    Kind.CONFLICT,
                    "RULESET_NOT_VALIDATED",
                    "Only a VALIDATED version can be published; this one is " + status);
        }
        if (!Boolean.TRUE.equals(testsPassed) || !Objects.equals(sha256, testedSha256)) {
            throw new RulesetRefused(
                    Kind.PRECONDITION,
                    "RULESET_TESTS_NOT_PASSED",
                    "Run the tests (POST …/test) and make them pass first");
        }
        if (fourEyes && Objects.equals(user, author)) {
            throw new RulesetRefused(
                    Kind.FORBIDDEN,
                    "RULESET_FOUR_EYES",
                    "Nguyên tắc bốn mắt: người soạn bản nháp (" + user
                            + ") không được tự công bố; một cán bộ chính sách khác phải công bố.");
        }
    }

    /** The version PUBLISHED from {@code effectiveFrom}, with its publication record. */
    Ruleset published(LocalDate from, Publication p) {
        checkPublishable(p.by(), p.fourEyes());
        Ruleset r = copy();
        r.status = RulesetStatus.PUBLISHED;
        r.effectiveFrom = Objects.requireNonNull(from, "effectiveFrom");
        r.publishedBy = p.by();
        r.publishedAt = p.at();
        r.publication = p;
        r.history = append(new Change(RulesetStatus.PUBLISHED, p.by(), p.at()));
        return r;
    }

    /** Refuses unless still a draft (DRAFT or VALIDATED): published and retired versions stay, 409 RULESET_NOT_DELETABLE. */
    void checkDeletable() {
        if (!status.isDraft()) {
            throw new RulesetRefused(
                    Kind.CONFLICT,
                    "RULESET_NOT_DELETABLE",
                    "Chỉ xoá được bản nháp; phiên bản này đang " + status
                            + " và được giữ lại để đối chiếu kết quả đã chấm.");
        }
    }

    /**
     * The version RETIRED by a rollback; refused unless PUBLISHED (409 RULESET_NOT_PUBLISHED) and unless another version of
     * the edition stays published (409 RULESET_LAST_VERSION).
     */
    Ruleset retired(long otherPublishedVersions, String user, Instant now) {
        if (status != RulesetStatus.PUBLISHED) {
            throw new RulesetRefused(
                    Kind.CONFLICT,
                    "RULESET_NOT_PUBLISHED",
                    "Only a PUBLISHED version can be rolled back; this one is " + status);
        }
        if (otherPublishedVersions == 0) {
            throw new RulesetRefused(
                    Kind.CONFLICT,
                    "RULESET_LAST_VERSION",
                    "This is the edition's only published version; publish another one first");
        }
        Ruleset r = copy();
        r.status = RulesetStatus.RETIRED;
        r.retiredBy = user;
        r.retiredAt = now;
        r.history = append(new Change(RulesetStatus.RETIRED, user, now));
        return r;
    }

    private List<Change> append(Change c) {
        List<Change> h = new ArrayList<>(history);
        h.add(c);
        return List.copyOf(h);
    }

    /** Shipped with the service: loads from the jar, scenarios run in this JVM, never sealed with the key. */
    boolean isBuiltIn() {
        return BUILT_IN.equals(author);
    }

    /** True when read with its files (a header of the list has none, and cannot be changed). */
    boolean hasFiles() {
        return files != null;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String edition() {
        return edition;
    }

    public int version() {
        return version;
    }

    public long rev() {
        return rev;
    }

    public RulesetStatus status() {
        return status;
    }

    public String sha256() {
        return sha256;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String note() {
        return note;
    }

    public Integer parentVersion() {
        return parentVersion;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public List<Change> history() {
        return history;
    }

    public Boolean testsPassed() {
        return testsPassed;
    }
    /** The pack's files by path; empty for a header read without them. */
    Map<String, byte[]> files() {
        return files == null ? Map.of() : files;
    }

    List<String> groups() {
        return groups;
    }

    Seal integrity() {
        return integrity;
    }

    RulesetReports.Validation validation() {
        return validation;
    }

    RulesetReports.Tests tests() {
        return tests;
    }

    String testedSha256() {
        return testedSha256;
    }

    String publishedBy() {
        return publishedBy;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Publication publication() {
        return publication;
    }

    String retiredBy() {
        return retiredBy;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    @Override
    public String toString() {
        return id + " " + status + " rev " + rev;
    }
}
