package vn.ocop.service.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.Finding;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.service.catalogue.Catalogue;
import vn.ocop.service.ruleset.RulesetRegistry;

/** Runs the rules engine (the ruleset registry: the version in force on the evaluation date) and records the metrics: timer ocop.evaluations, counters ocop.stars.awarded and ocop.findings. */
@Service
class Scoring {
    private final RulesEngine engine;
    private final Catalogue catalogue;
    private final MeterRegistry registry;
    private final TransitionDeadlines transition;

    Scoring(RulesEngine engine, Catalogue catalogue, MeterRegistry registry, TransitionDeadlines transition) {
        this.engine = engine;
        this.catalogue = catalogue;
        this.registry = registry;
        this.transition = transition;
    }

    /**
     * Findings the service adds to the engine's: TRANSITION_DEADLINE_PASSED when the result's edition (or the national
     * edition a provincial one builds on) is kept in force for a transition whose deadline for this kind has passed.
     */
    List<vn.ocop.api.model.Finding> serviceFindings(
            EvaluationResult result, EvaluationKind kind, LocalDate evaluationDate) {
        if (result.edition() == null) return List.of();
        String parent = catalogue
                .edition(result.edition())
                .map(EditionInfo::extendsEdition)
                .orElse(null);
        List<vn.ocop.api.model.Finding> out = transition.check(result.edition(), parent, kind, evaluationDate).stream()
                .toList();
        out.forEach(f -> registry.counter("ocop.findings", "code", f.getCode()).increment());
        return out;
    }

    /** The same for a replay, on the recorded pack's edition: no metrics, nothing looked up in today's catalogue. */
    List<vn.ocop.api.model.Finding> serviceFindings(
            EditionInfo edition, EvaluationKind kind, LocalDate evaluationDate) {
        return transition.check(edition.id(), edition.extendsEdition(), kind, evaluationDate).stream()
                .toList();
    }

    /** Scores with the edition's ruleset version in force today (Vietnam time). */
    EvaluationResult score(EvaluationRequest request) {
        return score(request, LocalDate.now(RulesetRegistry.VIETNAM));
    }

    /** Scores with the edition's ruleset version in force on {@code date}; the result names that version and its hash. */
    EvaluationResult score(EvaluationRequest request, LocalDate date) {
        long start = System.nanoTime();
        EvaluationResult result = engine instanceof RulesetRegistry registry
                ? registry.evaluate(request, date)
                : engine.evaluate(request);
        // tag values come from the catalogue, never from the request, so their number stays bounded
        boolean known = catalogue.edition(result.edition()).isPresent();
        String edition = known ? result.edition() : "unknown";
        String group = known ? catalogue.groupOf(result.edition(), result.sheet()) : "unknown";
        Timer.builder("ocop.evaluations")
                .description("Rules engine evaluations")
                .tag("edition", edition)
                .tag("group", group)
                .tag(
                        "outcome",
                        result.status() == null ? "unknown" : result.status().name())
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (result.stars() != null) {
            registry.counter("ocop.stars.awarded", "stars", String.valueOf(result.stars()))
                    .increment();
        }
        for (Finding f : result.findings()) {
            registry.counter("ocop.findings", "code", f.code() == null ? "unknown" : f.code())
                    .increment();
        }
        return result;
    }
}
