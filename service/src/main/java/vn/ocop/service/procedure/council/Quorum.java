package vn.ocop.service.procedure.council;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import vn.ocop.service.procedure.rounds.Round;

/** Whether enough scoring members (the chair is one) have submitted: ratio and the chair's presence are data. */
public record Quorum(int scoringMembers, int submitted, int needed, boolean chairSubmitted, boolean chairRequired) {
    public boolean met() {
        return submitted >= needed && (!chairRequired || chairSubmitted);
    }

    public static Quorum of(Round.Council council, Set<String> submittedUsers) {
        List<Round.Member> scorers = council.scoringMembers();
        int submitted = (int)
                scorers.stream().filter(m -> submittedUsers.contains(m.user())).count();
        int needed = new BigDecimal(scorers.size())
                .multiply(council.quorum.ratio())
                .setScale(0, RoundingMode.CEILING)
                .intValue();
        boolean chair = scorers.stream().anyMatch(m -> "CHAIR".equals(m.role()) && submittedUsers.contains(m.user()));
        return new Quorum(
                scorers.size(),
                submitted,
                Math.max(needed, 1),
                chair,
                Boolean.TRUE.equals(council.quorum.chairRequired()));
    }

    public String explain() {
        return submitted + "/" + scoringMembers + " thành viên chấm điểm đã nộp phiếu, cần " + needed
                + (chairRequired ? ", có Chủ tịch Hội đồng" : "")
                + (chairRequired && !chairSubmitted ? " (Chủ tịch chưa nộp)" : "");
    }
}
