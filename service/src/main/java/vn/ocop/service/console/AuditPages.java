package vn.ocop.service.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.api.model.Job;
import vn.ocop.api.model.ReplayFilter;
import vn.ocop.api.server.AuditApi;
import vn.ocop.service.platform.web.ApiException;

/** Audit for auditors: the audit log with filters, replay of one record, a dossier's chain, batch replay, printouts. */
@Controller
class AuditPages {
    private final AuditApi audit;

    AuditPages(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String log(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        OffsetDateTime start =
                from == null ? null : from.atStartOfDay(Vi.VIETNAM).toOffsetDateTime();
        OffsetDateTime end =
                to == null ? null : to.plusDays(1).atStartOfDay(Vi.VIETNAM).toOffsetDateTime();
        model.addAttribute(
                "log",
                audit.listAuditLog(blankToNull(actor), blankToNull(target), start, end, Math.max(0, page), 20)
                        .getBody());
        model.addAttribute("f", new Filters(blankToNull(actor), blankToNull(target), from, to));
        return "console/audit";
    }

    record Filters(String actor, String target, LocalDate from, LocalDate to) {}

    @PostMapping("/audit/replay")
    String replay(@RequestParam String evaluationId, Model model) {
        model.addAttribute(
                "replay", audit.replayEvaluation(evaluationId.strip()).getBody());
        return log(null, null, null, null, 0, model);
    }

    @GetMapping("/audit/dossiers/{id}/chain")
    String chain(@PathVariable String id, Model model) {
        model.addAttribute("chain", audit.verifyDossierChain(id).getBody());
        return log(null, id, null, null, 0, model);
    }

    @PostMapping("/audit/replays")
    String batchReplay(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Job job = audit.startBatchReplay(new ReplayFilter()
                        .province(blankToNull(province))
                        .edition(blankToNull(edition))
                        .from(from)
                        .to(to))
                .getBody();
        return "redirect:/jobs/" + job.getId();
    }

    /**
     * The printable scoring sheet of a record: the audit feature's own HTML (the same as the API's ?format=html). It
     * carries its print styles inline and no script, so this one response's policy allows inline styles and nothing else.
     */
    @GetMapping("/evaluations/{id}/print")
    void print(@PathVariable String id, HttpServletResponse response) throws IOException {
        ResponseEntity<?> answer = audit.explainEvaluation(id, "html");
        if (!(answer.getBody() instanceof byte[] html)) throw ApiException.notFound("Evaluation", id);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.getOutputStream().write(html);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
