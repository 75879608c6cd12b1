package vn.ocop.service.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Today in Vietnam (deadlines, filing and proposal dates); a {@link Clock} bean replaces the system clock in tests. */
@Component
public class ProcedureClock {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Clock clock;

    @Autowired
    ProcedureClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(() -> Clock.system(VIETNAM));
    }

    public ProcedureClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public Instant now() {
        return clock.instant();
    }
}
