package vn.ocop.service.procedure.cases;

import static vn.ocop.service.platform.security.Roles.ADMIN;
import static vn.ocop.service.platform.security.Roles.ADVISORY;
import static vn.ocop.service.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ocop.service.platform.security.Roles.PRODUCER;
import static vn.ocop.service.platform.security.Roles.PROVINCE_OFFICE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.CheckFinding;
import vn.ocop.api.model.CommuneCheckInput;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.Registration;
import vn.ocop.service.dossier.Dossiers;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.calendar.WorkingDays;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.levels.ProcedureRule;
import vn.ocop.service.procedure.levels.ProcedureRules;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.rounds.Rounds;
import vn.ocop.service.procedure.store.ProcedureJson;
import vn.ocop.service.procedure.store.VersionedStore;

/**
 * The dossier's way up to the council: registration, filing, withdrawal, the commune's check, the provincial
 * completeness check, assignment to a round, the advisory team's report. Each move checks the caller's role and
 * scope, then is one compare-and-set on the case document (re-read and re-checked on a concurrent change).
 */
@Service
public class Cases {
    private final VersionedStore<CaseFile> store;
    private final Dossiers dossiers;
    private final Rounds rounds;
    private final ProcedureRules rules;
    private final WorkingDays workingDays;
    private final ProductCodes codes;
    private final ProcedureClock clock;

    Cases(
            VersionedStore<CaseFile> caseStore,
            Dossiers dossiers,
            Rounds rounds,
            ProcedureRules rules,
            WorkingDays workingDays,
            ProductCodes codes,
            ProcedureClock clock) {
        this.store = caseStore;
        this.dossiers = dossiers;
        this.rounds = rounds;
        this.rules = rules;
        this.workingDays = workingDays;
        this.codes = codes;
        this.clock = clock;
    }

    /** Mẫu 01 + Mẫu 02: creates the dossier and its case in REGISTERED. */
    public CaseFile register(Registration in, Caller c) {
        if (!c.hasAny(PRODUCER, ADMIN)) throw forbidden("Chỉ chủ thể OCOP đăng ký hồ sơ");
        String declared = in.getDossier().getProducer() == null
                ? null
                : in.getDossier().getProducer().getTaxOrRegistrationNumber();
        String producerId = c.has(PRODUCER) ? c.producer() : declared;
        if (c.has(PRODUCER) && (producerId == null || (declared != null && !declared.equals(producerId)))) {
            throw Rounds.outOfScope("chủ thể " + declared);
        }
        if (producerId == null) throw ApiException.invalidField("dossier.producer.taxOrRegistrationNumber", "bắt buộc");
        String kind = in.getKind().getValue();
        if (!"FIRST".equals(kind)
                && (in.getUpgradesCertificate() == null
                        || in.getUpgradesCertificate().isBlank())) {
            throw ApiException.invalidField(
                    "upgradesCertificate", "bắt buộc khi nâng hạng hoặc đánh giá lại: số giấy chứng nhận");
        }
        LocalDate registeredOn =
                in.getDossier().getRegisteredOn() != null ? in.getDossier().getRegisteredOn() : clock.today();
        if (registeredOn.isAfter(clock.today()))
            throw ApiException.invalidField("dossier.registeredOn", "không được sau hôm nay");
        ProcedureRule procedure = rules.forFilingDate(registeredOn)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "NO_PROCEDURE",
                        "Không có quy trình áp dụng cho ngày " + registeredOn));
        var loc = in.getDossier().getLocation();
        if (procedure.firstLevel() == Level.DISTRICT && loc.getDistrictCode() == null) {
            throw ApiException.invalidField(
                    "dossier.location.districtCode", "quy trình " + procedure.id() + " bắt đầu ở cấp huyện");
        }
        in.getDossier().registeredOn(registeredOn);
        Dossier d = dossiers.create(in.getDossier(), c.name());
        CaseFile f = new CaseFile();
        f.id = d.getId();
        f.state = State.REGISTERED;
        f.level = procedure.firstLevel();
        f.procedure = procedure.id();
        f.kind = kind;
        f.upgradesCertificate = in.getUpgradesCertificate();
        f.productName = d.getProduct().getName();
        f.producerId = producerId;
        f.provinceCode = loc.getProvinceCode();
        f.districtCode = loc.getDistrictCode();
        f.communeCode = loc.getCommuneCode();
        f.registeredOn = registeredOn;
        f.registeredBy = c.name();
        f.samples = in.getSamples();
        if (in.getRepresentative() != null)
            f.representative = ProcedureJson.MAPPER.convertValue(in.getRepresentative(), Map.class);
        if (in.getSelfAssessment() != null) {
            f.selfAssessment = new ArrayList<>();
            if (in.getSelfAssessment().getSelections() != null) {
                in.getSelfAssessment()
                        .getSelections()
                        .forEach((code, option) -> f.selfAssessment.add(new CaseFile.Pick(code, option)));
            }
            f.selfAssessmentNote = in.getSelfAssessment().getNote();
        }
        f.history.add(new CaseFile.HistoryEntry("REGISTER", null, State.REGISTERED, c.name(), clock.now(), null));
        if (!store.insert(f)) throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Hồ sơ " + f.id + " đã có");
        return f;
    }

    public CaseFile read(String id, Caller c) {
        CaseFile f = require(id);
        CaseAccess.requireRead(c, f, roundsOf(f));
        return f;
    }

    /** The cases the caller may see (a scan filtered on the caller's scope; at most 200, newest registration first). */
    public List<CaseFile> list(Caller c, State state) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (state != null) filter.put("state", state.name());
        if (c.has(PRODUCER) && !c.hasAny(ADMIN)) filter.put("producerId", c.producer());
        else if (c.has(COMMUNE_OFFICER) && !c.hasAny(ADMIN)) filter.put("communeCode", c.commune());
        else if (c.hasAny(PROVINCE_OFFICE) && !c.hasAny(ADMIN)) filter.put("provinceCode", c.province());
        return store.where(filter, 5000).stream()
                .filter(f -> CaseAccess.canRead(c, f, roundsOf(f)))
                .sorted(Comparator.comparing((CaseFile f) -> f.registeredOn)
                        .reversed()
                        .thenComparing(f -> f.id))
                .limit(200)
                .toList();
    }

    public CaseFile file(String id, Caller c, String reason) {
        return change(id, f -> {
            requireProducer(c, f);
            f.apply(Move.FILE, c.name(), clock.now(), reason);
            LocalDate today = clock.today();
            f.filedOn = today;
            f.communeCheckDueOn = workingDays.plus(today, rules.communeCheckWorkingDays());
            if (f.productCode == null) f.productCode = codes.next(f.provinceCode, f.communeCode, today.getYear());
        });
    }

    public CaseFile withdraw(String id, Caller c, String reason) {
        requireReason(reason);
        return change(id, f -> {
            requireProducer(c, f);
            f.apply(Move.WITHDRAW, c.name(), clock.now(), reason);
        });
    }

    /** Mẫu 03: the commune's findings on the five contents, then PROPOSE (to the province) or RETURN (to the producer). */
    public CaseFile communeCheck(String id, Caller c, CommuneCheckInput in) {
        boolean propose = in.getOutcome() == CommuneCheckInput.OutcomeEnum.PROPOSE;
        if (!propose) requireReason(in.getReason());
        return change(id, f -> {
            if (!c.has(ADMIN)) {
                if (!c.has(COMMUNE_OFFICER)) throw forbidden("Chỉ cán bộ UBND cấp xã ghi báo cáo Mẫu 03");
                if (!f.communeCode.equals(c.commune()) || !f.provinceCode.equals(c.province()))
                    throw Rounds.outOfScope("xã " + f.communeCode);
            }
            f.apply(propose ? Move.PROPOSE : Move.RETURN_BY_COMMUNE, c.name(), clock.now(), in.getReason());
            LocalDate today = clock.today();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("origin", finding(in.getOrigin()));
            check.put("localRawMaterial", finding(in.getLocalRawMaterial()));
            check.put("localLabour", finding(in.getLocalLabour()));
            check.put("ideaOrigin", finding(in.getIdeaOrigin()));
            check.put("localIdentity", finding(in.getLocalIdentity()));
            check.put("outcome", in.getOutcome().getValue());
            check.put("reason", in.getReason());
            check.put("checkedBy", c.name());
            check.put("checkedOn", today.toString());
            check.put("dueOn", f.communeCheckDueOn == null ? null : f.communeCheckDueOn.toString());
            check.put("late", f.communeCheckDueOn != null && today.isAfter(f.communeCheckDueOn));
            f.communeCheck = check;
            if (propose) f.proposedOn = today;
        });
    }

    /** The provincial office's completeness check: ACCEPT, or RETURN for completion with a reason. */
    public CaseFile completenessCheck(String id, Caller c, boolean complete, String reason) {
        if (!complete) requireReason(reason);
        return change(id, f -> {
            requireProvinceOffice(c, f);
            f.apply(complete ? Move.ACCEPT : Move.RETURN_BY_PROVINCE, c.name(), clock.now(), reason);
        });
    }

    /**
     * Into a round of the level the dossier is at (or was sent to). Without a round id: the open round with the first
     * cut-off on or after the proposal date, so a dossier proposed after a cut-off goes to the next round.
     */
    public CaseFile assign(String id, Caller c, String roundId) {
        return change(id, f -> {
            Level target = f.state == State.FORWARDED && f.forwardedTo != null ? f.forwardedTo : f.level;
            Rounds.requireOffice(c, target, f.provinceCode);
            LocalDate proposed = f.state == State.FORWARDED ? forwardedOn(f) : f.proposedOn;
            if (!Move.ASSIGN.allowedFrom(f.state)) f.apply(Move.ASSIGN, c.name(), clock.now(), null); // refuses
            Round next = rounds.nextRound(target, f.provinceCode, f.districtCode, proposed)
                    .orElse(null);
            Round round;
            if (roundId == null) {
                if (next == null)
                    throw new ApiException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "NO_OPEN_ROUND",
                            "Chưa có đợt " + target + " nào có hạn đề nghị từ " + proposed + "; tạo đợt trước");
                round = next;
            } else {
                round = rounds.require(roundId);
                boolean sameArea = round.level == target
                        && (target == Level.CENTRAL || f.provinceCode.equals(round.provinceCode))
                        && (target != Level.DISTRICT || f.districtCode.equals(round.districtCode));
                if (!sameArea)
                    throw ApiException.invalidField(
                            "roundId", "đợt " + roundId + " không thuộc cấp và địa bàn của hồ sơ");
                if (round.cutoff.isBefore(proposed)) {
                    throw new ApiException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "AFTER_CUTOFF",
                            "Hồ sơ được đề nghị ngày " + proposed
                                    + ", sau hạn " + round.cutoff + " của đợt " + roundId
                                    + (next == null ? "; chưa có đợt sau" : "; đợt kế tiếp: " + next.id));
                }
            }
            f.apply(Move.ASSIGN, c.name(), clock.now(), "đợt " + round.id);
            f.level = target;
            f.forwardedTo = null;
            f.roundId = round.id;
            f.rounds.add(round.id);
            f.pass = 1;
        });
    }

    /** The advisory team's report (Tổ tư vấn) on a dossier of its council's round. */
    public CaseFile advisoryReport(String id, Caller c, String text) {
        return change(id, f -> {
            if (f.roundId == null
                    || !(f.state == State.ASSIGNED || f.state == State.SCORING || f.state == State.SCORED)) {
                throw new ApiException(
                        HttpStatus.CONFLICT, "WRONG_STATE", "Hồ sơ chưa ở trong một đợt đánh giá (" + f.state + ")");
            }
            Round r = rounds.require(f.roundId);
            if (!c.has(ADMIN) && !(c.has(ADVISORY) && r.council != null && r.council.advises(c.name()))) {
                throw Rounds.outOfScope("Tổ tư vấn của đợt " + r.id);
            }
            f.advisoryReports.add(new CaseFile.AdvisoryReport(r.id, c.name(), clock.now(), text));
        });
    }

    public Optional<CaseFile> find(String id) {
        return store.find(id);
    }

    public CaseFile require(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Dossier", id));
    }

    /** Cases in a round, and in given states (a scan: for to-do lists). */
    public List<CaseFile> where(Map<String, Object> equalities) {
        return store.where(equalities, 5000);
    }

    public List<Round> roundsOf(CaseFile f) {
        List<Round> out = new ArrayList<>();
        for (String r : f.rounds) rounds.find(r).ifPresent(out::add);
        return out;
    }

    /**
     * Reads, applies the mutation (which checks and moves) and writes back by compare-and-set; on a concurrent change,
     * re-reads and applies again, so the checks always see the state that is written over.
     */
    public CaseFile change(String id, Consumer<CaseFile> mutation) {
        for (int attempt = 0; attempt < 5; attempt++) {
            CaseFile f = require(id);
            mutation.accept(f);
            if (store.replace(f)) return f;
        }
        throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Hồ sơ đang được thay đổi đồng thời; thử lại");
    }

    private static LocalDate forwardedOn(CaseFile f) {
        for (int i = f.decisions.size() - 1; i >= 0; i--) {
            if ("FORWARDED".equals(f.decisions.get(i).outcome()))
                return f.decisions.get(i).date();
        }
        return f.proposedOn;
    }

    private static Map<String, Object> finding(CheckFinding in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("satisfied", in.getSatisfied());
        m.put("note", in.getNote());
        return m;
    }

    private static void requireProducer(Caller c, CaseFile f) {
        if (c.has(ADMIN)) return;
        if (!c.has(PRODUCER)) throw forbidden("Chỉ chủ thể OCOP nộp hoặc rút hồ sơ");
        if (!f.producerId.equals(c.producer())) throw Rounds.outOfScope("hồ sơ " + f.id);
    }

    static void requireProvinceOffice(Caller c, CaseFile f) {
        if (c.has(ADMIN)) return;
        if (!c.has(PROVINCE_OFFICE)) throw forbidden("Chỉ cơ quan tham mưu OCOP cấp tỉnh");
        if (!f.provinceCode.equals(c.province())) throw Rounds.outOfScope("tỉnh " + f.provinceCode);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) throw ApiException.invalidField("reason", "ghi rõ lý do");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }
}
