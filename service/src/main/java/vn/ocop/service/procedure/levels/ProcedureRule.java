package vn.ocop.service.procedure.levels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One procedure (the levels in order) and the filing dates it applies to. */
public record ProcedureRule(
        String id, String name, String legalBasis, LocalDate appliesFrom, LocalDate appliesTo, List<LevelRule> levels) {
    public ProcedureRule {
        levels = List.copyOf(levels);
    }

    public boolean appliesOn(LocalDate d) {
        return !d.isBefore(appliesFrom) && (appliesTo == null || !d.isAfter(appliesTo));
    }

    /** The level a commune proposes to. */
    public Level firstLevel() {
        return levels.get(0).level();
    }

    public Optional<LevelRule> level(Level level) {
        return levels.stream().filter(l -> l.level() == level).findFirst();
    }

    /** The level whose result was sent up from {@code level}, i.e. the one before it. */
    public Optional<LevelRule> previous(Level level) {
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).level() == level) return Optional.of(levels.get(i - 1));
        }
        return Optional.empty();
    }
}
