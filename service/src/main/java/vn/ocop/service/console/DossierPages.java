package vn.ocop.service.console;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierPage;
import vn.ocop.api.model.DossierStatus;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.server.AssessmentsApi;
import vn.ocop.api.server.DossiersApi;
import vn.ocop.api.server.EvaluationsApi;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.council.CouncilSheets;

/** The dossier list with the API's filters, and one dossier with its history, assessments and evaluations. */
@Controller
class DossierPages {
    static final int PAGE_SIZE = 20;
    private final DossiersApi dossiers;
    private final AssessmentsApi assessments;
    private final EvaluationsApi evaluations;
    private final CouncilSheets councilSheets;
    private final Callers callers;
    private final JsonMapper json;

    DossierPages(
            DossiersApi dossiers,
            AssessmentsApi assessments,
            EvaluationsApi evaluations,
            CouncilSheets councilSheets,
            Callers callers,
            JsonMapper json) {
        this.councilSheets = councilSheets;
        this.callers = callers;
        this.dossiers = dossiers;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.json = json;
    }

    @GetMapping("/dossiers")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer stars,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        DossierStatus st = blank(status) ? null : parseStatus(status);
        Integer s = stars == null || stars < 1 || stars > 5 ? null : stars;
        DossierPage result = dossiers.listDossiers(
                        text(q),
                        text(province),
                        null,
                        text(commune),
                        text(group),
                        st,
                        s,
                        Math.max(0, page),
                        PAGE_SIZE,
                        null)
                .getBody();
        model.addAttribute("page", result);
        model.addAttribute(
                "filters",
                new Filters(text(q), text(province), text(commune), text(group), st == null ? null : st.getValue(), s));
        model.addAttribute("statuses", List.of(DossierStatus.values()));
        model.addAttribute(
                "groups", List.of("FOOD", "BEVERAGE", "HERBAL", "TEXTILE", "HANDICRAFT", "TOURISM", "ORNAMENTAL"));
        return "console/dossiers";
    }

    /** The filters as the form shows them again. */
    record Filters(String q, String province, String commune, String group, String status, Integer stars) {}

    @GetMapping("/dossiers/{id}")
    @SuppressWarnings("unchecked")
    String dossier(@PathVariable String id, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        List<EvaluationRecord> records = evaluations.listDossierEvaluations(id).getBody();
        model.addAttribute("d", d);
        // fields later features add to the contract (e.g. the procedure's state history) are shown when present
        model.addAttribute("extra", json.convertValue(d, Map.class));
        model.addAttribute("assessments", assessments.listAssessments(id).getBody());
        // a procedure dossier is scored by its council's own sheets; the chair's view links from here
        boolean managed = councilSheets.managed(id);
        model.addAttribute("managed", managed);
        model.addAttribute(
                "seat", managed ? councilSheets.seat(id, callers.current()).orElse(null) : null);
        List<EvaluationRecord> newestFirst = new java.util.ArrayList<>(records == null ? List.of() : records);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("records", newestFirst);
        return "console/dossier";
    }

    private static DossierStatus parseStatus(String s) {
        try {
            return DossierStatus.fromValue(s.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "unknown status");
        }
    }

    private static String text(String s) {
        if (blank(s)) return null;
        String t = s.strip();
        if (t.length() > 20) throw ApiException.invalidField("filter", "at most 20 characters");
        return t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
