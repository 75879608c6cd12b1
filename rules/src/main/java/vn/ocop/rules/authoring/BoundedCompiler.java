package vn.ocop.rules.authoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.builder.Message;
import vn.ocop.rules.api.RuleFileProblem;

/**
 * Runs rule compilations in dedicated low-priority worker threads, at most {@code maxConcurrent} at a time and
 * each for at most {@code timeout}; a compile that is too slow is cancelled and reported as a
 * {@link RuleFileProblem} ({@code COMPILE_TIMEOUT}) instead of stalling the caller.
 *
 * <p><b>Why threads and not a child JVM.</b> A separate process ({@code ProcessBuilder} with {@code -Xmx}) is the
 * only way to hard-limit memory and to kill a compile for certain, but it needs the module's class path, a way to
 * hand the kjar bytes back, and a start-up of a few seconds per compile; the uploads it would protect are already
 * bounded by {@link UploadLimits} (2 MiB a file, 20 MiB an upload) and inspected by {@link RuleSourceGuard}, so no
 * user code runs during the compile. Honest limits of this in-JVM worker:
 * <ul>
 *   <li>memory cannot be hard-limited inside one JVM: the size limits are the memory bound;</li>
 *   <li>cancellation interrupts the worker; code that ignores interrupts (the Drools/ECJ compiler in a long
 *       computation) keeps running until it finishes. Such a runaway keeps its permit until it really ends, so at
 *       most {@code maxConcurrent} runaways can exist and new compiles are refused ({@code COMPILE_BUSY}) rather
 *       than piling up threads; scoring threads are unaffected except for sharing the CPU (workers run at
 *       {@link Thread#MIN_PRIORITY}).</li>
 * </ul>
 * If those limits ever matter, move the task behind this same API into a child JVM.
 */
public final class BoundedCompiler implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONCURRENT = 1;
    /** How long a compile waits for a free worker before it is refused. */
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(30);

    /**
     * What a compile produced.
     *
     * @param value    the task's result, or null when it failed
     * @param problems why it failed; empty on success
     */
    public record Outcome<T>(T value, List<RuleFileProblem> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Duration timeout;
    private final Duration queueWait;
    private final Semaphore permits;
    private final ExecutorService workers;

    public BoundedCompiler() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_WAIT);
    }

    public BoundedCompiler(Duration timeout, int maxConcurrent) {
        this(timeout, maxConcurrent, DEFAULT_QUEUE_WAIT);
    }

    public BoundedCompiler(Duration timeout, int maxConcurrent, Duration queueWait) {
        if (timeout.isNegative() || timeout.isZero() || maxConcurrent < 1 || queueWait.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and maxConcurrent at least 1");
        }
        this.timeout = timeout;
        this.queueWait = queueWait;
        this.permits = new Semaphore(maxConcurrent, true);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "rule-compile-" + n.incrementAndGet());
            t.setDaemon(true); // a runaway compile never keeps the JVM from stopping
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        // unbounded pool, but the semaphore bounds the threads that can be alive at once
        this.workers = Executors.newCachedThreadPool(factory);
    }

    /**
     * Runs {@code task} in a worker, waiting at most the timeout. Never throws for a failing task.
     *
     * @param file what is compiled, for the problems (a file path, or an edition id for a whole pack)
     * @param task the compilation; its exception becomes a {@code COMPILE_FAILED} problem
     */
    public <T> Outcome<T> compile(String file, Callable<T> task) {
        try {
            if (!permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return failed(file, "COMPILE_BUSY", "the rule compiler is busy; try again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, "COMPILE_INTERRUPTED", "the compile was interrupted");
        }
        Future<T> future;
        try {
            future = workers.submit(() -> {
                try {
                    return task.call();
                } finally {
                    permits.release(); // only when the work really ends, even after a timeout
                }
            });
        } catch (RuntimeException e) {
            permits.release();
            return failed(
                    file,
                    "COMPILE_BUSY",
                    "the rule compiler is not available (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return new Outcome<>(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), List.of());
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(
                    file,
                    "COMPILE_TIMEOUT",
                    "compiling took longer than " + timeout.toSeconds()
                            + " s and was stopped; make the rule files smaller or simpler");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(file, "COMPILE_INTERRUPTED", "the compile was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(
                    file,
                    "COMPILE_FAILED",
                    "the compile failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null
                                    ? ""
                                    : ": " + cause.getMessage().replaceAll("\\s+", " ")));
        }
    }

    /** Free workers right now (for health checks and tests). */
    public int availableWorkers() {
        return permits.availablePermits();
    }

    /**
     * Converts Drools build messages (KieBuilder / KieHelper results) into problems with file, line and column.
     * Errors in a rule file keep Drools' line (and column, as 1-based, when Drools gives one). The executable model
     * reports type errors in consequences against the Java it generates ({@code src/main/java/…}); those lines
     * mean nothing to an officer, so such problems carry no line and say so in the message (the rule's own text is
     * in the message). The duplicate "Java source of … in error" dumps are dropped.
     *
     * @param fileOf maps Drools' resource path (e.g. {@code src/main/resources/x/y.drl}) to the pack's file path
     */
    public static List<RuleFileProblem> problemsOf(
            List<Message> messages, java.util.function.UnaryOperator<String> fileOf) {
        List<RuleFileProblem> problems = new ArrayList<>();
        java.util.Map<String, String> actions = new java.util.HashMap<>();
        for (Message m : messages) {
            String t = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ");
            int body = t.indexOf("throws java.lang.Exception {");
            if (t.startsWith("Java source of") && body > 0) {
                String code = t.substring(body + "throws java.lang.Exception {".length())
                        .trim();
                code = code.endsWith("} }")
                        ? code.substring(0, code.length() - 3).trim()
                        : code;
                actions.put(m.getPath(), code.length() > 300 ? code.substring(0, 300) + "…" : code);
            }
        }
        for (Message m : messages) {
            if (m.getLevel() != Message.Level.ERROR) {
                continue;
            }
            String text = m.getText() == null
                    ? "compile error"
                    : m.getText().replaceAll("\\s+", " ").trim();
            String path = m.getPath() == null ? "" : m.getPath();
            boolean generated = path.endsWith(".java");
            if (generated && text.startsWith("Java source of")) {
                continue;
            }
            if (generated) {
                problems.add(new RuleFileProblem(
                        "",
                        0,
                        0,
                        "COMPILE_ERROR",
                        "in the Java generated from a rule's actions: " + text
                                + (actions.containsKey(m.getPath())
                                        ? " (actions: " + actions.get(m.getPath()) + ")"
                                        : "")));
            } else {
                problems.add(new RuleFileProblem(
                        fileOf.apply(path),
                        m.getLine(),
                        m.getColumn() > 0 ? m.getColumn() + 1 : 0,
                        "COMPILE_ERROR",
                        text));
            }
        }
        return problems;
    }

    private static <T> Outcome<T> failed(String file, String code, String message) {
        return new Outcome<>(null, List.of(RuleFileProblem.ofFile(file, code, message)));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
