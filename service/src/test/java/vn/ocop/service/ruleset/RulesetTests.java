package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aggregate's state machine on its own: every legal step, and every illegal one refused with its stable code. */
class RulesetTests {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final RulesetReports.Validation PASSED =
            new RulesetReports.Validation(true, List.of(), List.of(), T0, "policy");
    static final RulesetReports.Validation FAILED = new RulesetReports.Validation(
            false,
            List.of(new RulesetReports.Problem("stars/thresholds.csv", 14, 1, "COMPILE_ERROR", "gaps")),
            List.of(),
            T0,
            "policy");

    static Ruleset draft(String id, String author) {
        String edition = id.substring(0, id.indexOf('@'));
        int version = Integer.parseInt(id.substring(id.indexOf('@') + 1));
        return Ruleset.draft(
                edition,
                version,
                Map.of("edition.yaml", "id: x\n".getBytes()),
                "sha-1",
                new Ruleset.Seal("key", "mac", null),
                author,
                "note",
                1,
                T0);
    }

    static Ruleset validatedDraft(String id, String author) {
        return draft(id, author)
                .validated(PASSED, List.of("FOOD"), List.of(new Ruleset.KjarSeal("FOOD", "k", "m")), author, T0);
    }

    static Ruleset testedDraft(String id, String author) {
        return validatedDraft(id, author).tested(passingTests().stored(author, T0));
    }

    static RulesetReports.Tests passingTests() {
        return RulesetReports.Tests.of(
                List.of(new RulesetReports.Outcome("a.yaml", "a", true, List.of())), Map.of(), true);
    }

    static Ruleset.Publication publication(String by) {
        return new Ruleset.Publication(by, T0, true, "policy", null);
    }

    static Ruleset inStatus(RulesetStatus status) {
        return switch (status) {
            case DRAFT -> draft("ocop-2023@2", "policy");
            case VALIDATED -> testedDraft("ocop-2023@2", "policy");
            case PUBLISHED ->
                testedDraft("ocop-2023@2", "policy").published(LocalDate.of(2026, 4, 1), publication("policy2"));
            case RETIRED -> inStatus(RulesetStatus.PUBLISHED).retired(1, "policy", T0);
        };
    }

    @Test
    void aDraftIsValidatedTestedPublishedAndRetiredWithWhoAndWhenInItsHistory() {
        Ruleset d = draft("ocop-2023@2", "policy");
        assertThat(d.status()).isEqualTo(RulesetStatus.DRAFT);
        Ruleset v = d.validated(PASSED, List.of("FOOD"), List.of(new Ruleset.KjarSeal("FOOD", "k", "m")), "policy", T0);
        assertThat(v.status()).isEqualTo(RulesetStatus.VALIDATED);
        assertThat(v.groups()).containsExactly("FOOD");
        assertThat(v.integrity().sourcesMac()).as("the sources' seal stays").isEqualTo("mac");
        assertThat(v.integrity().kjars()).hasSize(1);
        Ruleset t = v.tested(passingTests().stored("policy", T0));
        assertThat(t.testsPassed()).isTrue();
        assertThat(t.testedSha256()).isEqualTo(t.sha256());
        Ruleset p = t.published(LocalDate.of(2026, 4, 1), publication("policy2"));
        assertThat(p.status()).isEqualTo(RulesetStatus.PUBLISHED);
        assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(p.publishedBy()).isEqualTo("policy2");
        Ruleset r = p.retired(1, "policy3", T0.plusSeconds(60));
        assertThat(r.status()).isEqualTo(RulesetStatus.RETIRED);
        assertThat(r.history())
                .extracting(Ruleset.Change::status)
                .containsExactly(
                        RulesetStatus.DRAFT, RulesetStatus.VALIDATED, RulesetStatus.PUBLISHED, RulesetStatus.RETIRED);
        assertThat(r.history())
                .extracting(Ruleset.Change::by)
                .containsExactly("policy", "policy", "policy2", "policy3");
        assertThat(d.status())
                .as("a step never changes the version it started from")
                .isEqualTo(RulesetStatus.DRAFT);
    }

    @Test
    void aFailedValidationLeavesADraftAndForgetsEarlierTests() {
        Ruleset t = testedDraft("ocop-2023@2", "policy");
        Ruleset again = t.validated(FAILED, List.of(), List.of(), "policy", T0);
        assertThat(again.status()).isEqualTo(RulesetStatus.DRAFT);
        assertThat(again.testsPassed()).isNull();
        assertThat(again.tests()).isNull();
        assertThat(again.validation().errors())
                .extracting(RulesetReports.Problem::line)
                .containsExactly(14);
        assertThat(again.history())
                .extracting(Ruleset.Change::status)
                .endsWith(RulesetStatus.VALIDATED, RulesetStatus.DRAFT);
        Ruleset sameStatus = draft("ocop-2023@2", "policy").validated(FAILED, List.of(), List.of(), "policy", T0);
        assertThat(sameStatus.history())
                .as("no change of status, no history entry")
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = RulesetStatus.class,
            names = {"PUBLISHED", "RETIRED"})
    void onlyADraftIsValidatedOrDeleted(RulesetStatus status) {
        Ruleset r = inStatus(status);
        assertRefused(
                () -> r.validated(PASSED, List.of(), List.of(), "policy", T0),
                "RULESET_NOT_DRAFT",
                RulesetRefused.Kind.CONFLICT);
        assertRefused(r::checkDeletable, "RULESET_NOT_DELETABLE", RulesetRefused.Kind.CONFLICT);
    }

    @Test
    void aDraftNotYetValidatedCannotBeTestedSimulatedOrPublished() {
        Ruleset d = draft("ocop-2023@2", "policy");
        assertRefused(d::checkTestable, "RULESET_NOT_VALIDATED", RulesetRefused.Kind.CONFLICT);
        assertRefused(d::checkSimulatable, "RULESET_NOT_VALIDATED", RulesetRefused.Kind.CONFLICT);
        assertRefused(
                () -> d.published(LocalDate.of(2026, 4, 1), publication("policy2")),
                "RULESET_NOT_VALIDATED",
                RulesetRefused.Kind.CONFLICT);
        d.checkDeletable();
    }

    @Test
    void publishingNeedsPassedTestsOfTheseVerySources() {
        Ruleset untested = validatedDraft("ocop-2023@2", "policy");
        assertRefused(
                () -> untested.published(LocalDate.of(2026, 4, 1), publication("policy2")),
                "RULESET_TESTS_NOT_PASSED",
                RulesetRefused.Kind.PRECONDITION);
        RulesetReports.Tests failing = RulesetReports.Tests.of(
                List.of(new RulesetReports.Outcome("a.yaml", "a", false, List.of("stars: 4 ≠ 3"))), Map.of(), false);
        Ruleset failed = untested.tested(failing.stored("policy", T0));
        assertThat(failed.tests().scenarios())
                .as("the stored run keeps its failures")
                .hasSize(1);
        assertRefused(
                () -> failed.published(LocalDate.of(2026, 4, 1), publication("policy2")),
                "RULESET_TESTS_NOT_PASSED",
                RulesetRefused.Kind.PRECONDITION);
    }

    @Test
    void fourEyesRefuseTheAuthorUnlessSwitchedOff() {
        Ruleset t = testedDraft("ocop-2023@2", "policy");
        assertRefused(() -> t.checkPublishable("policy", true), "RULESET_FOUR_EYES", RulesetRefused.Kind.FORBIDDEN);
        t.checkPublishable("policy", false);
        t.checkPublishable("policy2", true);
        Ruleset p = t.published(LocalDate.of(2026, 4, 1), new Ruleset.Publication("policy", T0, false, "policy", null));
        assertThat(p.publication().fourEyes()).isFalse();
    }

    @Test
    void onlyAPublishedVersionIsRolledBackAndNeverTheEditionsLast() {
        assertRefused(
                () -> inStatus(RulesetStatus.VALIDATED).retired(1, "policy", T0),
                "RULESET_NOT_PUBLISHED",
                RulesetRefused.Kind.CONFLICT);
        assertRefused(
                () -> inStatus(RulesetStatus.RETIRED).retired(1, "policy", T0),
                "RULESET_NOT_PUBLISHED",
                RulesetRefused.Kind.CONFLICT);
        assertRefused(
                () -> inStatus(RulesetStatus.PUBLISHED).retired(0, "policy", T0),
                "RULESET_LAST_VERSION",
                RulesetRefused.Kind.CONFLICT);
    }

    @Test
    void testsOfAPublishedOrRetiredVersionRunButAreNotKept() {
        for (RulesetStatus s : List.of(RulesetStatus.PUBLISHED, RulesetStatus.RETIRED)) {
            Ruleset r = inStatus(s);
            r.checkTestable();
            assertThat(r.keepsTestResults()).isFalse();
            assertThatThrownBy(() -> r.tested(passingTests())).isInstanceOf(IllegalStateException.class);
        }
        assertThat(inStatus(RulesetStatus.VALIDATED).keepsTestResults()).isTrue();
    }

    @Test
    void theStoredTestRunKeepsOnlyFailuresAndSaysWhoRanIt() {
        List<RulesetReports.Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) outcomes.add(new RulesetReports.Outcome("f" + i, "n" + i, false, List.of()));
        outcomes.add(new RulesetReports.Outcome("ok", "ok", true, List.of()));
        RulesetReports.Tests run = RulesetReports.Tests.of(outcomes, Map.of(), false);
        assertThat(run.total()).isEqualTo(251);
        assertThat(run.failed()).isEqualTo(250);
        RulesetReports.Tests stored = run.stored("policy", T0);
        assertThat(stored.scenarios())
                .hasSize(RulesetReports.Tests.STORED_FAILURES)
                .noneMatch(RulesetReports.Outcome::passed);
        assertThat(stored.total()).isEqualTo(251);
        assertThat(stored.by()).isEqualTo("policy");
    }

    static void assertRefused(Runnable step, String code, RulesetRefused.Kind kind) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(RulesetRefused.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
