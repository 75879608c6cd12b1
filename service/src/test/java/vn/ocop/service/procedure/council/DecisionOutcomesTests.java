package vn.ocop.service.procedure.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.service.procedure.council.Decisions.Outcome.BACK_TO_PROVINCE;
import static vn.ocop.service.procedure.council.Decisions.Outcome.FORWARDED;
import static vn.ocop.service.procedure.council.Decisions.Outcome.NOT_RECOGNISED;
import static vn.ocop.service.procedure.council.Decisions.Outcome.RECOGNISED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.levels.ProcedureRule;
import vn.ocop.service.procedure.levels.ProcedureRules;

/** Which decision each level may take on a result, from the procedure data (2026 two-level and 2023 three-level). */
class DecisionOutcomesTests {
    final ProcedureRules rules = new ProcedureRules();
    final ProcedureRule twoLevel = rules.byId("two-level-2025").orElseThrow();
    final ProcedureRule threeLevel = rules.byId("three-level-2023").orElseThrow();

    static CaseFile.Result result(Level level, String average, int stars) {
        return new CaseFile.Result(
                "r",
                level,
                1,
                LocalDate.of(2026, 6, 1),
                4,
                4,
                "e",
                "h",
                1,
                "VALID",
                new BigDecimal(average),
                stars,
                List.of(),
                true,
                false,
                "sec",
                null);
    }

    Object allowed(ProcedureRule p, Level level, State state, String average, int stars) {
        return Decisions.allowed(state, p.level(level).orElseThrow(), p, result(level, average, stars));
    }

    @Test
    void theProvinceRecognisesThreeAndFourStarsAndSendsNinetyUp() {
        assertThat(allowed(twoLevel, Level.PROVINCE, State.SCORED, "76", 4)).isEqualTo(java.util.Set.of(RECOGNISED));
        assertThat(allowed(twoLevel, Level.PROVINCE, State.SCORED, "50", 3)).isEqualTo(java.util.Set.of(RECOGNISED));
        assertThat(allowed(twoLevel, Level.PROVINCE, State.SCORED, "49.99", 2))
                .isEqualTo(java.util.Set.of(NOT_RECOGNISED));
        assertThat(allowed(twoLevel, Level.PROVINCE, State.SCORED, "90", 5)).isEqualTo(java.util.Set.of(FORWARDED));
    }

    @Test
    void theMinistryRecognisesFiveStarsOrSendsItBackAndTheProvinceMayRecogniseOnTheCentralResult() {
        assertThat(allowed(twoLevel, Level.CENTRAL, State.SCORED, "93", 5)).isEqualTo(java.util.Set.of(RECOGNISED));
        assertThat(allowed(twoLevel, Level.CENTRAL, State.SCORED, "85", 4))
                .isEqualTo(java.util.Set.of(BACK_TO_PROVINCE));
        assertThat(Decisions.allowed(
                        State.BACK_FROM_CENTRAL,
                        twoLevel.level(Level.PROVINCE).orElseThrow(),
                        twoLevel,
                        result(Level.CENTRAL, "85", 4)))
                .isEqualTo(java.util.Set.of(RECOGNISED, NOT_RECOGNISED));
        assertThat(Decisions.allowed(
                        State.BACK_FROM_CENTRAL,
                        twoLevel.level(Level.PROVINCE).orElseThrow(),
                        twoLevel,
                        result(Level.CENTRAL, "45", 2)))
                .isEqualTo(java.util.Set.of(NOT_RECOGNISED));
    }

    @Test
    void inTheThreeLevelProcedureTheDistrictRecognisesThreeStarsAndForwardsFromSeventy() {
        assertThat(allowed(threeLevel, Level.DISTRICT, State.SCORED, "65", 3)).isEqualTo(java.util.Set.of(RECOGNISED));
        assertThat(allowed(threeLevel, Level.DISTRICT, State.SCORED, "70", 4)).isEqualTo(java.util.Set.of(FORWARDED));
        assertThat(allowed(threeLevel, Level.PROVINCE, State.SCORED, "80", 4)).isEqualTo(java.util.Set.of(RECOGNISED));
        assertThat(allowed(threeLevel, Level.PROVINCE, State.SCORED, "92", 5)).isEqualTo(java.util.Set.of(FORWARDED));
    }
}
