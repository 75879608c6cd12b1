package vn.ocop.service.jobs;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.ocop.service.platform.storage.Bson;
import vn.ocop.service.platform.web.ApiException;

/**
 * Background jobs: the public API of the jobs feature. A job is a MongoDB document (collection {@code jobs}) that
 * any instance can read; the work runs on a bounded pool of this instance. Progress is written at most every
 * {@value #FLUSH_MILLIS} ms; cancellation is cooperative ({@link JobProgress#isCancelled()}), requested through the
 * document so that it reaches the instance running the job at its next progress write.
 *
 * <p>A job whose instance dies stays RUNNING in the store (no lease/heartbeat yet).
 */
@Service
public class Jobs implements DisposableBean {
    static final long FLUSH_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private final JobStore store;
    private final ThreadPoolExecutor pool;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    Jobs(JobStore store, @Value("${ocop.jobs.threads:1}") int threads, @Value("${ocop.jobs.queue:20}") int queue) {
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "ocop-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1); // scoring requests first
                    return t;
                });
    }

    /**
     * Queues a job and answers its id at once.
     *
     * @throws ApiException 503 JOBS_BUSY when the queue is full
     */
    public String start(String kind, String requestedBy, JobWork work) {
        String id = UUID.randomUUID().toString();
        store.insert(new Document("_id", id)
                .append("kind", kind)
                .append("state", JobState.QUEUED.name())
                .append("requestedBy", requestedBy)
                .append("total", 0L)
                .append("done", 0L)
                .append("counts", new Document())
                .append("createdAt", JobStore.now())
                .append("cancelRequested", false));
        Running r = new Running(id);
        running.put(id, r);
        try {
            pool.execute(() -> run(r, work));
        } catch (RejectedExecutionException e) {
            running.remove(id);
            store.update(
                    id,
                    JobStore.set(JobStore.fields(
                            "state",
                            JobState.FAILED.name(),
                            "finishedAt",
                            JobStore.now(),
                            "error",
                            "too many jobs are queued")));
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "JOBS_BUSY",
                    "Too many background jobs are queued; try again later");
        }
        return id;
    }

    public Optional<JobView> find(String id) {
        return Optional.ofNullable(id == null ? null : store.find(id)).map(Jobs::view);
    }

    /** Asks the job to stop; a queued job is cancelled at once. Answers the job as it is now. */
    public Optional<JobView> cancel(String id) {
        Document d = store.find(id);
        if (d == null) return Optional.empty();
        if (JobState.valueOf(d.getString("state")).finished()) return Optional.of(view(d));
        Running r = running.get(id);
        if (r != null) r.cancelled.set(true);
        d = store.update(id, JobStore.set(JobStore.fields("cancelRequested", true)));
        return Optional.of(view(d));
    }

    /** Blocks until the job has finished or the timeout passed (tests, CLI). */
    public JobView await(String id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        JobView v = find(id).orElseThrow();
        while (!v.state().finished() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            v = find(id).orElseThrow();
        }
        return v;
    }

    private void run(Running r, JobWork work) {
        try {
            if (r.cancelled.get()) {
                finish(r, JobState.CANCELLED, null, null);
                return;
            }
            r.started = System.currentTimeMillis();
            store.update(
                    r.id,
                    JobStore.set(JobStore.fields("state", JobState.RUNNING.name(), "startedAt", new Date(r.started))));
            Map<String, Object> result = work.run(r);
            finish(r, r.cancelled.get() ? JobState.CANCELLED : JobState.SUCCEEDED, result, null);
        } catch (Throwable e) {
            LOG.warn("job {} failed", r.id, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(r, JobState.FAILED, null, message.length() > 500 ? message.substring(0, 500) : message);
            if (e instanceof Error err && !(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError))
                throw err;
        } finally {
            running.remove(r.id);
        }
    }

    private void finish(Running r, JobState state, Map<String, Object> result, String error) {
        Map<String, Object> f = r.progressFields();
        f.put("state", state.name());
        f.put("finishedAt", JobStore.now());
        f.put("estimatedSecondsLeft", 0L);
        if (state == JobState.SUCCEEDED && r.total.get() > 0) f.put("percent", 100.0);
        if (result != null) f.put("result", Bson.document(result));
        if (error != null) f.put("error", error);
        store.update(r.id, JobStore.set(f));
    }

    @Override
    public void destroy() {
        running.values().forEach(r -> r.cancelled.set(true));
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JobView view(Document d) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Document c = d.get("counts", Document.class);
        if (c != null) c.forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        Document result = d.get("result", Document.class);
        return new JobView(
                d.getString("_id"),
                d.getString("kind"),
                JobState.valueOf(d.getString("state")),
                d.getString("requestedBy"),
                num(d.get("total")),
                num(d.get("done")),
                d.get("percent") == null ? null : ((Number) d.get("percent")).doubleValue(),
                counts,
                instant(d.getDate("createdAt")),
                instant(d.getDate("startedAt")),
                instant(d.getDate("finishedAt")),
                d.get("estimatedSecondsLeft") == null ? null : num(d.get("estimatedSecondsLeft")),
                result == null ? null : Bson.plainMap(result),
                d.getString("error"),
                Boolean.TRUE.equals(d.getBoolean("cancelRequested")));
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** Progress of one job on this instance. */
    private final class Running implements JobProgress {
        final String id;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        final AtomicLong lastFlush = new AtomicLong(System.currentTimeMillis());
        volatile long started = System.currentTimeMillis();

        Running(String id) {
            this.id = id;
        }

        @Override
        public void setTotal(long n) {
            total.set(Math.max(0, n));
            maybeFlush();
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
            maybeFlush();
        }

        @Override
        public void count(String key, long n) {
            counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
            maybeFlush();
        }

        @Override
        public boolean isCancelled() {
            maybeFlush();
            return cancelled.get();
        }

        private void maybeFlush() {
            long now = System.currentTimeMillis();
            long last = lastFlush.get();
            if (now - last < FLUSH_MILLIS || !lastFlush.compareAndSet(last, now)) return;
            try {
                Document after = store.update(id, JobStore.set(progressFields()));
                if (after != null && Boolean.TRUE.equals(after.getBoolean("cancelRequested"))) cancelled.set(true);
            } catch (RuntimeException e) {
                LOG.warn("job {}: could not write progress", id, e);
            }
        }

        Map<String, Object> progressFields() {
            long t = total.get();
            long d = done.get();
            Document c = new Document();
            counts.forEach((k, v) -> c.put(k, v.sum()));
            Map<String, Object> f = JobStore.fields("total", t, "done", d, "counts", c);
            if (t > 0) {
                f.put("percent", Math.min(100.0, Math.round(d * 1000.0 / t) / 10.0));
                long elapsed = System.currentTimeMillis() - started;
                if (d > 0) f.put("estimatedSecondsLeft", Math.max(0, (long) Math.ceil(elapsed / 1000.0 * (t - d) / d)));
            }
            return f;
        }
    }
}
