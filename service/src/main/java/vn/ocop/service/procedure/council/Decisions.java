package vn.ocop.service.procedure.council;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.ProcedureDecisionInput;
import vn.ocop.service.platform.security.Caller;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.DecisionRecorded;
import vn.ocop.service.procedure.ProcedureClock;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.cases.Cases;
import vn.ocop.service.procedure.cases.Move;
import vn.ocop.service.procedure.cases.State;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.levels.LevelRule;
import vn.ocop.service.procedure.levels.ProcedureRule;
import vn.ocop.service.procedure.levels.ProcedureRules;
import vn.ocop.service.procedure.rounds.Rounds;

/**
 * Records the competent authority's decision on a counted council result and publishes {@link DecisionRecorded}.
 * Which outcome a level may decide comes from the procedure data ({@link LevelRule}), never from the caller: a decision
 * the result does not allow is refused with DECISION_NOT_ALLOWED.
 */
@Service
public class Decisions {
    public enum Outcome {
        RECOGNISED,
        NOT_RECOGNISED,
        FORWARDED,
        BACK_TO_PROVINCE
    }

    private final Cases cases;
    private final CouncilResults results;
    private final ProcedureRules rules;
    private final ProcedureClock clock;
    private final ApplicationEventPublisher events;

    Decisions(
            Cases cases,
            CouncilResults results,
            ProcedureRules rules,
            ProcedureClock clock,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.results = results;
        this.rules = rules;
        this.clock = clock;
        this.events = events;
    }

    public CaseFile decide(String dossierId, ProcedureDecisionInput in, Caller c) {
        if (in.getDate().isAfter(clock.today()))
            throw ApiException.invalidField("date", "ngày quyết định không được sau hôm nay");
        Outcome wanted = Outcome.valueOf(in.getOutcome().getValue());
        CaseFile read = cases.require(dossierId);
        Rounds.requireOffice(c, read.level, read.provinceCode);
        if (read.state == State.SCORING) {
            Quorum q = results.quorumOf(read);
            if (!q.met()) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "QUORUM_NOT_MET", "Hội đồng chưa đủ túc số: " + q.explain());
            }
            throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE", "Kết quả của Hội đồng chưa được ghi");
        }
        DecisionRecorded[] published = new DecisionRecorded[1];
        CaseFile f = cases.change(dossierId, x -> {
            Rounds.requireOffice(c, x.level, x.provinceCode);
            ProcedureRule procedure = rules.byId(x.procedure).orElseThrow();
            LevelRule level = procedure.level(x.level).orElseThrow();
            CaseFile.Result basis = basis(x, procedure)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.CONFLICT,
                            "WRONG_STATE",
                            "Hồ sơ ở trạng thái " + x.state + ": chưa có kết quả Hội đồng để quyết định"));
            Set<Outcome> allowed = allowed(x.state, level, procedure, basis);
            if (!allowed.contains(wanted)) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "DECISION_NOT_ALLOWED",
                        "Với kết quả " + basis.averageTotal() + " điểm (" + basis.stars() + " sao), cấp " + x.level
                                + " chỉ có thể quyết định " + allowed);
            }
            Level decidingLevel = x.level;
            Integer stars = wanted == Outcome.RECOGNISED ? basis.stars() : null;
            String authority = in.getAuthority() != null && !in.getAuthority().isBlank()
                    ? in.getAuthority()
                    : level.authority() + (x.level == Level.CENTRAL ? "" : " (" + x.provinceCode + ")");
            switch (wanted) {
                case RECOGNISED -> x.apply(Move.RECOGNISE, c.name(), clock.now(), in.getNumber());
                case NOT_RECOGNISED -> x.apply(Move.NOT_RECOGNISE, c.name(), clock.now(), in.getNumber());
                case FORWARDED -> {
                    x.apply(Move.FORWARD, c.name(), clock.now(), in.getNumber());
                    x.forwardedTo = level.next();
                }
                case BACK_TO_PROVINCE -> {
                    x.apply(Move.BACK_TO_PROVINCE, c.name(), clock.now(), in.getNumber());
                    x.level = procedure.previous(x.level).orElseThrow().level();
                }
            }
            CaseFile.Decision d = new CaseFile.Decision(
                    decidingLevel,
                    wanted.name(),
                    stars,
                    in.getNumber(),
                    in.getDate(),
                    in.getSigner(),
                    authority,
                    basis.roundId(),
                    basis.evaluationId(),
                    basis.evaluationHash(),
                    c.name(),
                    clock.now());
            x.decisions.add(d);
            published[0] = new DecisionRecorded(
                    x.id,
                    x.productCode,
                    x.productName,
                    x.producerId,
                    x.provinceCode,
                    x.communeCode,
                    decidingLevel.name(),
                    wanted.name(),
                    stars,
                    wanted == Outcome.RECOGNISED,
                    d.number(),
                    d.date(),
                    d.signer(),
                    d.authority(),
                    d.roundId(),
                    d.evaluationId(),
                    d.evaluationHash(),
                    d.recordedBy(),
                    d.recordedAt(),
                    x.kind,
                    x.upgradesCertificate);
        });
        events.publishEvent(published[0]);
        return f;
    }

    /** The result a decision rests on: this level's counted result, or, back from the next level, that level's. */
    static Optional<CaseFile.Result> basis(CaseFile f, ProcedureRule procedure) {
        if (f.state == State.SCORED) return f.countedResult();
        if (f.state == State.BACK_FROM_CENTRAL) {
            Level next = procedure.level(f.level).map(LevelRule::next).orElse(null);
            for (int i = f.results.size() - 1; i >= 0; i--) {
                CaseFile.Result r = f.results.get(i);
                if (r.counted() && r.level() == next) return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** What the level may decide on this result: forward from its threshold, recognise its stars, otherwise not. */
    static Set<Outcome> allowed(State state, LevelRule level, ProcedureRule procedure, CaseFile.Result basis) {
        int stars = basis.stars() == null ? 0 : basis.stars();
        if (state == State.BACK_FROM_CENTRAL) {
            return level.decidesOnReturn().contains(stars)
                    ? EnumSet.of(Outcome.RECOGNISED, Outcome.NOT_RECOGNISED)
                    : EnumSet.of(Outcome.NOT_RECOGNISED);
        }
        if (level.forwardsFrom() != null
                && level.next() != null
                && basis.averageTotal() != null
                && basis.averageTotal().compareTo(level.forwardsFrom()) >= 0) {
            return EnumSet.of(Outcome.FORWARDED);
        }
        if (level.recognises().contains(stars)) return EnumSet.of(Outcome.RECOGNISED);
        boolean sentUp = procedure.previous(level.level()).isPresent();
        boolean previousDecidesOnReturn = sentUp
                && !procedure.previous(level.level()).get().decidesOnReturn().isEmpty();
        if (previousDecidesOnReturn) return EnumSet.of(Outcome.BACK_TO_PROVINCE);
        return EnumSet.of(Outcome.NOT_RECOGNISED);
    }
}
