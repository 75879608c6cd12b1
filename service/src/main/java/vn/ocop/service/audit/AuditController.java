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
import vn.ocop.api.model.Anchor;
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
    private final Verification verification;
    private final Anchors anchors;
    private final vn.ocop.service.dossier.Dossiers dossiers;

    AuditController(
            Replays replays,
            Explanations explanations,
            AuditLog auditLog,
            EvaluationLedger ledger,
            BatchReplay batch,
            Jobs jobs,
            Verification verification,
            Anchors anchors,
            vn.ocop.service.dossier.Dossiers dossiers) {
        this.dossiers = dossiers;
        this.verification = verification;
        this.anchors = anchors;
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
        return ResponseEntity.ok(verification.dossier(id));
    }

    @Override
    public ResponseEntity<ChainReport> verifyAuditLog() {
        return ResponseEntity.ok(verification.auditLog());
    }

    @Override
    public ResponseEntity<Anchor> createAnchor() {
        Anchor a = anchors.anchor(CurrentUser.name(), true);
        return ResponseEntity.created(URI.create("/api/v1/anchors/" + a.getSequence()))
                .body(a);
    }

    @Override
    public ResponseEntity<Anchor> latestAnchor(String format) {
        return anchorAnswer(anchors.latest().orElseThrow(() -> ApiException.notFound("Anchor", "latest")), format);
    }

    @Override
    public ResponseEntity<Anchor> getAnchor(Long sequence, String format) {
        return anchorAnswer(
                anchors.get(sequence).orElseThrow(() -> ApiException.notFound("Anchor", String.valueOf(sequence))),
                format);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Anchor> anchorAnswer(Anchor a, String format) {
        if (wantsHtml(format)) {
            return (ResponseEntity) ResponseEntity.ok()
                    .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(AnchorHtml.render(a).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(a);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<Explanation> explainEvaluation(String id, String format) {
        Explanation e = explanations.explain(id);
        String as = representation(format);
        if (as.equals("json"))
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(e);
        String html = ScoringSheetHtml.render(e, sheetContext(id, e));
        // the generated interface types the body as JSON; HTML and PDF are the same resource's other representations
        if (as.equals("pdf")) {
            return (ResponseEntity) ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"phieu-cham-diem-" + id + ".pdf\"")
                    .body(ScoringSheetPdf.render(html));
        }
        return (ResponseEntity) ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    /** The dossier, the record's hash and the outcome of replaying it now (a sheet is printed only for an intact record). */
    private ScoringSheetHtml.Context sheetContext(String id, Explanation e) {
        var doc = ledger.record(id).orElseThrow(() -> ApiException.notFound("Evaluation", id));
        ReplayReport check = replays.replay(id);
        java.util.List<String> problems = new java.util.ArrayList<>();
        check.getFailures()
                .forEach(f -> problems.add(f.getReason() != null ? f.getReason() : String.valueOf(f.getCheck())));
        if (check.getOutcome() == ReplayReport.OutcomeEnum.MISMATCH) problems.add("REPLAY_MISMATCH");
        boolean signed = doc.seal() == vn.ocop.service.evaluation.RecordSeal.State.SIGNED;
        vn.ocop.api.model.Dossier dossier = null;
        try {
            dossier = dossiers.get(e.getDossierId());
        } catch (ApiException gone) {
            // the sheet still prints what the record holds
        }
        return new ScoringSheetHtml.Context(
                dossier,
                doc.hash(),
                doc.requestedBy(),
                signed,
                check.getOutcome() == ReplayReport.OutcomeEnum.MATCH,
                problems);
    }

    @Override
    public ResponseEntity<Job> startBatchReplay(ReplayFilter body) {
        ReplayFilter f = body == null ? new ReplayFilter() : body;
        if (f.getFrom() != null && f.getTo() != null && f.getFrom().isAfter(f.getTo())) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        BatchReplay.Filter filter = new BatchReplay.Filter(
                f.getProvince(), f.getDistrict(), f.getGroup(), f.getEdition(), f.getFrom(), f.getTo());
        String jobId = jobs.start("REPLAY", CurrentUser.name(), progress -> batch.runAsJob(filter, progress));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + jobId))
                .body(jobs.find(jobId).orElseThrow().toApi());
    }

    @Override
    public ResponseEntity<AuditPage> listAuditLog(
            String actor, String target, OffsetDateTime from, OffsetDateTime to, Integer page, Integer size) {
        return ResponseEntity.ok(
                auditLog.page(actor, target, from, to, page == null ? 0 : page, size == null ? 20 : size));
    }

    private static String representation(String format) {
        if (format != null) return format.toLowerCase(java.util.Locale.ROOT);
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String accept = request.getHeader("Accept");
        if (accept == null || accept.contains("application/json")) return "json";
        if (accept.contains("application/pdf")) return "pdf";
        return accept.contains("text/html") ? "html" : "json";
    }

    private static boolean wantsHtml(String format) {
        if (format != null) return format.equalsIgnoreCase("html");
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("application/json");
    }
}
