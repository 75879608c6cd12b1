package vn.ocop.service.jobs;

/** A job's life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
