package vn.ocop.service.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Service;
import vn.ocop.api.model.ReplayReport;
import vn.ocop.service.evaluation.EvaluationLedger;

/**
 * Replays many stored evaluations, streamed: one pass over the matching records (a scan on the embedded store), the
 * re-scoring spread over the cores, memory bounded (a bounded queue, at most {@link #MAX_IDS} failing ids per outcome
 * and an LRU of the hashes seen by dossier and sequence, so most chain links need no extra lookup). The background-job endpoint
 * POST /api/v1/replays runs this once the jobs feature is merged.
 */
@Service
public class BatchReplay {
    static final int MAX_IDS = 1000;
    /** Hashes of records seen, by dossier and sequence: the next record's link then needs no read. */
    private static final int LINK_CACHE = 200_000;

    private final Replays replays;
    private final EvaluationLedger ledger;

    BatchReplay(Replays replays, EvaluationLedger ledger) {
        this.replays = replays;
        this.ledger = ledger;
    }

    /** Filters; null means any. Dates are the records' evaluation dates, both ends included. */
    public record Filter(String province, String district, String group, String edition, LocalDate from, LocalDate to) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        EvaluationLedger.Filter records() {
            return new EvaluationLedger.Filter(province, district, group, edition, from, to);
        }
    }

    public record Report(
            long replayed,
            long match,
            long mismatch,
            long integrityFailed,
            List<String> mismatchIds,
            List<String> integrityFailedIds,
            boolean idsTruncated,
            long millis) {
        public double perSecond() {
            return millis == 0 ? 0 : replayed * 1000.0 / millis;
        }
    }

    /** Told how many records are done; answers false to stop early (a cancelled job). */
    public interface Progress {
        boolean done(long replayed);
    }

    public Report run(Filter filter, Progress progress) {
        long start = System.nanoTime();
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 64),
                new ThreadPoolExecutor.CallerRunsPolicy());
        LongAdder done = new LongAdder();
        LongAdder match = new LongAdder();
        LongAdder mismatch = new LongAdder();
        LongAdder failed = new LongAdder();
        List<String> mismatchIds = Collections.synchronizedList(new ArrayList<>());
        List<String> failedIds = Collections.synchronizedList(new ArrayList<>());
        boolean[] truncated = {false};
        Map<String, String> seenHashes = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > LINK_CACHE;
            }
        };
        try {
            ledger.forEach(filter.records(), doc -> {
                String dossierId = doc.dossierId();
                long seq = doc.sequence() == null ? -1 : doc.sequence();
                // the previous record's hash: from the stream when it went by before, else an exact-key lookup
                Optional<String> previous = Optional.empty();
                if (seq > 1 && dossierId != null) {
                    String seen = seenHashes.get(dossierId + '#' + (seq - 1));
                    previous = seen != null ? Optional.of(seen) : replays.previousHashInStore(dossierId, seq - 1);
                }
                if (dossierId != null)
                    seenHashes.put(dossierId + '#' + seq, java.util.Objects.requireNonNullElse(doc.hash(), ""));
                Optional<String> prev = previous;
                pool.execute(() -> {
                    ReplayReport r = replays.replay(doc, (d, s) -> prev);
                    String id = doc.id();
                    switch (r.getOutcome()) {
                        case MATCH -> match.increment();
                        case MISMATCH -> {
                            mismatch.increment();
                            keep(mismatchIds, id, truncated);
                        }
                        case INTEGRITY_FAILED -> {
                            failed.increment();
                            keep(failedIds, id, truncated);
                        }
                    }
                    done.increment();
                });
                long n = done.sum();
                return progress == null || n % 500 != 0 || progress.done(n);
            });
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (progress != null) progress.done(done.sum());
        return new Report(
                done.sum(),
                match.sum(),
                mismatch.sum(),
                failed.sum(),
                List.copyOf(mismatchIds),
                List.copyOf(failedIds),
                truncated[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The body of a REPLAY job: total from a count, progress every 500 records, cancellable; the report as its result. */
    Map<String, Object> runAsJob(Filter filter, vn.ocop.service.jobs.JobProgress progress) {
        progress.setTotal(ledger.count(filter.records()));
        long[] reported = {0};
        Report r = run(filter, n -> {
            progress.advance(n - reported[0]);
            reported[0] = n;
            return !progress.isCancelled();
        });
        progress.count("MATCH", r.match());
        progress.count("MISMATCH", r.mismatch());
        progress.count("INTEGRITY_FAILED", r.integrityFailed());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("replayed", r.replayed());
        out.put("match", r.match());
        out.put("mismatch", r.mismatch());
        out.put("integrityFailed", r.integrityFailed());
        out.put("mismatchIds", r.mismatchIds());
        out.put("integrityFailedIds", r.integrityFailedIds());
        out.put("idsTruncated", r.idsTruncated());
        out.put("cancelled", progress.isCancelled());
        out.put("millis", r.millis());
        return out;
    }

    private static void keep(List<String> ids, String id, boolean[] truncated) {
        synchronized (ids) {
            if (ids.size() < MAX_IDS) ids.add(id);
            else truncated[0] = true;
        }
    }
}
