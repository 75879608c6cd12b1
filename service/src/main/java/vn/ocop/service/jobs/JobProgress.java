package vn.ocop.service.jobs;

/**
 * What a running job tells the world. Cheap to call per item: the job document is written at most every
 * ~500 ms by the framework, not on every call. Thread-safe.
 */
public interface JobProgress {
    /** The number of items the job expects to process (0 or unknown: no percent and no estimate). */
    void setTotal(long total);

    /** One item done. */
    default void advance() {
        advance(1);
    }

    void advance(long n);

    /** Adds one to a named counter (e.g. "changedStars"), shown in the job's counts. */
    default void count(String key) {
        count(key, 1);
    }

    void count(String key, long n);

    /** True once someone asked to cancel; the work should stop soon and return what it has. */
    boolean isCancelled();
}
