package vn.ocop.service.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.Finding;

/**
 * The deadlines of a transition (ocop.transition.deadlines): an edition kept in force for dossiers filed before its
 * successor, but only until a date that depends on the evaluation's kind. Điều 12 khoản 2 of QĐ 26/2026/QĐ-TTg keeps
 * ocop-2023 for dossiers filed before 2026-05-22: first and upgrade evaluations done by 2026-07-20 (60 days),
 * re-evaluations by 2026-06-20 (30 days). Later evaluations still score on that edition (the text does not say
 * otherwise) but get the WARNING {@value #CODE}. Dates are configuration, not code: a correction of the law is a
 * change of application.yaml.
 */
@ConfigurationProperties("ocop.transition")
record TransitionDeadlines(List<Deadline> deadlines) {
    static final String CODE = "TRANSITION_DEADLINE_PASSED";
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    TransitionDeadlines {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    /**
     * @param edition               an edition kept in force during a transition (a provincial edition built on it too)
     * @param firstAndUpgradeUntil  last day for first and upgrade evaluations
     * @param reEvaluationUntil     last day for re-evaluations
     * @param legalBasis            where the deadline comes from, quoted in the finding
     */
    record Deadline(String edition, LocalDate firstAndUpgradeUntil, LocalDate reEvaluationUntil, String legalBasis) {}

    /**
     * The WARNING for an evaluation on {@code edition} (or on a provincial edition whose parent is {@code parent}) done
     * on {@code evaluationDate} after its kind's deadline; empty otherwise. A missing kind counts as FIRST.
     */
    Optional<Finding> check(String edition, String parent, EvaluationKind kind, LocalDate evaluationDate) {
        if (evaluationDate == null) return Optional.empty();
        EvaluationKind k = kind == null ? EvaluationKind.FIRST : kind;
        for (Deadline d : deadlines) {
            if (d.edition() == null
                    || !(d.edition().equals(edition) || d.edition().equals(parent))) continue;
            LocalDate until = k == EvaluationKind.RE_EVALUATION ? d.reEvaluationUntil() : d.firstAndUpgradeUntil();
            if (until == null || !evaluationDate.isAfter(until)) continue;
            String what = k == EvaluationKind.RE_EVALUATION
                    ? "đánh giá, phân hạng lại"
                    : "đánh giá, phân hạng lần đầu hoặc nâng hạng";
            return Optional.of(new Finding()
                    .code(CODE)
                    .severity(Finding.SeverityEnum.WARNING)
                    .message("Quá thời hạn chuyển tiếp: hồ sơ " + what + " theo bộ tiêu chí " + d.edition()
                            + " phải hoàn thành đến hết ngày "
                            + VN_DATE.format(until) + " ("
                            + (d.legalBasis() == null ? "điều khoản chuyển tiếp" : d.legalBasis())
                            + "); ngày đánh giá " + VN_DATE.format(evaluationDate) + " đã quá thời hạn."));
        }
        return Optional.empty();
    }
}
