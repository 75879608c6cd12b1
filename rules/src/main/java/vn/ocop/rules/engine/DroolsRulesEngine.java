package vn.ocop.rules.engine;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.SheetInfo;

/**
 * The engine the service calls: the active compiled pack per edition id. Thread-safe: packs are
 * immutable, sessions come from each KieBase's pool, and {@link #install} swaps a pack atomically.
 */
public final class DroolsRulesEngine implements RulesEngine {
    private final ConcurrentMap<String, CompiledRulePack> active = new ConcurrentHashMap<>();

    public DroolsRulesEngine(Collection<CompiledRulePack> packs) {
        packs.forEach(this::install);
    }

    /** The built-in editions, loaded from the kjars compiled at build time and warmed. */
    public static DroolsRulesEngine fromBuiltInPacks() {
        return new DroolsRulesEngine(BuiltInEditions.loadAll());
    }

    /** Warms the pack, then makes it the one {@link #evaluate} uses for its edition (replacing any other version). */
    public void install(CompiledRulePack pack) {
        pack.warm();
        active.put(pack.editionId(), pack);
    }

    public Optional<CompiledRulePack> pack(String edition) {
        return edition == null ? Optional.empty() : Optional.ofNullable(active.get(Text.nfc(edition)));
    }

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
        Optional<CompiledRulePack> pack = request == null ? Optional.empty() : pack(request.edition());
        if (pack.isEmpty()) {
            return PackEvaluation.invalid(
                    null,
                    request == null ? null : request.sheet(),
                    List.of(Findings.unknownEdition(request == null ? null : request.edition())));
        }
        return pack.get().evaluate(request);
    }

    @Override
    public List<EditionInfo> editions() {
        return active.values().stream()
                .map(CompiledRulePack::info)
                .sorted(Comparator.comparing(EditionInfo::id))
                .toList();
    }

    @Override
    public Optional<EditionInfo> edition(String id) {
        return pack(id).map(CompiledRulePack::info);
    }

    @Override
    public Optional<SheetInfo> sheet(String edition, String sheet) {
        return pack(edition).flatMap(p -> p.sheet(Text.nfc(sheet)));
    }

    /**
     * The national edition (one that extends none) in force on the date, if any; during a transition (ocop-2023 runs
     * to 2026-07-20, ocop-2026 from 2026-05-22) the one that came into force last.
     */
    public Optional<EditionInfo> editionInForceOn(LocalDate date) {
        return editions().stream()
                .filter(e -> e.extendsEdition() == null && e.effectiveFrom() != null && e.inForceOn(date))
                .max(Comparator.comparing(EditionInfo::effectiveFrom));
    }
}
