package vn.ocop.service.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Formats of a stored evaluation record, so that records written before a change of the result keep verifying and
 * replaying MATCH (docs/audit.md). A stored record is never rewritten; a replay re-scores it and compares only what
 * its format held.
 * <ul>
 *   <li>1 (no {@code recordFormat} member): results before edition ocop-2026, without {@link #FORMAT_2_RESULT} members
 *       and without findings the service adds.</li>
 *   <li>2: {@code recordFormat: 2}, {@code registeredOn}, {@code evaluationKind}; the result as the API gives it now.</li>
 *   <li>3: as 2, but each criterion score keeps only code and option, plus points and rule where they differ from
 *       the sheet of the recorded ruleset ({@link LeanResult}); read back in the API's shape.</li>
 *   <li>4: as 3, but a member's {@code criteria} is left out where its own sheet in the record's snapshot gives them
 *       ({@link DerivedCriteria}).</li>
 * </ul>
 */
final class RecordFormat {
    static final int CURRENT = 4;
    /** Result members that format 1 did not have. */
    static final List<String> FORMAT_2_RESULT =
            List.of("starsByAverage", "unmetMinimums", "roadToNextStar", "selfComparison");

    private RecordFormat() {}

    static int of(Document stored) {
        return stored.get("recordFormat") instanceof Number n ? n.intValue() : 1;
    }

    /** The snapshot's assessments a format-4 record's criteria are put back from; none for older formats. */
    static List<?> criteriaSource(Document stored) {
        return of(stored) >= 4 && stored.get("assessments") instanceof List<?> assessments ? assessments : List.of();
    }

    /** A current result tree cut to what format 1 recorded. */
    static Map<String, Object> asFormat1(Map<String, Object> tree) {
        Map<String, Object> m = new LinkedHashMap<>(tree);
        FORMAT_2_RESULT.forEach(m::remove);
        return m;
    }
}
