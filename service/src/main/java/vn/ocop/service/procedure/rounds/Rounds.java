package vn.ocop.service.procedure.rounds;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.ADVISORY;
import static vn.ocop.service.platform.security.Roles.AUDITOR;
import static vn.ocop.service.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ocop.service.platform.security.Roles.MINISTRY_OFFICE;
import static vn.ocop.service.platform.security.Roles.PRODUCER;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.levels.ProcedureRules;
import vn.ocop.service.procedure.store.VersionedStore;

/** Rounds: created by the office of their level, read in scope, and the round a proposal goes to. */
@Service
public class Rounds {
    private final VersionedStore<Round> store;
    private final ProcedureRules rules;
    private final ProcedureClock clock;

    Rounds(VersionedStore<Round> roundStore, ProcedureRules rules, ProcedureClock clock) {
        this.store = roundStore;
        this.rules = rules;
        this.clock = clock;
    }

    public record NewRound(
            Level level,
            String provinceCode,
            String districtCode,
            int year,
            int number,
            LocalDate cutoff,
            LocalDate decisionDue) {}

    public Round create(NewRound in, Caller caller) {
        requireOffice(caller, in.level(), in.provinceCode());
        if (in.level() != Level.CENTRAL
                && (in.provinceCode() == null || in.provinceCode().isBlank())) {
            throw ApiException.invalidField("provinceCode", "bắt buộc với đợt cấp tỉnh, cấp huyện");
        }
        if (in.level() == Level.DISTRICT
                && (in.districtCode() == null || in.districtCode().isBlank())) {
            throw ApiException.invalidField("districtCode", "bắt buộc với đợt cấp huyện");
        }
        if (in.level() != Level.DISTRICT && in.districtCode() != null) {
            throw ApiException.invalidField("districtCode", "chỉ dùng cho đợt cấp huyện");
        }
        Optional<ProcedureRules.RoundDates> defaults = rules.defaultDates(in.level(), in.year(), in.number());
        LocalDate cutoff = in.cutoff() != null
                ? in.cutoff()
                : defaults.map(ProcedureRules.RoundDates::cutoff).orElse(null);
        LocalDate due = in.decisionDue() != null
                ? in.decisionDue()
                : defaults.map(ProcedureRules.RoundDates::decisionDue).orElse(null);
        if (cutoff == null || due == null) {
            throw ApiException.invalidField(
                    "cutoff", "đợt bổ sung (số " + in.number() + ") phải ghi hạn đề nghị và hạn quyết định");
        }
        if (!due.isAfter(cutoff)) {
            throw ApiException.invalidField("decisionDue", "phải sau hạn đề nghị " + cutoff);
        }
        Round r = new Round();
        r.id = Round.idOf(in.level(), in.provinceCode(), in.districtCode(), in.year(), in.number());
        r.level = in.level();
        r.provinceCode = in.level() == Level.CENTRAL ? null : in.provinceCode();
        r.districtCode = in.districtCode();
        r.year = in.year();
        r.number = in.number();
        r.cutoff = cutoff;
        r.decisionDue = due;
        r.createdBy = caller.name();
        r.createdAt = clock.now();
        if (!store.insert(r)) {
            throw new ApiException(HttpStatus.CONFLICT, "DUPLICATE_ROUND", "Đợt " + r.id + " đã có");
        }
        return r;
    }

    public Round read(String id, Caller caller) {
        Round r = require(id);
        if (!canRead(caller, r)) throw outOfScope("đợt " + id);
        return r;
    }

    public Optional<Round> find(String id) {
        return store.find(id);
    }

    public Round require(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Round", id));
    }

    public List<Round> list(Caller caller, Integer year) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (year != null) filter.put("year", year);
        return store.where(filter, 1000).stream()
                .filter(r -> canRead(caller, r))
                .sorted(Comparator.comparing((Round r) -> r.cutoff).thenComparing(r -> r.id))
                .toList();
    }

    /** Sets the council; refused once scoring has begun in the round. */
    public Round setCouncil(String id, Round.Council council, Caller caller) {
        if (council.members == null) council.members = new java.util.ArrayList<>();
        if (council.advisory == null) council.advisory = new java.util.ArrayList<>();
        validate(council);
        return change(id, r -> {
            requireOffice(caller, r.level, r.provinceCode);
            if (r.scoringStarted) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "COUNCIL_FIXED",
                        "Hội đồng đã bắt đầu chấm điểm, không thể thay đổi thành phần");
            }
            Round.Quorum q = council.quorum;
            council.quorum = new Round.Quorum(
                    q == null || q.ratio() == null ? rules.defaultQuorum().ratio() : q.ratio(),
                    q == null || q.chairRequired() == null
                            ? rules.defaultQuorum().chairRequired()
                            : q.chairRequired());
            r.council = council;
        });
    }

    /** Marks the round's council as scoring (its composition is then fixed). */
    public void markScoringStarted(String id) {
        if (!require(id).scoringStarted) change(id, r -> r.scoringStarted = true);
    }

    /** The open round of a level and area whose cut-off is the first on or after {@code proposedOn}. */
    public Optional<Round> nextRound(Level level, String province, String district, LocalDate proposedOn) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("level", level.name());
        if (level != Level.CENTRAL) filter.put("provinceCode", province);
        if (level == Level.DISTRICT) filter.put("districtCode", district);
        return store.where(filter, 1000).stream()
                .filter(r -> !r.cutoff.isBefore(proposedOn))
                .min(Comparator.comparing((Round r) -> r.cutoff).thenComparing(r -> r.number));
    }

    public boolean canRead(Caller c, Round r) {
        if (c.hasAny(ADMIN, AUDITOR)) return true;
        if (r.lists(c.name())) return true;
        if (r.level == Level.CENTRAL) return c.has(MINISTRY_OFFICE) || c.has(PROVINCE_OFFICE);
        return c.hasAny(PROVINCE_OFFICE, ADVISORY, COMMUNE_OFFICER, PRODUCER) && r.provinceCode.equals(c.province());
    }

    /** The office that runs rounds of this level and area: the provincial office (province, district) or the Ministry's (central). */
    public static void requireOffice(Caller c, Level level, String province) {
        if (c.has(ADMIN)) return;
        if (level == Level.CENTRAL) {
            if (!c.has(MINISTRY_OFFICE)) throw forbidden("Chỉ cơ quan tham mưu OCOP của Bộ quản lý đợt cấp trung ương");
            return;
        }
        if (!c.has(PROVINCE_OFFICE)) throw forbidden("Chỉ cơ quan tham mưu OCOP cấp tỉnh quản lý đợt cấp tỉnh");
        if (province == null || !province.equals(c.province())) throw outOfScope("tỉnh " + province);
    }

    Round change(String id, Consumer<Round> mutation) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Round r = require(id);
            mutation.accept(r);
            if (store.replace(r)) return r;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Đợt đang được thay đổi đồng thời; thử lại");
    }

    private static void validate(Round.Council c) {
        Set<String> users = new HashSet<>();
        int chairs = 0;
        int secretaries = 0;
        for (Round.Member m : c.members) {
            if (!users.add(m.user()))
                throw ApiException.invalidField("members", "thành viên " + m.user() + " bị trùng");
            if ("CHAIR".equals(m.role())) chairs++;
            if ("SECRETARY".equals(m.role())) secretaries++;
        }
        for (Round.Advisor a : c.advisory) {
            if (!users.add(a.user()))
                throw ApiException.invalidField("advisory", a.user() + " đã có trong Hội đồng hoặc Tổ tư vấn");
        }
        if (chairs != 1) throw ApiException.invalidField("members", "Hội đồng có đúng một Chủ tịch (CHAIR)");
        if (secretaries > 1)
            throw ApiException.invalidField("members", "Hội đồng có nhiều nhất một Thư ký (SECRETARY)");
        if (c.members.stream().noneMatch(m -> "MEMBER".equals(m.role()))) {
            throw ApiException.invalidField("members", "Hội đồng cần ít nhất một thành viên chấm điểm (MEMBER)");
        }
    }

    static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    public static ApiException outOfScope(String what) {
        return new ApiException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE", "Ngoài phạm vi của bạn: " + what);
    }
}
