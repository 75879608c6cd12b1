package vn.ocop.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import vn.ocop.api.model.Job;
import vn.ocop.api.model.ReplayFilter;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.api.server.AuditApi;
import vn.ocop.service.evaluation.EvaluationLedger;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.web.ApiException;

@RestController
class AuditController implements AuditApi {
    private final Replays replays;
    private final Explanations explanations;
    private final AuditLog auditLog;
    private final EvaluationLedger ledger;
    private final BatchReplay batch;
    private final Jobs jobs;

    AuditController(Replays replays, Explanations explanations, AuditLog auditLog, EvaluationLedger ledger,
                    BatchReplay batch, Jobs jobs) {
        this.batch = batch;
        this.jobs = jobs;
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
    public ResponseEntity<Job> startBatchReplay(ReplayFilter body) {
        ReplayFilter f = body == null ? new ReplayFilter() : body;
        if (f.getFrom() != null && f.getTo() != null && f.getFrom().isAfter(f.getTo())) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        BatchReplay.Filter filter = new BatchReplay.Filter(f.getProvince(), f.getDistrict(), f.getGroup(), f.getEdition(),
                f.getFrom(), f.getTo());
        String jobId = jobs.start("REPLAY", CurrentUser.name(), progress -> batch.runAsJob(filter, progress));
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + jobId)).body(jobs.find(jobId).orElseThrow().toApi());
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
