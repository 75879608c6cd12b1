package vn.ocop.service.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Job;
import vn.ocop.api.server.JobsApi;
import vn.ocop.service.platform.security.Roles;
import vn.ocop.service.platform.web.ApiException;

/** GET /api/v1/jobs/{id}: the one who started a job, AUDITOR and ADMIN; POST …/cancel: the one who started it and ADMIN. */
@RestController
class JobsController implements JobsApi {
    private final Jobs jobs;

    JobsController(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public ResponseEntity<Job> getJob(String id) {
        JobView v = visible(id);
        return ResponseEntity.ok(v.toApi());
    }

    @Override
    public ResponseEntity<Job> cancelJob(String id) {
        JobView v = visible(id);
        // an auditor may read every job, but cancel only their own: only the requester or an admin stops work
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = a != null
                && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_" + Roles.ADMIN));
        if (!admin && (a == null || !a.getName().equals(v.requestedBy()))) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "Chỉ người tạo tác vụ hoặc quản trị viên mới hủy được (only the job's requester or an admin may cancel it)");
        }
        return ResponseEntity.ok(jobs.cancel(id)
                .orElseThrow(() -> ApiException.notFound("Job", id))
                .toApi());
    }

    private JobView visible(String id) {
        JobView v = jobs.find(id).orElseThrow(() -> ApiException.notFound("Job", id));
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        boolean all = a != null
                && a.getAuthorities().stream()
                        .anyMatch(g -> g.getAuthority().equals("ROLE_" + Roles.AUDITOR)
                                || g.getAuthority().equals("ROLE_" + Roles.ADMIN));
        if (!all && (a == null || !a.getName().equals(v.requestedBy()))) {
            // not found rather than forbidden: job ids of others are not revealed
            throw ApiException.notFound("Job", id);
        }
        return v;
    }
}
