package vn.ocop.service.procedure.council;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.MINISTRY_OFFICE;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.service.evaluation.CouncilScoring;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Cases;
import vn.ocop.service.procedure.cases.Move;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.rounds.Rounds;

/**
 * The council's result for a dossier: the quorum of submitted sheets first, then the engine scores them on the
 * council's sitting date into an evaluation record. COUNCIL_SPREAD on the first pass opens a second pass whose
 * sheets replace the first (both passes and both records are kept); otherwise a valid result is counted.
 */
@Service
public class CouncilResults {
    private final Cases cases;
    private final Rounds rounds;
    private final CouncilSheets sheets;
    private final CouncilScoring scoring;
    private final ProcedureClock clock;

    CouncilResults(Cases cases, Rounds rounds, CouncilSheets sheets, CouncilScoring scoring, ProcedureClock clock) {
        this.cases = cases;
        this.rounds = rounds;
        this.sheets = sheets;
        this.scoring = scoring;
        this.clock = clock;
    }

    public CaseFile.Result record(String roundId, String dossierId, Caller c) {
        Round r = rounds.require(roundId);
        if (!c.has(ADMIN)
                && (r.council == null
                        || !(r.council.hasRole(c.name(), "CHAIR") || r.council.hasRole(c.name(), "SECRETARY")))) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "NOT_IN_COUNCIL", "Chỉ Chủ tịch hoặc Thư ký Hội đồng ghi kết quả");
        }
        CaseFile f = cases.require(dossierId);
        if (!roundId.equals(f.roundId) || f.state != State.SCORING) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "WRONG_STATE",
                    "Hồ sơ ở trạng thái " + f.state
                            + (roundId.equals(f.roundId) ? "" : ", không ở trong đợt " + roundId));
        }
        int pass = f.pass;
        List<Sheet> submitted = sheets.ofPass(r, dossierId, pass).stream()
                .filter(Sheet::submitted)
                .toList();
        Quorum q = quorum(r, submitted);
        if (!q.met()) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "QUORUM_NOT_MET", "Chưa đủ túc số: " + q.explain());
        }
        LocalDate sitting = CouncilSheets.sittingDate(r, clock.today());
        CouncilScoring.Recorded rec = scoring.record(
                dossierId,
                submitted.stream()
                        .map(s -> new CouncilScoring.MemberSheet(s.memberName, s.role, s.selectionMap()))
                        .toList(),
                sitting,
                c.name());
        boolean spread = rec.findingCodes().contains("COUNCIL_SPREAD");
        boolean secondPass = spread && pass == 1;
        boolean counted = !secondPass && "VALID".equals(rec.status());
        CaseFile.Result result = new CaseFile.Result(
                roundId,
                f.level,
                pass,
                sitting,
                q.scoringMembers(),
                q.submitted(),
                rec.evaluationId(),
                rec.hash(),
                rec.sequence(),
                rec.status(),
                rec.averageTotal(),
                rec.stars(),
                rec.findingCodes(),
                counted,
                secondPass,
                c.name(),
                clock.now());
        cases.change(dossierId, x -> {
            if (x.state != State.SCORING || x.pass != pass) {
                throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Kết quả của lượt chấm này đã được ghi");
            }
            x.results.add(result);
            if (secondPass) {
                x.apply(Move.OPEN_SECOND_PASS, c.name(), clock.now(), "COUNCIL_SPREAD: chấm lại vòng 2");
                x.pass = 2;
            } else if (counted) {
                x.apply(
                        Move.COUNT_RESULT,
                        c.name(),
                        clock.now(),
                        "điểm trung bình " + rec.averageTotal() + ", " + rec.stars() + " sao");
            }
        });
        return result;
    }

    /**
     * The chair's view of the dossier's council in its current round: for the chair, the secretary, the office of the
     * level, auditors and admins (members see their own sheet only, through the sheets).
     */
    public CouncilOverview overview(String dossierId, Caller c) {
        CaseFile f = cases.require(dossierId);
        if (f.roundId == null)
            throw new ApiException(
                    HttpStatus.CONFLICT, "WRONG_STATE", "Hồ sơ chưa ở trong một đợt đánh giá (" + f.state + ")");
        Round r = rounds.require(f.roundId);
        boolean seesAll = c.hasAny(ADMIN, AUDITOR)
                || (r.council != null
                        && (r.council.hasRole(c.name(), "CHAIR") || r.council.hasRole(c.name(), "SECRETARY")))
                || (r.level == Level.CENTRAL
                        ? c.has(MINISTRY_OFFICE)
                        : c.has(PROVINCE_OFFICE) && r.provinceCode.equals(c.province()));
        if (!seesAll)
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "NOT_CHAIR",
                    "Chỉ Chủ tịch, Thư ký Hội đồng và cơ quan tham mưu xem tổng hợp của Hội đồng");
        LocalDate sitting = CouncilSheets.sittingDate(r, clock.today());
        List<Sheet> ofPass = r.council == null ? List.of() : sheets.ofPass(r, dossierId, f.pass);
        List<Sheet> submitted = ofPass.stream().filter(Sheet::submitted).toList();
        CouncilScoring.Preview p = submitted.isEmpty()
                ? null
                : scoring.preview(
                        dossierId,
                        submitted.stream()
                                .map(s -> new CouncilScoring.MemberSheet(s.memberName, s.role, s.selectionMap()))
                                .toList(),
                        sitting);
        List<CouncilOverview.MemberLine> members = new java.util.ArrayList<>();
        if (r.council != null) {
            for (Round.Member m : r.council.scoringMembers()) {
                Sheet s = ofPass.stream()
                        .filter(x -> x.member.equals(m.user()))
                        .findFirst()
                        .orElse(null);
                Integer total = null;
                if (s != null && s.submitted() && p != null) {
                    int at = submitted.indexOf(s);
                    if (at >= 0 && at < p.members().size())
                        total = p.members().get(at).total();
                }
                members.add(new CouncilOverview.MemberLine(
                        m.user(), m.name(), m.department(), m.role(), s == null ? "NONE" : s.status, total));
            }
        }
        String spread = p == null
                ? null
                : p.findings().stream()
                        .filter(x -> "COUNCIL_SPREAD".equals(x.code()))
                        .map(CouncilScoring.SheetError::message)
                        .findFirst()
                        .orElse(null);
        List<CouncilOverview.RecordedResult> results = f.results.stream()
                .filter(x -> x.roundId().equals(r.id))
                .map(x -> new CouncilOverview.RecordedResult(
                        x.pass(),
                        x.sittingDate(),
                        x.submitted(),
                        x.scoringMembers(),
                        x.status(),
                        x.averageTotal(),
                        x.stars(),
                        x.counted(),
                        x.secondPassOpened(),
                        x.evaluationId(),
                        x.findings()))
                .toList();
        boolean mayRecord = f.state == State.SCORING
                && (c.has(ADMIN)
                        || (r.council != null
                                && (r.council.hasRole(c.name(), "CHAIR") || r.council.hasRole(c.name(), "SECRETARY"))));
        return new CouncilOverview(
                dossierId,
                r.id,
                f.pass,
                f.state.name(),
                sitting,
                members,
                r.council == null ? null : quorum(r, submitted),
                p == null
                        ? null
                        : new CouncilOverview.Preview(
                                p.status(),
                                p.averageTotal(),
                                p.stars(),
                                p.findings().stream()
                                        .map(CouncilScoring.SheetError::code)
                                        .toList()),
                spread,
                results,
                mayRecord);
    }

    /** The quorum of the dossier's current pass. */
    public Quorum quorumOf(CaseFile f) {
        Round r = rounds.require(f.roundId);
        if (r.council == null) return new Quorum(0, 0, 1, false, true);
        return quorum(
                r,
                sheets.ofPass(r, f.id, f.pass).stream().filter(Sheet::submitted).toList());
    }

    private static Quorum quorum(Round r, List<Sheet> submitted) {
        Set<String> users = submitted.stream().map(s -> s.member).collect(Collectors.toSet());
        return Quorum.of(r.council, users);
    }
}
