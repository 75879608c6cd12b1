package vn.ocop.service.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ocop.api.model.Job;
import vn.ocop.api.server.JobsApi;

/**
 * A background job (simulation, batch replay) with its progress bar: the page polls the progress fragment every second
 * (htmx) until the job has finished, then shows its result — for a simulation, the before/after star matrix. Who may
 * see a job is the jobs API's rule (its starter, auditors, admins).
 */
@Controller
class JobPages {
    private final JobsApi jobs;

    JobPages(JobsApi jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        fill(jobs.getJob(id).getBody(), model);
        return "console/job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        fill(jobs.getJob(id).getBody(), model);
        return "console/job :: progress";
    }

    private static void fill(Job job, Model model) {
        model.addAttribute("job", job);
        boolean finished = job.getState() != Job.StateEnum.QUEUED && job.getState() != Job.StateEnum.RUNNING;
        model.addAttribute("finished", finished);
        double percent = job.getPercent() == null ? 0 : job.getPercent();
        if (job.getState() == Job.StateEnum.SUCCEEDED) percent = 100;
        model.addAttribute("percent", (int) Math.floor(percent));
        model.addAttribute("matrix", finished && job.getResult() != null ? StarMatrix.of(job.getResult()) : null);
    }

    /** The simulation's before/after cells laid out as a table: rows = stars before, columns = stars after (0 = none). */
    record StarMatrix(List<List<Long>> rows, long total) {
        @SuppressWarnings("unchecked")
        static StarMatrix of(Map<String, Object> result) {
            if (!(result.get("matrix") instanceof List<?> cells)) return null;
            long[][] m = new long[6][6];
            long total = 0;
            for (Object o : cells) {
                if (!(o instanceof Map<?, ?> cell)) continue;
                int before = cell.get("oldStars") instanceof Number n ? n.intValue() : 0;
                int after = cell.get("newStars") instanceof Number n ? n.intValue() : 0;
                long count = cell.get("count") instanceof Number n ? n.longValue() : 0;
                if (before < 0 || before > 5 || after < 0 || after > 5) continue;
                m[before][after] += count;
                total += count;
            }
            List<List<Long>> rows = new ArrayList<>();
            for (long[] row : m) {
                List<Long> r = new ArrayList<>();
                for (long v : row) r.add(v);
                rows.add(r);
            }
            return new StarMatrix(rows, total);
        }
    }
}
