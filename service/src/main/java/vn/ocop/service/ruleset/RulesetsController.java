package vn.ocop.service.ruleset;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.ocop.api.model.Job;
import vn.ocop.api.model.PublishRequest;
import vn.ocop.api.model.Ruleset;
import vn.ocop.api.model.RulesetDiff;
import vn.ocop.api.model.RulesetDraftInput;
import vn.ocop.api.model.SimulationRequest;
import vn.ocop.api.model.TestReport;
import vn.ocop.api.model.ValidationReport;
import vn.ocop.api.server.RulesetsApi;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.security.CurrentUser;
import vn.ocop.service.platform.web.ApiException;

/** The ruleset lifecycle endpoints (POLICY_OFFICER and ADMIN; AUDITOR reads). */
@RestController
class RulesetsController implements RulesetsApi {
    private final Rulesets rulesets;
    private final Jobs jobs;
    private final RulesetViews views;

    RulesetsController(Rulesets rulesets, Jobs jobs, RulesetViews views) {
        this.rulesets = rulesets;
        this.jobs = jobs;
        this.views = views;
    }

    @Override
    public ResponseEntity<Ruleset> createRuleset(RulesetDraftInput in) {
        var r = rulesets.createDraft(
                new RulesetDrafts.Upload(
                        in.getEdition(),
                        in.getParentVersion(),
                        in.getNote(),
                        in.getFiles(),
                        in.getBinaryFiles(),
                        in.getDeletedFiles()),
                CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + r.id())).body(view(r));
    }

    /**
     * The same operation as multipart/form-data (docs/api.md): parts {@code edition}, {@code parentVersion} (optional),
     * {@code note} and any number of {@code files} parts whose filename is the pack-relative path. .xlsx parts are
     * binary, the others UTF-8 text. Spring picks this method or {@link #createRuleset} by Content-Type; both end in
     * the same service call, so the upload guard, the size limits and the role checks are the same.
     */
    @PostMapping(
            value = RulesetsApi.PATH_CREATE_RULESET,
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {"application/json", "application/problem+json"})
    ResponseEntity<Ruleset> createRulesetFromParts(MultipartHttpServletRequest request) {
        String edition = request.getParameter("edition");
        if (edition == null || edition.isBlank()) throw ApiException.invalidField("edition", "is required");
        Integer parentVersion = null;
        String pv = request.getParameter("parentVersion");
        if (pv != null && !pv.isBlank()) {
            try {
                parentVersion = Integer.valueOf(pv.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("parentVersion", "has an invalid value");
            }
        }
        String note = request.getParameter("note");
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> binary = new LinkedHashMap<>();
        if (request.getParameterValues("files") != null) {
            // a "files" part sent without a filename attribute arrives as a plain form field: it has no path
            throw ApiException.invalidField("files", "every files part needs a filename (the path in the pack)");
        }
        List<MultipartFile> parts = request.getMultiFileMap().getOrDefault("files", List.of());
        for (MultipartFile part : parts) {
            String path = part.getOriginalFilename();
            if (path == null || path.isBlank())
                throw ApiException.invalidField("files", "every files part needs a filename (the path in the pack)");
            if (text.containsKey(path) || binary.containsKey(path)) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "UPLOAD_REFUSED",
                        "The upload was refused",
                        List.of(new ApiException.FieldProblem("files", path + " is uploaded twice")));
            }
            byte[] bytes;
            try {
                bytes = part.getBytes();
            } catch (java.io.IOException e) {
                throw ApiException.invalidField("files", "the part " + path + " could not be read");
            }
            // every part goes on as its bytes, so a file that is not UTF-8 (e.g. Windows-1258) is refused by name,
            // not decoded into replacement characters and stored garbled
            binary.put(path, java.util.Base64.getEncoder().encodeToString(bytes));
        }
        var r = rulesets.createDraft(
                new RulesetDrafts.Upload(edition.trim(), parentVersion, note, text, binary, List.of()),
                CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + r.id())).body(view(r));
    }

    @Override
    public ResponseEntity<List<Ruleset>> listRulesets(String edition) {
        return ResponseEntity.ok(rulesets.list(edition).stream().map(this::view).toList());
    }

    @Override
    public ResponseEntity<Ruleset> getRuleset(String id) {
        return ResponseEntity.ok(view(rulesets.require(id)));
    }

    @Override
    public ResponseEntity<String> getRulesetFile(String id, String path) {
        return file(id, path);
    }

    /** The same for paths with '/' (stars/thresholds.csv): everything after /files/. */
    @GetMapping("/api/v1/rulesets/{id}/files/**")
    ResponseEntity<String> fileWithFolders(@PathVariable("id") String id, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String marker = "/files/";
        String path = URLDecoder.decode(uri.substring(uri.indexOf(marker) + marker.length()), StandardCharsets.UTF_8);
        return file(URLDecoder.decode(id, StandardCharsets.UTF_8), path);
    }

    private ResponseEntity<String> file(String id, String path) {
        byte[] bytes = rulesets.file(id, path);
        if (RulesetStore.isBinary(path)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(java.util.Base64.getEncoder().encodeToString(bytes));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public ResponseEntity<RulesetDiff> diffRuleset(String id) {
        return ResponseEntity.ok(views.diff(rulesets.diff(id)));
    }

    @Override
    public ResponseEntity<ValidationReport> validateRuleset(String id) {
        return ResponseEntity.ok(views.validation(rulesets.validate(id, CurrentUser.name())));
    }

    @Override
    public ResponseEntity<TestReport> testRuleset(String id) {
        return ResponseEntity.ok(views.tests(rulesets.test(id, CurrentUser.name())));
    }

    @Override
    public ResponseEntity<Job> simulateRuleset(String id, SimulationRequest body) {
        SimulationRequest b = body == null ? new SimulationRequest() : body;
        String jobId = rulesets.simulate(
                id,
                new Simulation.Request(
                        b.getProvince(), b.getDistrict(), b.getGroup(), b.getFrom(), b.getTo(), b.getEvaluationDate()),
                CurrentUser.name());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + jobId))
                .body(jobs.find(jobId).orElseThrow().toApi());
    }

    @Override
    public ResponseEntity<Ruleset> publishRuleset(String id, PublishRequest body) {
        return ResponseEntity.ok(view(rulesets.publish(
                id,
                body.getEffectiveFrom(),
                Boolean.TRUE.equals(body.getConfirmPastEffectiveFrom()),
                body.getReason(),
                CurrentUser.name())));
    }

    @Override
    public ResponseEntity<Void> deleteRuleset(String id) {
        rulesets.delete(id, CurrentUser.name());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> downloadRulesetArchive(String id) {
        byte[] zip = RulesetArchive.zip(rulesets.allFiles(id));
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "zip"))
                .header(
                        "Content-Disposition",
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(id + ".zip", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new org.springframework.core.io.ByteArrayResource(zip));
    }

    @Override
    public ResponseEntity<Ruleset> rollbackRuleset(String id) {
        return ResponseEntity.ok(view(rulesets.rollback(id, CurrentUser.name())));
    }

    /** The version as the API shows it: files by path and size, not their content, and its integrity here. */
    private Ruleset view(vn.ocop.service.ruleset.Ruleset r) {
        return views.ruleset(r, rulesets.integrity(r));
    }
}
