package vn.ocop.service.procedure;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.CouncilInput;
import vn.ocop.api.model.Round;
import vn.ocop.api.model.RoundInput;
import vn.ocop.api.server.ProcedureRoundsApi;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.levels.Level;
import vn.ocop.service.procedure.rounds.Rounds;
import vn.ocop.service.procedure.store.ProcedureJson;

@RestController
class ProcedureRoundsController implements ProcedureRoundsApi {
    private final Rounds rounds;
    private final Callers callers;

    ProcedureRoundsController(Rounds rounds, Callers callers) {
        this.rounds = rounds;
        this.callers = callers;
    }

    @Override
    public ResponseEntity<Round> createRound(RoundInput in) {
        var r = rounds.create(
                new Rounds.NewRound(
                        Level.valueOf(in.getLevel().getValue()),
                        in.getProvinceCode(),
                        in.getDistrictCode(),
                        in.getYear(),
                        in.getNumber(),
                        in.getCutoff(),
                        in.getDecisionDue()),
                callers.current());
        return ResponseEntity.created(URI.create("/api/v1/procedure/rounds/" + r.id))
                .body(ProcedureViews.of(r));
    }

    @Override
    public ResponseEntity<List<Round>> listRounds(Integer year) {
        return ResponseEntity.ok(rounds.list(callers.current(), year).stream()
                .map(ProcedureViews::of)
                .toList());
    }

    @Override
    public ResponseEntity<Round> getRound(String id) {
        return ResponseEntity.ok(ProcedureViews.of(rounds.read(id, callers.current())));
    }

    @Override
    public ResponseEntity<Round> setCouncil(String id, CouncilInput in) {
        var council = ProcedureJson.convert(in, vn.ocop.service.procedure.rounds.Round.Council.class);
        return ResponseEntity.ok(ProcedureViews.of(rounds.setCouncil(id, council, callers.current())));
    }
}
