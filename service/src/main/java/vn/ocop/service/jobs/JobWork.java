package vn.ocop.service.jobs;

import java.util.Map;

/** The body of a background job: reports progress, checks for cancellation, returns the result document. */
@FunctionalInterface
public interface JobWork {
    /**
     * @return the result document (plain values, lists and maps), stored with the job; keep it small (&lt; 1 MB)
     * @throws Exception a failure; the job ends FAILED with the exception's message
     */
    Map<String, Object> run(JobProgress progress) throws Exception;
}
