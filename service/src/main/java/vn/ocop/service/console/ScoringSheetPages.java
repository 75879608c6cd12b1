package vn.ocop.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.CouncilRole;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.EvaluateRequest;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.model.Finding;
import vn.ocop.api.model.StoredAssessment;
import vn.ocop.api.server.AssessmentsApi;
import vn.ocop.api.server.CatalogueApi;
import vn.ocop.api.server.DossiersApi;
import vn.ocop.api.server.EvaluationApi;
import vn.ocop.api.server.EvaluationsApi;
import vn.ocop.service.platform.security.CurrentUser;

/**
 * The scoring sheet (phiếu chấm điểm) of one council member for one dossier: drawn from the catalogue, one choice per
 * criterion; the subtotals, total and star level come from the rules engine through the API's stateless evaluation
 * (the same call as POST /api/v1/evaluate), never from the page. Submitting goes through the same check first and is
 * refused while any criterion is missing or a choice is invalid, then stored as the API's assessment.
 */
@Controller
class ScoringSheetPages {
    private static final String FIELD_PREFIX = "c:";
    private final DossiersApi dossiers;
    private final CatalogueApi catalogue;
    private final EvaluationApi evaluation;
    private final AssessmentsApi assessments;
    private final EvaluationsApi evaluations;
    private final SheetDrafts drafts;
    private final JsonMapper json;

    ScoringSheetPages(DossiersApi dossiers, CatalogueApi catalogue, EvaluationApi evaluation, AssessmentsApi assessments,
                      EvaluationsApi evaluations, SheetDrafts drafts, JsonMapper json) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.evaluation = evaluation;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.drafts = drafts;
        this.json = json;
    }

    /** What the member filled in: name, role and the chosen option of each criterion. */
    record Filled(String member, String role, Map<String, Integer> selections) {
        static Filled from(MultiValueMap<String, String> form) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (!name.startsWith(FIELD_PREFIX) || values.isEmpty() || values.get(0).isBlank()) return;
                try {
                    selections.put(name.substring(FIELD_PREFIX.length()), Integer.valueOf(values.get(0).trim()));
                } catch (NumberFormatException e) {
                    // not a number: left unchosen, so the engine reports the criterion as missing
                }
            });
            String member = form.getFirst("member");
            member = member == null ? "" : Normalizer.normalize(member.strip(), Normalizer.Form.NFC);
            String role = "CHAIR".equals(form.getFirst("role")) ? "CHAIR" : "MEMBER";
            return new Filled(member, role, selections);
        }

        AssessmentInput input() {
            return new AssessmentInput().member(member).role(CouncilRole.fromValue(role)).selections(selections);
        }
    }

    @GetMapping("/dossiers/{id}/sheet")
    String sheet(@PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        String user = CurrentUser.name();
        Filled filled = drafts.find(id, user).map(x -> new Filled(x.member(), x.role(), x.selections()))
                .orElse(new Filled(user, "MEMBER", Map.of()));
        model.addAttribute("saved", saved != null);
        return render(d, filled, null, model);
    }

    /** The live summary (an htmx fragment): the engine's result for this one sheet as it is filled now. */
    @GetMapping("/dossiers/{id}/sheet/preview")
    String preview(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        Filled filled = Filled.from(form);
        model.addAttribute("summary", Summary.of(score(d, filled), view(d), json));
        return "console/sheet :: summary";
    }

    @PostMapping("/dossiers/{id}/sheet/draft")
    String saveDraft(@PathVariable String id, @RequestParam MultiValueMap<String, String> form) {
        dossiers.getDossier(id); // 404 for a dossier that does not exist
        Filled filled = Filled.from(form);
        drafts.save(id, CurrentUser.name(), new SheetDrafts.Draft(filled.member(), filled.role(), filled.selections(), null));
        return "redirect:/dossiers/" + id + "/sheet?saved";
    }

    @PostMapping("/dossiers/{id}/sheet/submit")
    String submit(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response) {
        Dossier d = dossiers.getDossier(id).getBody();
        Filled filled = Filled.from(form);
        EvaluationResult result = score(d, filled);
        boolean refused = result.getStatus() != EvaluationResult.StatusEnum.VALID || filled.member().isEmpty();
        if (refused) {
            response.setStatus(422);
            boolean missing = result.getFindings().stream().anyMatch(f -> "MISSING_CRITERION".equals(f.getCode()));
            String code = missing ? "SHEET_INCOMPLETE" : "SHEET_INVALID";
            model.addAttribute("refusal", new ConsoleErrors.Refusal(code, ConsoleErrors.message(code),
                    result.getFindings().stream().filter(f -> f.getSeverity() == Finding.SeverityEnum.ERROR)
                            .map(f -> new vn.ocop.service.platform.web.ApiException.FieldProblem(
                                    f.getCriterion() == null ? f.getCode() : f.getCriterion(), f.getMessage())).toList()));
            return render(d, filled, result, model);
        }
        StoredAssessment stored = assessments.addAssessment(id, filled.input(), null).getBody();
        drafts.remove(id, CurrentUser.name());
        return "redirect:/dossiers/" + id + "?submitted=" + (stored == null ? "" : stored.getId());
    }

    /** The council's result: the API's evaluation of the dossier's stored sheets (a new record in its chain). */
    @PostMapping("/dossiers/{id}/evaluate")
    String evaluate(@PathVariable String id) {
        evaluations.evaluateDossier(id, null);
        return "redirect:/dossiers/" + id + "#evaluations";
    }

    private String render(Dossier d, Filled filled, EvaluationResult result, Model model) {
        SheetView sheet = view(d);
        model.addAttribute("d", d);
        model.addAttribute("sheet", sheet);
        model.addAttribute("filled", filled);
        model.addAttribute("summary", Summary.of(result != null ? result : score(d, filled), sheet, json));
        return "console/sheet";
    }

    private SheetView view(Dossier d) {
        return SheetView.of(catalogue.getSheet(d.getEdition(), d.getSheet()).getBody(), json);
    }

    /** The API's stateless evaluation of this one sheet with the dossier's edition, sheet and declared facts. */
    private EvaluationResult score(Dossier d, Filled filled) {
        EvaluateRequest request = new EvaluateRequest().edition(d.getEdition()).group(d.getGroup()).sheet(d.getSheet())
                .dossier(d.getFacts()).assessments(List.of(filled.input().member(filled.member().isEmpty() ? "?" : filled.member())));
        return evaluation.evaluate(request).getBody();
    }

    /** The summary panel: the engine's figures for the sheet and what is still missing, in sheet order. */
    record Summary(EvaluationResult result, Integer a, Integer b, Integer c, Integer total, Integer stars,
                   List<SheetView.Criterion> missing, List<Finding> problems, List<Map<String, Object>> unmetMinimums,
                   int chosen, int criteria) {
        @SuppressWarnings("unchecked")
        static Summary of(EvaluationResult r, SheetView sheet, JsonMapper json) {
            var member = r.getMembers() == null || r.getMembers().isEmpty() ? null : r.getMembers().get(0);
            java.util.Set<String> missingCodes = new java.util.HashSet<>();
            r.getFindings().forEach(f -> {
                if ("MISSING_CRITERION".equals(f.getCode()) && f.getCriterion() != null) missingCodes.add(f.getCriterion());
            });
            List<SheetView.Criterion> all = sheet.parts().stream().flatMap(p -> p.groups().stream())
                    .flatMap(g -> g.criteria().stream()).toList();
            List<SheetView.Criterion> missing = all.stream().filter(c -> missingCodes.contains(c.code())).toList();
            List<Finding> problems = r.getFindings().stream().filter(f -> !"MISSING_CRITERION".equals(f.getCode())).toList();
            // star minimums the result reports once the engine has them (edition ocop-2026)
            Object unmet = json.convertValue(r, Map.class).get("unmetMinimums");
            return new Summary(r, member == null ? null : member.getParts().getA(), member == null ? null : member.getParts().getB(),
                    member == null ? null : member.getParts().getC(), member == null ? null : member.getTotal(),
                    r.getStars(), missing, problems, unmet instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(),
                    all.size() - missing.size(), all.size());
        }
    }
}
