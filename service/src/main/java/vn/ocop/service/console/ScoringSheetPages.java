package vn.ocop.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
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
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.council.CouncilSheets;
import vn.ocop.service.procedure.council.Seat;
import vn.ocop.service.procedure.council.Sheet;

/**
 * The scoring sheet (phiếu chấm điểm) of one council member for one dossier: drawn from the catalogue, one choice per
 * criterion; the subtotals, total and star level come from the rules engine through the API's stateless evaluation
 * (the same call as POST /api/v1/evaluate), never from the page. For a dossier the procedure owns, the sheet is the
 * member's own sheet of the council (draft and submission through the procedure's {@link CouncilSheets}, as
 * PUT/POST /api/v1/procedure/rounds/{r}/dossiers/{d}/sheets/{member} do); for a dossier outside the procedure it is
 * checked by the engine and stored whole as the API's assessment (no drafts: those are the procedure's).
 */
@Controller
class ScoringSheetPages {
    private static final String FIELD_PREFIX = "c:";
    private final DossiersApi dossiers;
    private final CatalogueApi catalogue;
    private final EvaluationApi evaluation;
    private final AssessmentsApi assessments;
    private final EvaluationsApi evaluations;
    private final CouncilSheets councilSheets;
    private final Callers callers;
    private final JsonMapper json;

    ScoringSheetPages(
            DossiersApi dossiers,
            CatalogueApi catalogue,
            EvaluationApi evaluation,
            AssessmentsApi assessments,
            EvaluationsApi evaluations,
            CouncilSheets councilSheets,
            Callers callers,
            JsonMapper json) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.evaluation = evaluation;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.councilSheets = councilSheets;
        this.callers = callers;
        this.json = json;
    }

    /** What the member filled in: name, role and the chosen option of each criterion. */
    record Filled(String member, String role, Map<String, Integer> selections) {
        static Filled from(MultiValueMap<String, String> form) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (!name.startsWith(FIELD_PREFIX)
                        || values.isEmpty()
                        || values.get(0).isBlank()) return;
                try {
                    selections.put(
                            name.substring(FIELD_PREFIX.length()),
                            Integer.valueOf(values.get(0).trim()));
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
            return new AssessmentInput()
                    .member(member)
                    .role(CouncilRole.fromValue(role))
                    .selections(selections);
        }
    }

    @GetMapping("/dossiers/{id}/sheet")
    String sheet(@PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        Filled filled;
        Optional<Seat> seat = seat(id);
        if (seat.isPresent()) {
            Optional<Sheet> own = councilSheets.own(seat.get(), id);
            filled = new Filled(
                    seat.get().memberName(),
                    seat.get().role(),
                    own.map(Sheet::selectionMap).orElse(Map.of()));
            model.addAttribute("ownStatus", own.map(x -> x.status).orElse(null));
        } else {
            filled = new Filled(CurrentUser.name(), "MEMBER", Map.of());
        }
        model.addAttribute("saved", saved != null);
        return render(d, seat.orElse(null), filled, null, model);
    }

    /** The live summary (an htmx fragment): the engine's result for this one sheet as it is filled now. */
    @GetMapping("/dossiers/{id}/sheet/preview")
    String preview(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        Dossier d = dossiers.getDossier(id).getBody();
        Filled filled = Filled.from(form);
        model.addAttribute("summary", Summary.of(score(d, filled), view(d), json));
        return "console/sheet-preview";
    }

    /** The member's draft is the procedure's member sheet (status DRAFT): the one the API and the chair see. */
    @PostMapping("/dossiers/{id}/sheet/draft")
    String saveDraft(@PathVariable String id, @RequestParam MultiValueMap<String, String> form) {
        dossiers.getDossier(id); // 404 for a dossier that does not exist, OUT_OF_SCOPE for one the caller may not read
        Seat seat = seat(id).orElseThrow(() -> new ApiException(
                HttpStatus.CONFLICT, "NO_DRAFTS", "Chỉ hồ sơ theo quy trình có phiếu nháp của thành viên Hội đồng"));
        councilSheets.save(seat.roundId(), id, seat.member(), Filled.from(form).selections(), null, callers.current());
        return "redirect:/dossiers/" + id + "/sheet?saved";
    }

    @PostMapping("/dossiers/{id}/sheet/submit")
    String submit(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Dossier d = dossiers.getDossier(id).getBody();
        Filled filled = Filled.from(form);
        Optional<Seat> seat = seat(id);
        if (seat.isPresent()) return submitMemberSheet(d, seat.get(), filled, model, response);
        EvaluationResult result = score(d, filled);
        boolean refused = result.getStatus() != EvaluationResult.StatusEnum.VALID
                || filled.member().isEmpty();
        if (refused) {
            response.setStatus(422);
            boolean missing = result.getFindings().stream().anyMatch(f -> "MISSING_CRITERION".equals(f.getCode()));
            String code = missing ? "SHEET_INCOMPLETE" : "SHEET_INVALID";
            model.addAttribute(
                    "refusal",
                    new ConsoleErrors.Refusal(
                            code,
                            ConsoleErrors.message(code),
                            result.getFindings().stream()
                                    .filter(f -> f.getSeverity() == Finding.SeverityEnum.ERROR)
                                    .map(f -> new ApiException.FieldProblem(
                                            f.getCriterion() == null ? f.getCode() : f.getCriterion(), f.getMessage()))
                                    .toList()));
            return render(d, null, filled, result, model);
        }
        StoredAssessment stored =
                assessments.addAssessment(id, filled.input(), null).getBody();
        return "redirect:/dossiers/" + id + "?submitted=" + (stored == null ? "" : stored.getId());
    }

    /**
     * A procedure dossier: the choices are saved as the member's sheet, then submitted through the procedure, which
     * refuses an incomplete or invalid sheet with SHEET_INCOMPLETE and one problem per criterion (the draft is kept).
     */
    private String submitMemberSheet(Dossier d, Seat seat, Filled filled, Model model, HttpServletResponse response) {
        String id = d.getId();
        councilSheets.save(seat.roundId(), id, seat.member(), filled.selections(), null, callers.current());
        try {
            councilSheets.submit(seat.roundId(), id, seat.member(), callers.current());
        } catch (ApiException e) {
            if (!"SHEET_INCOMPLETE".equals(e.code())) throw e;
            response.setStatus(e.status().value());
            model.addAttribute(
                    "refusal",
                    new ConsoleErrors.Refusal(
                            e.code(),
                            ConsoleErrors.message(e.code()),
                            e.errors().stream()
                                    .map(p -> new ApiException.FieldProblem(
                                            p.field().startsWith("selections.")
                                                    ? p.field().substring(11)
                                                    : p.field(),
                                            p.message()))
                                    .toList()));
            Filled shown = new Filled(seat.memberName(), seat.role(), filled.selections());
            return render(d, seat, shown, null, model);
        }
        return "redirect:/dossiers/" + id + "?submitted=" + seat.member();
    }

    /** The caller's seat on the dossier's council, when the procedure owns the dossier; refused when it does and they have none. */
    private Optional<Seat> seat(String dossierId) {
        if (!councilSheets.managed(dossierId)) return Optional.empty();
        Seat seat = councilSheets
                .seat(dossierId, callers.current())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.FORBIDDEN, "NOT_IN_COUNCIL", "Bạn không là thành viên Hội đồng chấm hồ sơ này"));
        if (!seat.scores())
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_IN_COUNCIL", "Thư ký Hội đồng không chấm điểm");
        return Optional.of(seat);
    }

    /** The council's result: the API's evaluation of the dossier's stored sheets (a new record in its chain). */
    @PostMapping("/dossiers/{id}/evaluate")
    String evaluate(@PathVariable String id) {
        evaluations.evaluateDossier(id, null);
        return "redirect:/dossiers/" + id + "#evaluations";
    }

    private String render(Dossier d, Seat seat, Filled filled, EvaluationResult result, Model model) {
        SheetView sheet = view(d);
        model.addAttribute("d", d);
        model.addAttribute("seat", seat);
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
        EvaluateRequest request = new EvaluateRequest()
                .edition(d.getEdition())
                .group(d.getGroup())
                .sheet(d.getSheet())
                .dossier(d.getFacts())
                .assessments(List.of(filled.input().member(filled.member().isEmpty() ? "?" : filled.member())));
        return evaluation.evaluate(request).getBody();
    }

    /** The summary panel: the engine's figures for the sheet and what is still missing, in sheet order. */
    record Summary(
            EvaluationResult result,
            Integer a,
            Integer b,
            Integer c,
            Integer total,
            Integer stars,
            List<SheetView.Criterion> missing,
            List<Finding> problems,
            List<Map<String, Object>> unmetMinimums,
            int chosen,
            int criteria) {
        /** Every criterion chosen and no error: what a refusal asked for is done. */
        public boolean complete() {
            return missing.isEmpty() && result.getStatus() == EvaluationResult.StatusEnum.VALID;
        }

        @SuppressWarnings("unchecked")
        static Summary of(EvaluationResult r, SheetView sheet, JsonMapper json) {
            var member = r.getMembers() == null || r.getMembers().isEmpty()
                    ? null
                    : r.getMembers().get(0);
            java.util.Set<String> missingCodes = new java.util.HashSet<>();
            r.getFindings().forEach(f -> {
                if ("MISSING_CRITERION".equals(f.getCode()) && f.getCriterion() != null)
                    missingCodes.add(f.getCriterion());
            });
            List<SheetView.Criterion> all = sheet.parts().stream()
                    .flatMap(p -> p.groups().stream())
                    .flatMap(g -> g.criteria().stream())
                    .toList();
            List<SheetView.Criterion> missing =
                    all.stream().filter(c -> missingCodes.contains(c.code())).toList();
            List<Finding> problems = r.getFindings().stream()
                    .filter(f -> !"MISSING_CRITERION".equals(f.getCode()))
                    .toList();
            // star minimums the result reports once the engine has them (edition ocop-2026)
            Object unmet = json.convertValue(r, Map.class).get("unmetMinimums");
            return new Summary(
                    r,
                    member == null ? null : member.getParts().getA(),
                    member == null ? null : member.getParts().getB(),
                    member == null ? null : member.getParts().getC(),
                    member == null ? null : member.getTotal(),
                    r.getStars(),
                    missing,
                    problems,
                    unmet instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(),
                    all.size() - missing.size(),
                    all.size());
        }
    }
}
