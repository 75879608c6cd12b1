package vn.ocop.service.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.PackVersion;
import vn.ocop.service.dossier.DossierScan;
import vn.ocop.service.jobs.JobProgress;

/**
 * Re-scores stored dossiers with a ruleset version and with the version in force, streamed through
 * {@link DossierScan} (one batch of 500 dossiers in memory at a time, scored on {@value #THREADS} threads and merged
 * in cursor order; only the counts, the star matrix and at most
 * {@value #MAX_LISTED} changed dossiers are kept). A provincial edition's draft is compared on its parent edition's
 * dossiers too (filter by province to keep to the province's own).
 */
@Component
class Simulation {
    static final int MAX_LISTED = 1000;

    /** Filters (all optional) and the date whose version in force is compared (default today). */
    record Request(
            String province, String district, String group, LocalDate from, LocalDate to, LocalDate evaluationDate) {}

    private final DossierScan scan;
    private final RulesetRegistry registry;

    Simulation(DossierScan scan, RulesetRegistry registry) {
        this.scan = scan;
        this.registry = registry;
    }

    /**
     * The version simulated: scored in this JVM (built-in packs) or in a sandbox JVM (uploaded ones), a batch at a
     * time; a request the rules could not score comes back as a failure, which fails the job.
     */
    interface Candidate {
        String editionId();

        String extendsEdition();

        List<EvaluationResult> score(List<EvaluationRequest> requests);
    }

    static Candidate inProcess(PackVersion pack) {
        return new Candidate() {
            public String editionId() {
                return pack.editionId();
            }

            public String extendsEdition() {
                return pack.info().extendsEdition();
            }

            public List<EvaluationResult> score(List<EvaluationRequest> requests) {
                // on every core, in the batch's order: the job's thread would otherwise score the candidate alone
                // while the scoring pool waits (docs/benchmarks.md, target 5)
                return requests.parallelStream().map(pack::evaluate).toList();
            }
        };
    }

    SimulationReport run(String rulesetId, Candidate candidate, Request r, JobProgress progress) {
        LocalDate date = r.evaluationDate() != null ? r.evaluationDate() : LocalDate.now(RulesetRegistry.VIETNAM);
        DossierScan.Filter filter = new DossierScan.Filter(r.province(), r.district(), r.group(), r.from(), r.to());
        String edition = candidate.editionId();
        String parent = candidate.extendsEdition();
        progress.setTotal(scan.count(filter));
        long[][] matrix = new long[6][6]; // [old stars][new stars], 0 = INVALID
        long[] counts = new long[4]; // scored, changed, up, down
        List<SimulationReport.ChangedDossier> changed = new ArrayList<>();
        Map<String, String> comparedWith = new TreeMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r2 -> {
            Thread t = new Thread(r2, "simulation-scoring");
            t.setDaemon(true);
            return t;
        });
        try {
            scan.forEachBatch(filter, batch -> {
                if (progress.isCancelled()) return false;
                // score the batch with the version in force on the pool, the candidate in one call, then merge the
                // outcomes in cursor order on this thread, so counts, the matrix and the listed changes are exactly
                // those of a sequential run
                List<Future<Scored>> futures = new ArrayList<>(batch.size());
                for (DossierScan.Item item : batch) {
                    futures.add(pool.submit(() -> progress.isCancelled() ? null : before(item, edition, parent, date)));
                }
                List<Scored> befores = new ArrayList<>(batch.size());
                List<EvaluationRequest> candidateRequests = new ArrayList<>();
                for (Future<Scored> f : futures) {
                    Scored s = join(f);
                    if (s == null || progress.isCancelled()) { // cancelled while scoring
                        futures.forEach(fu -> fu.cancel(false));
                        return false;
                    }
                    befores.add(s);
                    if (s.skipped() == null) candidateRequests.add(s.candidateRequest());
                }
                List<EvaluationResult> afters =
                        candidateRequests.isEmpty() ? List.of() : candidate.score(candidateRequests);
                int next = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Scored s = befores.get(i);
                    progress.advance();
                    if (s.skipped() != null) {
                        progress.count(s.skipped());
                        continue;
                    }
                    DossierScan.Item item = batch.get(i);
                    comparedWith.putIfAbsent(s.currentEdition(), s.currentId());
                    EvaluationResult before = s.before(), after = afters.get(next++);
                    int oldStars = before.stars() == null ? 0 : before.stars();
                    int newStars = after.stars() == null ? 0 : after.stars();
                    matrix[oldStars][newStars]++;
                    counts[0]++;
                    progress.count("scored");
                    if (oldStars != newStars) {
                        counts[1]++;
                        if (newStars > oldStars) counts[2]++;
                        else counts[3]++;
                        progress.count("changedStars");
                        if (changed.size() < MAX_LISTED) {
                            changed.add(new SimulationReport.ChangedDossier(
                                    item.id(),
                                    item.provinceCode(),
                                    item.request().sheet(),
                                    total(before.averageTotal()),
                                    total(after.averageTotal()),
                                    before.stars(),
                                    after.stars()));
                        }
                    }
                }
                return true;
            });
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<SimulationReport.Cell> cells = new ArrayList<>();
        for (int o = 0; o < 6; o++) {
            for (int n = 0; n < 6; n++) {
                if (matrix[o][n] > 0)
                    cells.add(new SimulationReport.Cell(o == 0 ? null : o, n == 0 ? null : n, matrix[o][n]));
            }
        }
        return new SimulationReport(
                rulesetId,
                comparedWith,
                date,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                cells,
                changed,
                Math.round(seconds * 1000) / 1000.0,
                seconds > 0 ? Math.round(counts[0] / seconds) : null);
    }

    /** Scoring threads per simulation: bounded, the machine is shared with request handling. */
    static final int THREADS = 2;

    /** One dossier's outcome: a skip reason (counted) or the in-force result and the request for the candidate. */
    private record Scored(
            String skipped,
            String currentEdition,
            String currentId,
            EvaluationResult before,
            EvaluationRequest candidateRequest) {
        static Scored skip(String reason) {
            return new Scored(reason, null, null, null, null);
        }
    }

    private Scored before(DossierScan.Item item, String edition, String parent, LocalDate date) {
        if (!edition.equals(item.edition()) && !Objects.equals(parent, item.edition()))
            return Scored.skip("otherEdition");
        if (item.request().assessments().isEmpty()) return Scored.skip("noAssessments");
        Optional<RulesetRegistry.Version> inForce =
                registry.inForce(edition, date).or(() -> registry.inForce(item.edition(), date));
        if (inForce.isEmpty()) return Scored.skip("noVersionInForce");
        PackVersion current = inForce.get().pack();
        EvaluationRequest req = item.request();
        EvaluationResult before = current.evaluate(new EvaluationRequest(
                current.editionId(), req.group(), req.sheet(), req.facts(), req.assessments(), req.exclusions()));
        return new Scored(
                null,
                current.editionId(),
                inForce.get().id(),
                before,
                new EvaluationRequest(
                        edition, req.group(), req.sheet(), req.facts(), req.assessments(), req.exclusions()));
    }

    private static Scored join(Future<Scored> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String total(BigDecimal b) {
        return b == null ? null : b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
