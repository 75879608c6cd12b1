package vn.ocop.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.Finding;

/** Điều 12 khoản 2: the warning appears exactly the day after the deadline of the evaluation's kind. */
class TransitionDeadlinesTests {
    final TransitionDeadlines deadlines = new TransitionDeadlines(List.of(new TransitionDeadlines.Deadline(
            "ocop-2023",
            LocalDate.of(2026, 7, 20),
            LocalDate.of(2026, 6, 20),
            "Điều 12 khoản 2 Quyết định 26/2026/QĐ-TTg")));

    boolean warns(String edition, String parent, EvaluationKind kind, String date) {
        return deadlines.check(edition, parent, kind, LocalDate.parse(date)).isPresent();
    }

    @Test
    void firstAndUpgradeEvaluationsUntil20July() {
        for (EvaluationKind k : new EvaluationKind[] {EvaluationKind.FIRST, EvaluationKind.UPGRADE, null}) {
            assertThat(warns("ocop-2023", null, k, "2026-07-20"))
                    .as("%s on the last day", k)
                    .isFalse();
            assertThat(warns("ocop-2023", null, k, "2026-07-21"))
                    .as("%s the day after", k)
                    .isTrue();
        }
    }

    @Test
    void reEvaluationsUntil20June() {
        assertThat(warns("ocop-2023", null, EvaluationKind.RE_EVALUATION, "2026-06-20"))
                .isFalse();
        assertThat(warns("ocop-2023", null, EvaluationKind.RE_EVALUATION, "2026-06-21"))
                .isTrue();
        assertThat(warns("ocop-2023", null, EvaluationKind.FIRST, "2026-06-21")).isFalse();
    }

    @Test
    void onlyTheTransitionEditionAndProvincialEditionsBuiltOnItAreConcerned() {
        assertThat(warns("ocop-2026", null, EvaluationKind.FIRST, "2026-12-01")).isFalse();
        assertThat(warns("dongthap-2023", "ocop-2023", EvaluationKind.FIRST, "2026-12-01"))
                .isTrue();
        assertThat(warns("dongthap-2026", "ocop-2026", EvaluationKind.RE_EVALUATION, "2026-12-01"))
                .isFalse();
    }

    @Test
    void theFindingIsAWarningWithAStableCodeAndAVietnameseMessage() {
        Finding f = deadlines
                .check("ocop-2023", null, EvaluationKind.RE_EVALUATION, LocalDate.of(2026, 7, 1))
                .orElseThrow();
        assertThat(f.getCode()).isEqualTo("TRANSITION_DEADLINE_PASSED");
        assertThat(f.getSeverity()).isEqualTo(Finding.SeverityEnum.WARNING);
        assertThat(f.getMessage()).contains("20/06/2026", "01/07/2026", "đánh giá, phân hạng lại", "Điều 12 khoản 2");
    }
}
