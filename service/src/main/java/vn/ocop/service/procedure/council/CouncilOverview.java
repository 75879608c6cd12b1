package vn.ocop.service.procedure.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the chair sees of the council's work on a dossier before and after recording the result: each scoring member's
 * sheet (status and, once submitted, the engine's total), the quorum, and the engine's average, stars and spread
 * warning over the submitted sheets of the current pass (nothing stored), then the results already recorded.
 *
 * @param preview       null until a sheet of the current pass is submitted
 * @param spread        the engine's COUNCIL_SPREAD warning over the submitted sheets (its Vietnamese message), or null
 * @param mayRecord     the caller may record the result now (chair or secretary, dossier in SCORING)
 */
public record CouncilOverview(
        String dossierId,
        String roundId,
        int pass,
        String state,
        LocalDate sittingDate,
        List<MemberLine> members,
        Quorum quorum,
        Preview preview,
        String spread,
        List<RecordedResult> results,
        boolean mayRecord) {

    /** One scoring member: NONE (no sheet yet), DRAFT or SUBMITTED; {@code total} only for a submitted sheet. */
    public record MemberLine(String user, String name, String department, String role, String status, Integer total) {}

    /** The engine's figures over the submitted sheets; {@code status} VALID or INVALID. */
    public record Preview(String status, BigDecimal averageTotal, Integer stars, List<String> findingCodes) {}

    /** A result recorded for the dossier in this round: its record, and whether it counted or opened a second pass. */
    public record RecordedResult(
            int pass,
            LocalDate sittingDate,
            int submitted,
            int scoringMembers,
            String status,
            BigDecimal averageTotal,
            Integer stars,
            boolean counted,
            boolean secondPassOpened,
            String evaluationId,
            List<String> findings) {}
}
