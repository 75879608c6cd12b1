package vn.ocop.service.procedure.todo;

import static vn.ocop.service.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ocop.service.platform.security.Roles.COUNCIL;
import static vn.ocop.service.platform.security.Roles.MINISTRY_OFFICE;
import static vn.ocop.service.platform.security.Roles.PRODUCER;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Cases;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.council.CouncilSheets;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.rounds.Rounds;

/**
 * What waits on the caller, by role and scope: dossiers to complete (producer), checks due in 15 working days
 * (commune), completeness checks, assignments, decisions and rounds closing (provincial and Ministry offices), sheets to
 * submit and results to record (council). Earliest deadline first.
 */
@Service
public class Todos {
    /** A round whose cut-off is this close is shown as closing. */
    static final int ROUND_CLOSING_DAYS = 30;

    private final Cases cases;
    private final Rounds rounds;
    private final CouncilSheets sheets;
    private final ProcedureClock clock;

    Todos(Cases cases, Rounds rounds, CouncilSheets sheets, ProcedureClock clock) {
        this.cases = cases;
        this.rounds = rounds;
        this.sheets = sheets;
        this.clock = clock;
    }

    public List<TodoItem> of(Caller c) {
        LocalDate today = clock.today();
        List<TodoItem> out = new ArrayList<>();
        if (c.has(PRODUCER) && c.producer() != null) {
            for (CaseFile f : cases.where(Map.of("producerId", c.producer()))) {
                if (f.state == State.RETURNED)
                    out.add(item(
                            "COMPLETE_DOSSIER",
                            "Bổ sung, hoàn thiện hồ sơ và nộp lại: " + f.productName,
                            f,
                            null,
                            null,
                            today));
                if (f.state == State.REGISTERED)
                    out.add(item(
                            "COMPLETE_DOSSIER", "Nộp hồ sơ cho UBND cấp xã: " + f.productName, f, null, null, today));
            }
        }
        if (c.has(COMMUNE_OFFICER) && c.commune() != null) {
            for (CaseFile f : cases.where(Map.of("communeCode", c.commune(), "state", State.FILED.name()))) {
                out.add(item(
                        "COMMUNE_CHECK",
                        "Kiểm tra hồ sơ, lập báo cáo Mẫu 03: " + f.productName,
                        f,
                        null,
                        f.communeCheckDueOn,
                        today));
            }
        }
        if (c.has(PROVINCE_OFFICE) && c.province() != null) {
            for (CaseFile f : cases.where(Map.of("provinceCode", c.province()))) {
                switch (f.state) {
                    case PROPOSED ->
                        out.add(item(
                                "COMPLETENESS_CHECK",
                                "Kiểm tra thành phần hồ sơ: " + f.productName,
                                f,
                                null,
                                null,
                                today));
                    case ACCEPTED ->
                        out.add(item(
                                "ASSIGN_TO_ROUND",
                                "Đưa hồ sơ vào đợt đánh giá: " + f.productName,
                                f,
                                null,
                                null,
                                today));
                    case SCORED, BACK_FROM_CENTRAL -> {
                        if (f.level != Level.CENTRAL) out.add(decision(f, today));
                    }
                    default -> {}
                }
            }
            for (Round r : rounds.list(c, null)) {
                if (r.level != Level.CENTRAL && closing(r, today)) out.add(closingItem(r, today));
            }
        }
        if (c.has(MINISTRY_OFFICE)) {
            for (CaseFile f : cases.where(Map.of("state", State.FORWARDED.name()))) {
                if (f.forwardedTo == Level.CENTRAL)
                    out.add(item(
                            "ASSIGN_TO_ROUND",
                            "Đưa hồ sơ vào đợt cấp trung ương: " + f.productName,
                            f,
                            null,
                            null,
                            today));
            }
            for (CaseFile f : cases.where(Map.of("state", State.SCORED.name()))) {
                if (f.level == Level.CENTRAL) out.add(decision(f, today));
            }
            for (Round r : rounds.list(c, null)) {
                if (r.level == Level.CENTRAL && closing(r, today)) out.add(closingItem(r, today));
            }
        }
        if (c.has(COUNCIL)) {
            for (Round r : rounds.list(c, null)) {
                if (r.council == null || r.council.member(c.name()).isEmpty()) continue;
                Round.Member m = r.council.member(c.name()).get();
                for (CaseFile f : cases.where(Map.of("roundId", r.id))) {
                    if (!f.state.scorable()) continue;
                    if (m.scores()) {
                        Set<String> mine = sheets.list(r.id, f.id, c).stream()
                                .filter(s -> s.pass == f.pass && s.submitted())
                                .map(s -> s.member)
                                .collect(Collectors.toSet());
                        if (!mine.contains(c.name())) {
                            out.add(item(
                                    "SUBMIT_SHEET",
                                    "Chấm và nộp phiếu (vòng " + f.pass + "): " + f.productName,
                                    f,
                                    r.id,
                                    sitting(r),
                                    today));
                        }
                    }
                    if (f.state == State.SCORING && !"MEMBER".equals(m.role())) {
                        out.add(item(
                                "RECORD_RESULT",
                                "Ghi kết quả Hội đồng khi đủ túc số: " + f.productName,
                                f,
                                r.id,
                                sitting(r),
                                today));
                    }
                }
            }
        }
        out.sort(Comparator.comparing((TodoItem t) -> t.dueOn() == null ? LocalDate.MAX : t.dueOn())
                .thenComparing(TodoItem::kind));
        return out;
    }

    private TodoItem decision(CaseFile f, LocalDate today) {
        LocalDate due = f.roundId == null
                ? null
                : rounds.find(f.roundId).map(r -> r.decisionDue).orElse(null);
        return item("DECIDE", "Trình quyết định trên kết quả Hội đồng: " + f.productName, f, f.roundId, due, today);
    }

    private static LocalDate sitting(Round r) {
        return r.council != null && r.council.sittingDate != null ? r.council.sittingDate : r.decisionDue;
    }

    private static boolean closing(Round r, LocalDate today) {
        return !r.cutoff.isBefore(today) && !r.cutoff.isAfter(today.plusDays(ROUND_CLOSING_DAYS));
    }

    private static TodoItem closingItem(Round r, LocalDate today) {
        return new TodoItem("ROUND_CLOSING", "Đợt " + r.id + " hết hạn nhận đề nghị", null, r.id, r.cutoff, false);
    }

    private static TodoItem item(
            String kind, String title, CaseFile f, String roundId, LocalDate due, LocalDate today) {
        return new TodoItem(kind, title, f.id, roundId, due, due != null && today.isAfter(due));
    }
}
