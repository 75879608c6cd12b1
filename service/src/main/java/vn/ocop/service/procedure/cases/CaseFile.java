package vn.ocop.service.procedure.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.store.Versioned;

/**
 * The aggregate of one dossier's way (id = the dossier's id): registration (Mẫu 01, 02), the commune's check
 * (Mẫu 03), rounds, the council's results and the decisions, with the history of every move. Stored as one document;
 * every change is a compare-and-set on {@link #version}.
 */
public class CaseFile extends Versioned {
    public State state;
    public Level level;
    public String procedure;
    public String kind;
    public String upgradesCertificate;
    public String productCode;
    public String productName;
    public String producerId;
    public String provinceCode;
    public String districtCode;
    public String communeCode;
    public Map<String, Object> representative;
    public Integer samples;
    /** The producer's self-assessment (Mẫu 02): criterion → option as [{code, option}] (codes contain dots). */
    public List<Pick> selfAssessment;

    public String selfAssessmentNote;
    public String registeredBy;
    public LocalDate registeredOn;
    public LocalDate filedOn;
    public LocalDate communeCheckDueOn;
    public Map<String, Object> communeCheck;
    public LocalDate proposedOn;
    /** The level the dossier was approved and sent to, while it waits for that level's round. */
    public Level forwardedTo;

    public String roundId;
    public List<String> rounds = new ArrayList<>();
    public int pass = 1;
    public ScoringFix scoring;
    public List<Result> results = new ArrayList<>();
    public List<Decision> decisions = new ArrayList<>();
    public List<AdvisoryReport> advisoryReports = new ArrayList<>();
    public List<HistoryEntry> history = new ArrayList<>();

    public record Pick(String code, int option) {}

    public record HistoryEntry(String move, State from, State to, String by, Instant at, String reason) {}

    public record ScoringFix(String edition, String sheet, String group, Instant fixedAt) {}

    public record AdvisoryReport(String roundId, String by, Instant at, String text) {}

    /** A council's result for this dossier; {@code counted} false when it opened a second pass. */
    public record Result(
            String roundId,
            Level level,
            int pass,
            LocalDate sittingDate,
            int scoringMembers,
            int submitted,
            String evaluationId,
            String evaluationHash,
            long sequence,
            String status,
            BigDecimal averageTotal,
            Integer stars,
            List<String> findings,
            boolean counted,
            boolean secondPassOpened,
            String recordedBy,
            Instant recordedAt) {}

    public record Decision(
            Level level,
            String outcome,
            Integer stars,
            String number,
            LocalDate date,
            String signer,
            String authority,
            String roundId,
            String evaluationId,
            String evaluationHash,
            String recordedBy,
            Instant recordedAt) {}

    /** Makes {@code move} or refuses it with WRONG_STATE; records who, when and why. */
    public void apply(Move move, String by, Instant at, String reason) {
        if (!move.allowedFrom(state)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "WRONG_STATE",
                    "Hồ sơ đang ở trạng thái " + state + ", không thể " + move + " (cho phép từ " + move.from() + ")");
        }
        history.add(new HistoryEntry(move.name(), state, move.to(), by, at, reason));
        state = move.to();
    }

    /** The council result that counts at the current level, if any. */
    public Optional<Result> countedResult() {
        for (int i = results.size() - 1; i >= 0; i--) {
            Result r = results.get(i);
            if (r.counted() && r.level() == level) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** Filed and not yet checked by the commune past its due day. */
    public boolean communeCheckOverdue(LocalDate today) {
        return state == State.FILED && communeCheckDueOn != null && today.isAfter(communeCheckDueOn);
    }
}
