package vn.ocop.rules.api;

import java.util.List;
import java.util.Optional;

/**
 * The evaluation engine: one thread-safe entry point for scoring, and the catalogue the forms are
 * drawn from. Implementations never throw for bad input: they answer INVALID with findings.
 */
public interface RulesEngine {

    EvaluationResult evaluate(EvaluationRequest request);

    List<EditionInfo> editions();

    Optional<EditionInfo> edition(String id);

    /** A sheet with its criteria and options. */
    Optional<SheetInfo> sheet(String edition, String sheet);
}
