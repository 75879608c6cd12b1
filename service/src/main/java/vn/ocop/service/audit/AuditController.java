package vn.ocop.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.api.model.AuditPage;
import vn.ocop.api.model.ChainReport;
import vn.ocop.api.model.Explanation;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.api.server.AuditApi;
import vn.ocop.service.evaluation.EvaluationLedger;

@RestController
class AuditController implements AuditApi {
    private final Replays replays;
    private final Explanations explanations;
    private final AuditLog auditLog;
    private final EvaluationLedger ledger;

    AuditController(Replays replays, Explanations explanations, AuditLog auditLog, EvaluationLedger ledger) {
        this.replays = replays;
        this.explanations = explanations;
        this.auditLog = auditLog;
        this.ledger = ledger;
    }

    @Override
    public ResponseEntity<ReplayReport> replayEvaluation(String id) {
        return ResponseEntity.ok(replays.replay(id));
    }

    @Override
    public ResponseEntity<ChainReport> verifyDossierChain(String id) {
        return ResponseEntity.ok(replays.verify(id));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<Explanation> explainEvaluation(String id, String format) {
        Explanation e = explanations.explain(id);
        if (wantsHtml(format)) {
            String hash = ledger.record(id).map(d -> d.getString("hash")).orElse(null);
            byte[] html = ScoringSheetHtml.render(e, hash).getBytes(StandardCharsets.UTF_8);
            // the generated interface types the body as JSON; the HTML is the same resource's other representation
            return (ResponseEntity) ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(html);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(e);
    }

    @Override
    public ResponseEntity<AuditPage> listAuditLog(String actor, String target, OffsetDateTime from, OffsetDateTime to,
                                                  Integer page, Integer size) {
        return ResponseEntity.ok(auditLog.page(actor, target, from, to, page == null ? 0 : page, size == null ? 20 : size));
    }

    private static boolean wantsHtml(String format) {
        if (format != null) return format.equalsIgnoreCase("html");
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("application/json");
    }
}
