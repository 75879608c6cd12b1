package vn.ocop.service.procedure.levels;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one level's authority decides: the stars it recognises, the council average from which it forwards to
 * {@code next} (null: it forwards nothing), and the stars it may recognise on the next level's result.
 */
public record LevelRule(
        Level level,
        List<Integer> recognises,
        BigDecimal forwardsFrom,
        Level next,
        List<Integer> decidesOnReturn,
        String authority) {
    public LevelRule {
        recognises = List.copyOf(recognises);
        decidesOnReturn = List.copyOf(decidesOnReturn);
    }
}
