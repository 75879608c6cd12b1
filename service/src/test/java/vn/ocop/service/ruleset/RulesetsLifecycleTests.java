package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.rules.api.CompileReport;
import vn.ocop.rules.api.PackCompiler;
import vn.ocop.rules.api.PackSources;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.rules.api.RulePlatform;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.web.ApiException;

/**
 * The lifecycle through {@link Rulesets} on a real {@link RulesetStore} over an in-memory store (the embedded server's
 * H2 backend), with the compiler, the sandbox and the registry stubbed: what each step stores, field for field as it
 * always has been, the seals that verify after it, compare-and-set on the revision, and a record written by the
 * earlier code read and moved on without losing a field.
 */
class RulesetsLifecycleTests {
    static final String EDITION = "ocop-2023";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    RulesetStore store;
    RulesetSeals seals = new RulesetSeals(IntegrityKey.of(new byte[32]));
    RulesetRegistry registry = mock(RulesetRegistry.class);
    PackCompiler compiler = mock(PackCompiler.class);
    RuleSandbox sandbox = mock(RuleSandbox.class);
    RuleSandbox.Session session = mock(RuleSandbox.Session.class);
    PackVersion compiled = mock(PackVersion.class);
    Rulesets rulesets;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString()); // loopback, a free port
        mongo = new MongoTemplate(client, "rulesets-test");
        store = new RulesetStore(mongo);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        Map<String, byte[]> v1 =
                Map.of(PackSources.MANIFEST, "id: ocop-2023\nversion: \"1\"\n".getBytes(StandardCharsets.UTF_8));
        store.insert(Ruleset.builtIn(
                EDITION,
                v1,
                RulePlatform.get().pack(EDITION, v1).sha256(),
                LocalDate.of(2023, 1, 1),
                List.of("FOOD"),
                java.time.Instant.now()));
        when(registry.inForce(eq(EDITION), any())).thenReturn(Optional.empty());
        when(registry.integrity(anyString())).thenReturn(Optional.empty());
        when(compiled.kjars()).thenReturn(Map.of("FOOD", "kjar bytes".getBytes(StandardCharsets.UTF_8)));
        when(compiler.compile(any(), eq(EDITION))).thenReturn(new CompileReport(compiled, List.of(), List.of()));
        when(registry.verifiedKjars(any())).thenReturn(Map.of("FOOD", new byte[1]));
        when(sandbox.open(anyString(), any(), any())).thenReturn(session);
        when(session.scenarios(any()))
                .thenReturn(new SandboxMessages.ScenarioReport(
                        List.of(new SandboxMessages.Outcome("scenarios/food/a.yaml", "a", true, List.of())),
                        Map.of("FOOD", List.of())));
        RulesetDrafts drafts = new RulesetDrafts(store, registry, seals);
        rulesets = new Rulesets(
                store, registry, compiler, mock(Simulation.class), mock(Jobs.class), seals, sandbox, drafts, true);
    }

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
        client.close();
        server.shutdownNow();
    }

    MongoCollection<Document> raw() {
        return mongo.getCollection(RulesetStore.RULESETS);
    }

    Ruleset upload(String path, String text) {
        return rulesets.createDraft(
                new RulesetDrafts.Upload(EDITION, 1, "4 sao từ 75 điểm", Map.of(path, text), null, null), "policy");
    }

    @Test
    void aDraftGoesThroughEveryStepAndIsStoredAsItAlwaysWas() {
        Ruleset draft = upload("stars/thresholds.csv", "Quy tắc,Số sao\n");
        assertThat(draft.id()).isEqualTo(EDITION + "@2");
        Document d = raw().find(new Document("_id", draft.id())).first();
        assertThat(d.getString("status")).isEqualTo("DRAFT");
        assertThat(d.get("rev")).isEqualTo(1L);
        assertThat(d.getInteger("parentVersion")).isEqualTo(1);
        assertThat(d.containsKey("effectiveFrom"))
                .as("written as null, as always")
                .isTrue();
        assertThat(d.get("createdAt")).isInstanceOf(Date.class);
        assertThat(d.getList("files", Document.class)).anySatisfy(f -> {
            assertThat(f.getString("path")).isEqualTo("stars/thresholds.csv");
            assertThat(f.getString("text")).isEqualTo("Quy tắc,Số sao\n");
        });
        assertThat(new String(draft.files().get(PackSources.MANIFEST), StandardCharsets.UTF_8))
                .contains("version: \"2\"");
        assertThat(draft.sha256())
                .isEqualTo(RulePlatform.get().pack(EDITION, draft.files()).sha256());
        assertThat(d.get("integrity", Document.class).getString("sourcesMac")).isNotBlank();
        assertThat(seals.checkSources(store.find(draft.id())))
                .as("the sources verify")
                .isNull();

        Rulesets.Validated validated = rulesets.validate(draft.id(), "policy");
        assertThat(validated.status()).isEqualTo(RulesetStatus.VALIDATED);
        d = raw().find(new Document("_id", draft.id())).first();
        assertThat(d.get("rev")).isEqualTo(2L);
        assertThat(d.getList("groups", String.class)).containsExactly("FOOD");
        assertThat(d.get("validation", Document.class).getBoolean("passed")).isTrue();
        assertThat(d.get("validation", Document.class).getString("by")).isEqualTo("policy");
        Ruleset stored = store.find(draft.id());
        assertThat(seals.checkKjars(stored, compiled.kjars()))
                .as("the kjars' seals verify")
                .isNull();
        assertThat(store.kjars(draft.id(), List.of("FOOD"))).containsKey("FOOD");

        RulesetReports.Tests tests = rulesets.test(draft.id(), "policy");
        assertThat(tests.passed()).isTrue();
        assertThat(tests.total()).isEqualTo(1);
        d = raw().find(new Document("_id", draft.id())).first();
        assertThat(d.getBoolean("testsPassed")).isTrue();
        assertThat(d.getString("testedSha256")).isEqualTo(draft.sha256());

        LocalDate today = LocalDate.now(RulesetRegistry.VIETNAM);
        RulesetTests.assertRefused(
                () -> rulesets.publish(draft.id(), today, false, null, "policy"),
                "RULESET_FOUR_EYES",
                RulesetRefused.Kind.FORBIDDEN);
        Ruleset published = rulesets.publish(draft.id(), today, false, null, "policy2");
        assertThat(published.status()).isEqualTo(RulesetStatus.PUBLISHED);
        d = raw().find(new Document("_id", draft.id())).first();
        assertThat(d.getString("effectiveFrom")).isEqualTo(today.toString());
        assertThat(d.getString("publishedBy")).isEqualTo("policy2");
        assertThat(d.get("publication", Document.class).getBoolean("fourEyes")).isTrue();
        assertThat(d.get("publication", Document.class).getString("author")).isEqualTo("policy");
        verify(registry, atLeastOnce()).refresh();

        when(registry.published()).thenReturn(Map.of(EDITION, List.of(version(1), version(2))));
        Ruleset retired = rulesets.rollback(draft.id(), "policy");
        assertThat(retired.status()).isEqualTo(RulesetStatus.RETIRED);
        d = raw().find(new Document("_id", draft.id())).first();
        assertThat(d.getList("history", Document.class))
                .extracting(h -> h.getString("status"))
                .containsExactly("DRAFT", "VALIDATED", "PUBLISHED", "RETIRED");
        assertThat(d.get("rev")).isEqualTo(5L);
        RulesetTests.assertRefused(
                () -> rulesets.delete(draft.id(), "policy"), "RULESET_NOT_DELETABLE", RulesetRefused.Kind.CONFLICT);
        RulesetTests.assertRefused(
                () -> rulesets.validate(draft.id(), "policy"), "RULESET_NOT_DRAFT", RulesetRefused.Kind.CONFLICT);
    }

    static RulesetRegistry.Version version(int v) {
        return new RulesetRegistry.Version(EDITION + "@" + v, EDITION, v, LocalDate.of(2023, 1, 1), "sha" + v, null);
    }

    @Test
    void aStepOnAVersionThatChangedMeanwhileIsAConflict() {
        Ruleset draft = upload("gates/a.drl", "package x;\n");
        Ruleset before = store.find(draft.id());
        rulesets.validate(draft.id(), "policy");
        Ruleset stale = before.validated(RulesetTests.FAILED, List.of(), List.of(), "policy", java.time.Instant.now());
        assertThat(store.save(before, stale)).as("revision 1 is gone").isNull();
        assertThat(store.find(draft.id()).status()).isEqualTo(RulesetStatus.VALIDATED);
    }

    @Test
    void aDeletedDraftTakesItsKjarsWithIt() {
        Ruleset draft = upload("gates/a.drl", "package x;\n");
        rulesets.validate(draft.id(), "policy");
        rulesets.delete(draft.id(), "policy");
        assertThat(store.find(draft.id())).isNull();
        assertThat(store.kjars(draft.id(), List.of("FOOD"))).isNull();
        ApiException gone =
                org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> rulesets.require(draft.id()));
        assertThat(gone.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aRecordWrittenByTheEarlierCodeIsReadVerifiedAndMovedOnWithoutLosingAField() {
        // exactly the document the lifecycle wrote before the aggregate (a published, backdated version)
        Map<String, byte[]> files = new TreeMap<>(
                Map.of(PackSources.MANIFEST, "id: ocop-2023\nversion: \"3\"\n".getBytes(StandardCharsets.UTF_8)));
        String sha = RulePlatform.get().pack(EDITION, files).sha256();
        String id = EDITION + "@3";
        Ruleset.Seal sources = seals.sealSources(id, sha);
        Date at = new Date(1_767_225_600_000L);
        Document old = new Document("_id", id)
                .append("edition", EDITION)
                .append("version", 3)
                .append("rev", 4L)
                .append("status", "PUBLISHED")
                .append("sha256", sha)
                .append("author", "policy")
                .append("createdAt", at)
                .append("note", null)
                .append("parentVersion", 1)
                .append("effectiveFrom", "2026-01-01")
                .append(
                        "files",
                        List.of(new Document("path", PackSources.MANIFEST)
                                .append("text", "id: ocop-2023\nversion: \"3\"\n")))
                .append(
                        "integrity",
                        new Document("keyId", sources.keyId())
                                .append("sourcesMac", sources.sourcesMac())
                                .append("kjars", List.of()))
                .append(
                        "history",
                        List.of(
                                new Document("status", "DRAFT")
                                        .append("by", "policy")
                                        .append("at", at),
                                new Document("status", "VALIDATED")
                                        .append("by", "policy")
                                        .append("at", at),
                                new Document("status", "PUBLISHED")
                                        .append("by", "policy2")
                                        .append("at", at)))
                .append(
                        "validation",
                        new Document("passed", true)
                                .append("errors", List.of())
                                .append("warnings", List.of())
                                .append("at", at)
                                .append("by", "policy"))
                .append("testsPassed", true)
                .append(
                        "tests",
                        new Document("passed", true)
                                .append("total", 12)
                                .append("failed", 0)
                                .append("scenarios", List.of())
                                .append("unfiredRules", new Document("FOOD", List.of("r1")))
                                .append("by", "policy")
                                .append("at", at))
                .append("testedSha256", sha)
                .append("groups", List.of("FOOD"))
                .append("publishedBy", "policy2")
                .append("publishedAt", at)
                .append(
                        "publication",
                        new Document("by", "policy2")
                                .append("at", at)
                                .append("fourEyes", true)
                                .append("author", "policy")
                                .append(
                                        "backdated",
                                        new Document("effectiveFrom", "2026-01-01")
                                                .append("confirmedOn", "2026-02-01")
                                                .append("reason", "Sửa lỗi")
                                                .append("simulationJob", "/api/v1/jobs/j1")))
                .append("legacyField", "kept");
        raw().insertOne(old);

        Ruleset r = store.find(id);
        assertThat(r.status()).isEqualTo(RulesetStatus.PUBLISHED);
        assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(r.createdAt()).isEqualTo(at.toInstant());
        assertThat(r.tests().unfiredRules()).containsEntry("FOOD", List.of("r1"));
        assertThat(r.publication().backdated().reason()).isEqualTo("Sửa lỗi");
        assertThat(r.files()).containsOnlyKeys(PackSources.MANIFEST);
        assertThat(r.files().get(PackSources.MANIFEST)).isEqualTo(files.get(PackSources.MANIFEST));
        assertThat(seals.checkSources(r)).as("an old record verifies as before").isNull();
        assertThat(RulePlatform.get().pack(EDITION, r.files()).sha256())
                .as("its hash is unchanged")
                .isEqualTo(sha);

        when(registry.published()).thenReturn(Map.of(EDITION, List.of(version(1), version(3))));
        rulesets.rollback(id, "policy3");
        Document after = raw().find(new Document("_id", id)).first();
        assertThat(after.getString("status")).isEqualTo("RETIRED");
        assertThat(after.getString("retiredBy")).isEqualTo("policy3");
        assertThat(after.get("rev")).isEqualTo(5L);
        Document unchanged = new Document(old);
        for (String k : List.of("status", "rev", "history", "retiredBy", "retiredAt")) {
            unchanged.remove(k);
        }
        unchanged.forEach((k, v) -> assertThat(after.get(k))
                .as(k + " is written only when a step changes it")
                .isEqualTo(v));
    }
}
