package vn.ocop.service.procedure.council;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.MINISTRY_OFFICE;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.service.dossier.DossierSnapshot;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.evaluation.CouncilScoring;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Cases;
import vn.ocop.service.procedure.cases.Move;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.rounds.Rounds;
import vn.ocop.service.procedure.store.VersionedStore;

/**
 * Council members' sheets: only the member writes their own, as a draft of the current pass; submission is refused
 * with per-criterion errors when the engine finds the sheet incomplete or invalid, so a submitted sheet always
 * scores; the chair may reopen a submitted sheet with a reason until the result is counted.
 */
@Service
public class CouncilSheets {
    private final VersionedStore<Sheet> store;
    private final Cases cases;
    private final Rounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final ProcedureClock clock;

    CouncilSheets(
            VersionedStore<Sheet> sheetStore,
            Cases cases,
            Rounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            ProcedureClock clock) {
        this.store = sheetStore;
        this.cases = cases;
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.clock = clock;
    }

    /**
     * The caller's seat on the council that scores this dossier now (its current round and pass): empty when the
     * dossier is not the procedure's, is in no round with a council, or the caller is not listed in that council.
     */
    public Optional<Seat> seat(String dossierId, Caller c) {
        CaseFile f = cases.find(dossierId).orElse(null);
        if (f == null || f.roundId == null) return Optional.empty();
        Round r = rounds.find(f.roundId).orElse(null);
        if (r == null || r.council == null) return Optional.empty();
        return r.council
                .member(c.name())
                .map(m -> new Seat(r.id, f.pass, m.user(), m.name(), m.role(), f.state.scorable()));
    }

    /** Whether the procedure owns the dossier: then only its council's sheets score it. */
    public boolean managed(String dossierId) {
        return cases.find(dossierId).isPresent();
    }

    /** The seat's own sheet of its pass (draft or submitted), if one was written. */
    public Optional<Sheet> own(Seat seat, String dossierId) {
        return store.find(Sheet.idOf(seat.roundId(), dossierId, seat.pass(), seat.member()));
    }

    /** Saves the caller's own draft of the current pass; the first sheet of a dossier begins its scoring. */
    public Sheet save(
            String roundId, String dossierId, String member, Map<String, Integer> selections, String note, Caller c) {
        Round.Member m = ownScoringSeat(roundId, member, c);
        List<CaseFile.Pick> picks = picks(selections);
        CaseFile f = scorableCase(roundId, dossierId);
        if (f.state == State.ASSIGNED) f = beginScoring(f, c);
        String id = Sheet.idOf(roundId, dossierId, f.pass, member);
        for (int attempt = 0; attempt < 5; attempt++) {
            Sheet s = store.find(id).orElse(null);
            if (s == null) {
                s = new Sheet();
                s.id = id;
                s.roundId = roundId;
                s.dossierId = dossierId;
                s.pass = f.pass;
                s.member = member;
                s.memberName = m.name();
                s.role = m.role();
            } else if (s.submitted()) {
                throw new ApiException(
                        HttpStatus.CONFLICT, "WRONG_STATE", "Phiếu đã nộp; Chủ tịch Hội đồng có thể mở lại phiếu");
            }
            s.selections = picks;
            s.note = note;
            s.status = "DRAFT";
            s.history.add(new Sheet.Event("SAVED", c.name(), clock.now(), null));
            if (s.version == 0 ? store.insert(s) : store.replace(s)) return s;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Phiếu đang được thay đổi đồng thời; thử lại");
    }

    /** Submits the caller's draft: refused with SHEET_INCOMPLETE and one error per criterion when it would not score. */
    public Sheet submit(String roundId, String dossierId, String member, Caller c) {
        ownScoringSeat(roundId, member, c);
        CaseFile f = scorableCase(roundId, dossierId);
        Round r = rounds.require(roundId);
        Sheet s = store.find(Sheet.idOf(roundId, dossierId, f.pass, member))
                .orElseThrow(() -> ApiException.notFound("Sheet of " + member + " (pass " + f.pass + ")", dossierId));
        if (s.submitted()) throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Phiếu đã nộp");
        List<CouncilScoring.SheetError> errors = scoring.check(
                dossierId, new CouncilScoring.MemberSheet(s.memberName, s.role, s.selectionMap()), sittingDate(r));
        if (!errors.isEmpty()) {
            List<ApiException.FieldProblem> problems = errors.stream()
                    .map(e -> new ApiException.FieldProblem(
                            e.criterion() == null ? "selections" : "selections." + e.criterion(),
                            e.code() + ": " + e.message()))
                    .toList();
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "SHEET_INCOMPLETE",
                    "Phiếu chưa đầy đủ hoặc không hợp lệ: " + errors.size() + " lỗi; sửa bản nháp rồi nộp lại",
                    problems);
        }
        s.status = "SUBMITTED";
        s.submittedAt = clock.now();
        s.history.add(new Sheet.Event("SUBMITTED", c.name(), s.submittedAt, null));
        if (!store.replace(s))
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Phiếu vừa thay đổi; đọc lại và nộp lại");
        return s;
    }

    /** The chair reopens a submitted sheet of the current pass as a draft, with a reason. */
    public Sheet reopen(String roundId, String dossierId, String member, String reason, Caller c) {
        if (reason == null || reason.isBlank()) throw ApiException.invalidField("reason", "ghi rõ lý do mở lại phiếu");
        Round r = rounds.require(roundId);
        if (r.council == null || !r.council.hasRole(c.name(), "CHAIR")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_CHAIR", "Chỉ Chủ tịch Hội đồng mở lại phiếu đã nộp");
        }
        CaseFile f = scorableCase(roundId, dossierId);
        Sheet s = store.find(Sheet.idOf(roundId, dossierId, f.pass, member))
                .orElseThrow(() -> ApiException.notFound("Sheet of " + member, dossierId));
        if (!s.submitted()) throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Phiếu chưa nộp");
        s.status = "DRAFT";
        s.submittedAt = null;
        s.history.add(new Sheet.Event("REOPENED", c.name(), clock.now(), reason));
        if (!store.replace(s)) throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Phiếu vừa thay đổi; thử lại");
        return s;
    }

    /** Sheets of both passes: all for the chair, the secretary, the office of the level, auditors; a member's own otherwise. */
    public List<Sheet> list(String roundId, String dossierId, Caller c) {
        Round r = rounds.require(roundId);
        CaseFile f = cases.require(dossierId);
        if (!f.rounds.contains(roundId) || r.council == null) return List.of();
        boolean all = c.hasAny(ADMIN, AUDITOR)
                || r.council.hasRole(c.name(), "CHAIR")
                || r.council.hasRole(c.name(), "SECRETARY")
                || (r.level.name().equals("CENTRAL")
                        ? c.has(MINISTRY_OFFICE)
                        : c.has(PROVINCE_OFFICE) && r.provinceCode.equals(c.province()));
        if (!all && r.council.member(c.name()).isEmpty()) throw Rounds.outOfScope("Hội đồng của đợt " + roundId);
        List<String> ids = new ArrayList<>();
        for (int pass = 1; pass <= 2; pass++) {
            for (Round.Member m : r.council.scoringMembers()) {
                if (all || m.user().equals(c.name())) ids.add(Sheet.idOf(roundId, dossierId, pass, m.user()));
            }
        }
        List<Sheet> found = new ArrayList<>(store.findAll(ids));
        found.sort(java.util.Comparator.comparing((Sheet s) -> s.pass).thenComparing(s -> ids.indexOf(s.id)));
        return found;
    }

    /** The sheets of a pass for the council's scoring members, in the council's order. */
    List<Sheet> ofPass(Round r, String dossierId, int pass) {
        List<String> ids = r.council.scoringMembers().stream()
                .map(m -> Sheet.idOf(r.id, dossierId, pass, m.user()))
                .toList();
        List<Sheet> found = new ArrayList<>(store.findAll(ids));
        found.sort(java.util.Comparator.comparing(s -> ids.indexOf(s.id)));
        return found;
    }

    static LocalDate sittingDate(Round r, LocalDate today) {
        return r.council != null && r.council.sittingDate != null ? r.council.sittingDate : today;
    }

    private LocalDate sittingDate(Round r) {
        return sittingDate(r, clock.today());
    }

    /** The caller's own seat: the path's member must be the caller, listed in the council, and one who scores. */
    private Round.Member ownScoringSeat(String roundId, String member, Caller c) {
        if (!member.equals(c.name())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "NOT_YOUR_SHEET", "Chỉ thành viên " + member + " ghi phiếu của mình");
        }
        Round r = rounds.require(roundId);
        if (r.council == null)
            throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Đợt " + roundId + " chưa có Hội đồng");
        Round.Member m = r.council
                .member(member)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.FORBIDDEN,
                        "NOT_IN_COUNCIL",
                        member + " không là thành viên Hội đồng của đợt " + roundId));
        if (!m.scores())
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_IN_COUNCIL", "Thư ký Hội đồng không chấm điểm");
        return m;
    }

    private CaseFile scorableCase(String roundId, String dossierId) {
        CaseFile f = cases.require(dossierId);
        if (!roundId.equals(f.roundId)) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "WRONG_STATE", "Hồ sơ " + dossierId + " không ở trong đợt " + roundId);
        }
        if (!f.state.scorable()) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "WRONG_STATE", "Hồ sơ ở trạng thái " + f.state + ", không thể chấm điểm");
        }
        return f;
    }

    /** ASSIGNED → SCORING: fixes the edition and sheet the council scores, and the round's council. */
    private CaseFile beginScoring(CaseFile read, Caller c) {
        DossierSnapshot d = dossiers.snapshot(read.id);
        CaseFile f = cases.change(read.id, x -> {
            if (x.state == State.SCORING) return;
            x.apply(Move.BEGIN_SCORING, c.name(), clock.now(), "phiếu đầu tiên của Hội đồng");
            x.scoring = new CaseFile.ScoringFix(d.edition(), d.sheet(), d.group(), clock.now());
        });
        rounds.markScoringStarted(read.roundId);
        return f;
    }

    private static List<CaseFile.Pick> picks(Map<String, Integer> selections) {
        List<CaseFile.Pick> out = new ArrayList<>();
        selections.forEach((code, option) -> {
            if (code == null || code.isBlank() || code.length() > 20) {
                throw ApiException.invalidField("selections", "mã tiêu chí dài 1-20 ký tự");
            }
            if (option == null) throw ApiException.invalidField("selections." + code, "phải là số phương án");
            out.add(new CaseFile.Pick(code, option));
        });
        return out;
    }
}
