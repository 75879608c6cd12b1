package vn.ocop.service.procedure.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.store.Versioned;

/** A round with its council; one document, changed by compare-and-set. */
public class Round extends Versioned {
    public Level level;
    public String provinceCode;
    public String districtCode;
    public int year;
    public int number;
    public LocalDate cutoff;
    public LocalDate decisionDue;
    public Council council;
    /** Set when the first sheet of the round is written: the council can no longer change. */
    public boolean scoringStarted;

    public String createdBy;
    public Instant createdAt;

    public record Member(String user, String name, String department, String role) {
        public boolean scores() {
            return !"SECRETARY".equals(role);
        }
    }

    public record Advisor(String user, String name, String department) {}

    public record Quorum(BigDecimal ratio, Boolean chairRequired) {}

    public static class Council {
        public List<Member> members = new ArrayList<>();
        public List<Advisor> advisory = new ArrayList<>();
        public LocalDate sittingDate;
        public Quorum quorum;
        public boolean writtenOpinions;

        public Optional<Member> member(String user) {
            return members.stream().filter(m -> m.user().equals(user)).findFirst();
        }

        public boolean hasRole(String user, String role) {
            return member(user).map(m -> m.role().equals(role)).orElse(false);
        }

        public boolean advises(String user) {
            return advisory.stream().anyMatch(a -> a.user().equals(user));
        }

        public List<Member> scoringMembers() {
            return members.stream().filter(Member::scores).toList();
        }
    }

    public boolean lists(String user) {
        return council != null && (council.member(user).isPresent() || council.advises(user));
    }

    public static String idOf(Level level, String province, String district, int year, int number) {
        return switch (level) {
            case CENTRAL -> "CENTRAL-" + year + "-" + number;
            case PROVINCE -> "PROVINCE-" + province + "-" + year + "-" + number;
            case DISTRICT -> "DISTRICT-" + province + "-" + district + "-" + year + "-" + number;
        };
    }
}
