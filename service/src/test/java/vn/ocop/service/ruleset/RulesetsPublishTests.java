package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.rules.api.PackCompiler;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.platform.web.AuditDetail;

/** Four eyes on and off, and what a publication records, on the service alone (its storage mocked). */
class RulesetsPublishTests {
    static final String ID = "ocop-2023@7";

    RulesetStore store = mock(RulesetStore.class);
    RulesetRegistry registry = mock(RulesetRegistry.class);
    MockHttpServletRequest request = new MockHttpServletRequest();

    @BeforeEach
    void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        Ruleset tested = RulesetTests.testedDraft(ID, "policy");
        when(store.find(ID)).thenReturn(tested);
        when(store.save(any(), any())).thenAnswer(i -> i.getArgument(1));
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
    }

    Rulesets rulesets(boolean fourEyes) {
        return new Rulesets(
                store,
                registry,
                mock(PackCompiler.class),
                mock(Simulation.class),
                mock(Jobs.class),
                mock(RulesetSeals.class),
                mock(RuleSandbox.class),
                mock(RulesetDrafts.class),
                fourEyes);
    }

    @Test
    void withFourEyesTheAuthorIsRefusedAndAnotherOfficerPublishes() {
        LocalDate today = LocalDate.now(RulesetRegistry.VIETNAM);
        assertThatThrownBy(() -> rulesets(true).publish(ID, today, false, null, "policy"))
                .isInstanceOfSatisfying(RulesetRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("RULESET_FOUR_EYES");
                    assertThat(e.kind()).isEqualTo(RulesetRefused.Kind.FORBIDDEN);
                });
        verify(store, never()).save(any(), any());

        Ruleset published = rulesets(true).publish(ID, today, false, null, "policy2");
        assertThat(published.status()).isEqualTo(RulesetStatus.PUBLISHED);
        assertThat(published.publication().by()).isEqualTo("policy2");
        assertThat(published.publication().fourEyes()).isTrue();
        Map<String, Object> audit = AuditDetail.of(request);
        assertThat(audit)
                .containsEntry("event", "RULESET_PUBLISHED")
                .containsEntry("fourEyes", true)
                .containsEntry("author", "policy");
    }

    @Test
    void withFourEyesOffTheAuthorPublishesAndTheAuditLogSaysSo() {
        Ruleset published = rulesets(false).publish(ID, LocalDate.now(RulesetRegistry.VIETNAM), false, null, "policy");
        assertThat(published.status()).isEqualTo(RulesetStatus.PUBLISHED);
        assertThat(AuditDetail.of(request))
                .containsEntry("event", "RULESET_PUBLISHED_WITHOUT_FOUR_EYES")
                .containsEntry("fourEyes", false);
    }

    @Test
    void aPastEffectiveFromWithoutConfirmationIsRefusedBeforeAnythingChanges() {
        LocalDate past = LocalDate.now(RulesetRegistry.VIETNAM).minusDays(30);
        assertThatThrownBy(() -> rulesets(true).publish(ID, past, true, "  ", "policy2"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RULESET_BACKDATED");
                    assertThat(e.errors())
                            .extracting(ApiException.FieldProblem::field)
                            .contains("simulationJob", "effectiveFrom");
                });
        verify(store, never()).save(any(), any());
    }

    @Test
    void aChangeMeanwhileIsAConflictNotAPublication() {
        when(store.save(any(), any())).thenReturn(null);
        assertThatThrownBy(() ->
                        rulesets(true).publish(ID, LocalDate.now(RulesetRegistry.VIETNAM), false, null, "policy2"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
        verify(registry, never()).refresh();
    }
}
