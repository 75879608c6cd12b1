package vn.ocop.service.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.calendar.WorkingDays;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Move;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.council.Quorum;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.levels.ProcedureRule;
import vn.ocop.service.procedure.levels.ProcedureRules;
import vn.ocop.service.procedure.rounds.Round;

/** The state machine against an in-memory store, the procedure data, working days and the quorum, without Spring. */
class ProcedureRulesTests {
    final InMemoryVersionedStore<CaseFile> store = new InMemoryVersionedStore<>(CaseFile.class);
    final ProcedureRules rules = new ProcedureRules();

    CaseFile stored(State state) {
        CaseFile f = new CaseFile();
        f.id = "d-" + state;
        f.state = state;
        store.insert(f);
        return store.find(f.id).orElseThrow();
    }

    @Test
    void onlyTheListedMovesAreAllowedAndEachIsRecorded() {
        CaseFile f = stored(State.REGISTERED);
        f.apply(Move.FILE, "producer-dt", Instant.parse("2026-06-01T02:00:00Z"), null);
        assertThat(f.state).isEqualTo(State.FILED);
        assertThat(f.history).singleElement().satisfies(h -> {
            assertThat(h.by()).isEqualTo("producer-dt");
            assertThat(h.from()).isEqualTo(State.REGISTERED);
            assertThat(h.to()).isEqualTo(State.FILED);
        });
        assertThatThrownBy(() -> f.apply(Move.ACCEPT, "ocop", Instant.now(), null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("WRONG_STATE"));
        assertThat(f.state).isEqualTo(State.FILED);
        for (State s : List.of(State.WITHDRAWN, State.RETURNED, State.FILED, State.PROPOSED, State.RECOGNISED)) {
            assertThat(s.scorable()).as(s.name()).isFalse();
        }
        assertThat(Move.WITHDRAW.allowedFrom(State.SCORING))
                .as("no withdrawal once scoring began")
                .isFalse();
    }

    @Test
    void aMoveIsACompareAndSetOnTheVersion() {
        CaseFile first = stored(State.FILED);
        CaseFile second = store.find(first.id).orElseThrow();
        first.apply(Move.PROPOSE, "commune", Instant.now(), null);
        assertThat(store.replace(first)).isTrue();
        second.apply(Move.RETURN_BY_COMMUNE, "commune", Instant.now(), "thiếu giấy tờ");
        assertThat(store.replace(second)).as("the stale copy loses").isFalse();
        assertThat(store.find(first.id).orElseThrow().state).isEqualTo(State.PROPOSED);
        assertThat(store.find(first.id).orElseThrow().version).isEqualTo(2);
    }

    @Test
    void roundDefaultsFollowArticleFive() {
        assertThat(rules.defaultDates(Level.PROVINCE, 2026, 1).orElseThrow())
                .isEqualTo(new ProcedureRules.RoundDates(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 30)));
        assertThat(rules.defaultDates(Level.PROVINCE, 2026, 2).orElseThrow())
                .isEqualTo(new ProcedureRules.RoundDates(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 12, 30)));
        assertThat(rules.defaultDates(Level.CENTRAL, 2026, 1).orElseThrow())
                .isEqualTo(new ProcedureRules.RoundDates(LocalDate.of(2026, 7, 30), LocalDate.of(2026, 9, 30)));
        assertThat(rules.defaultDates(Level.CENTRAL, 2026, 2).orElseThrow())
                .isEqualTo(new ProcedureRules.RoundDates(LocalDate.of(2027, 1, 30), LocalDate.of(2027, 3, 30)));
        assertThat(rules.defaultDates(Level.PROVINCE, 2026, 3))
                .as("extra rounds name their dates")
                .isEmpty();
    }

    @Test
    void theProcedureComesFromTheFilingDate() {
        ProcedureRule now = rules.forFilingDate(LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(now.id()).isEqualTo("two-level-2025");
        assertThat(now.firstLevel()).isEqualTo(Level.PROVINCE);
        assertThat(now.level(Level.PROVINCE).orElseThrow().forwardsFrom()).isEqualByComparingTo("90");
        ProcedureRule before = rules.forFilingDate(LocalDate.of(2025, 6, 30)).orElseThrow();
        assertThat(before.id()).isEqualTo("three-level-2023");
        assertThat(before.firstLevel()).isEqualTo(Level.DISTRICT);
        assertThat(before.level(Level.DISTRICT).orElseThrow().recognises()).containsExactly(3);
        assertThat(rules.forFilingDate(LocalDate.of(2019, 9, 1))
                        .orElseThrow()
                        .level(Level.DISTRICT)
                        .orElseThrow()
                        .forwardsFrom())
                .isEqualByComparingTo("50");
    }

    @Test
    void fifteenWorkingDaysSkipWeekendsAndHolidays() {
        WorkingDays days = new WorkingDays();
        // filed Monday 2026-04-20: 27 Apr (Giỗ Tổ, given back), 30 Apr and 1 May are holidays
        assertThat(days.plus(LocalDate.of(2026, 4, 20), 15)).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(new WorkingDays(Set.of()).plus(LocalDate.of(2026, 4, 20), 15))
                .isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
    }

    @Test
    void quorumNeedsThreeQuartersOfScorersWithTheChair() {
        Round.Council c = new Round.Council();
        c.members = List.of(
                new Round.Member("chair", "Chủ tịch", null, "CHAIR"),
                new Round.Member("m1", "A", null, "MEMBER"),
                new Round.Member("m2", "B", null, "MEMBER"),
                new Round.Member("m3", "C", null, "MEMBER"),
                new Round.Member("sec", "Thư ký", null, "SECRETARY"));
        c.quorum = new Round.Quorum(new BigDecimal("0.75"), true);
        assertThat(Quorum.of(c, Set.of("m1", "m2", "m3")).met()).as("no chair").isFalse();
        assertThat(Quorum.of(c, Set.of("m1", "chair")).met()).as("2 of 4").isFalse();
        assertThat(Quorum.of(c, Set.of("m1", "m2", "chair")).met()).isTrue();
        assertThat(Quorum.of(c, Set.of("m1", "m2", "chair", "sec")).scoringMembers())
                .as("the secretary does not score")
                .isEqualTo(4);
    }
}
