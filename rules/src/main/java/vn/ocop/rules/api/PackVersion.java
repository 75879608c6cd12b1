package vn.ocop.rules.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One version of an edition, compiled and loaded: its catalogue, and scoring. Immutable and thread-safe; an old
 * version still evaluates, to replay a stored result. Made by {@link RulePlatform#load} or the compiler.
 */
public interface PackVersion {
    String editionId();

    EditionInfo info();

    /** The files it was loaded from (resolved: a provincial pack holds its parent's files too). */
    PackSources pack();

    String sha256();

    /** Compiled kjar bytes per product group, to store beside the files. */
    Map<String, byte[]> kjars();

    /** Sheets whose files are present, in manifest order, with criteria. */
    Map<String, SheetInfo> sheets();

    Optional<SheetInfo> sheet(String id);

    /** Never throws for bad input: INVALID with findings. A rule limit reached throws {@link RuleLimitExceeded}. */
    EvaluationResult evaluate(EvaluationRequest request);

    /** As {@link #evaluate(EvaluationRequest)}, telling {@code firedRule} the name of every rule that fires. */
    EvaluationResult evaluate(EvaluationRequest request, Consumer<String> firedRule);

    /** Builds every sheet's KieBase and runs one evaluation on each (they are otherwise built on first use). */
    void warm();
}
