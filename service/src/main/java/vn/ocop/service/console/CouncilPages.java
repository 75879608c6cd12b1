package vn.ocop.service.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.server.DossiersApi;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.procedure.council.CouncilOverview;
import vn.ocop.service.procedure.council.CouncilResults;

/**
 * The chair's view of a dossier's council (members' sheets and totals, quorum, average, stars, spread warning) and the
 * recording of its result, both through the procedure's {@link CouncilResults} — the same service as
 * GET /api/v1/procedure/dossiers/{d}/council and POST /api/v1/procedure/rounds/{r}/dossiers/{d}/result.
 */
@Controller
class CouncilPages {
    private final DossiersApi dossiers;
    private final CouncilResults results;
    private final Callers callers;

    CouncilPages(DossiersApi dossiers, CouncilResults results, Callers callers) {
        this.dossiers = dossiers;
        this.results = results;
        this.callers = callers;
    }

    @GetMapping("/dossiers/{id}/council")
    String council(@PathVariable String id, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        CouncilOverview o = results.overview(id, callers.current());
        model.addAttribute("d", d);
        model.addAttribute("o", o);
        return "console/council";
    }

    /** Quorum first, then the engine on the sitting date: the procedure's record (refusals shown as the API's codes). */
    @PostMapping("/dossiers/{id}/council/result")
    String record(@PathVariable String id) {
        CouncilOverview o = results.overview(id, callers.current());
        results.record(o.roundId(), id, callers.current());
        return "redirect:/dossiers/" + id + "/council?recorded";
    }
}
