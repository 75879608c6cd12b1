package vn.ocop.service.ruleset;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.service.platform.web.ApiException;

/**
 * Starts a sandbox JVM ({@code SandboxMessages.MAIN_CLASS}) per test or simulation job of an uploaded version: its own heap
 * ({@code ocop.rulesets.sandbox.heap}, default 256m, {@code -XX:+ExitOnOutOfMemoryError}), at most
 * {@code ocop.rulesets.sandbox.max-concurrent} at a time, each answer within {@code ocop.rulesets.sandbox.timeout}
 * (else the process is killed). Whatever the rules do, the service only sees a {@link SandboxFailure}: a 422 problem
 * with a Vietnamese message, or a failed job. The child gets the class path of this JVM (or, in the packaged jar,
 * Spring Boot's PropertiesLauncher with loader.main).
 */
@Component
class RuleSandbox implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSandbox.class);
    static final String BUSY = "RULESET_SANDBOX_BUSY";

    /** The sandbox failed; the problem code says how (out of memory, too slow, crashed). */
    static final class SandboxFailure extends ApiException {
        SandboxFailure(String code, String message) {
            super(BUSY.equals(code) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT, code, message);
        }
    }

    private final String heap;
    private final Duration timeout;
    private final Semaphore slots;
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-sandbox-killer");
        t.setDaemon(true);
        return t;
    });

    RuleSandbox(
            @Value("${ocop.rulesets.sandbox.heap:256m}") String heap,
            @Value("${ocop.rulesets.sandbox.timeout:120s}") Duration timeout,
            @Value("${ocop.rulesets.sandbox.max-concurrent:2}") int maxConcurrent) {
        if (!heap.matches("\\d{1,6}[kKmMgG]?"))
            throw new IllegalArgumentException("ocop.rulesets.sandbox.heap: e.g. 256m");
        this.heap = heap;
        this.timeout = timeout;
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
    }

    /** Starts a sandbox holding the pack; close it when done. */
    Session open(String edition, Map<String, byte[]> files, Map<String, byte[]> kjars) {
        try {
            if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SandboxFailure(BUSY, "Đang có quá nhiều lượt chạy thử quy tắc; hãy thử lại sau ít phút.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailure(BUSY, "Lượt chạy thử bị ngắt.");
        }
        try {
            return new Session(new SandboxMessages.Pack(edition, files, kjars));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx" + heap,
                "-Xss2m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8"));
        String classPath = System.getProperty("java.class.path");
        String bootJar = bootJar(classPath);
        if (bootJar != null) {
            cmd.addAll(List.of(
                    "-Dloader.main=" + SandboxMessages.MAIN_CLASS,
                    "-cp",
                    bootJar,
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            cmd.addAll(List.of("-cp", classPath, SandboxMessages.MAIN_CLASS));
        }
        return cmd;
    }

    /** The Spring Boot executable jar this JVM runs from, or null (tests, an IDE, an exploded class path). */
    private static String bootJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar"))
            return null;
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                            && jar.getManifest().getMainAttributes().getValue("Start-Class") != null
                    ? classPath
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        killer.shutdownNow();
    }

    /** One sandbox process; not thread-safe (one job uses it). */
    final class Session implements AutoCloseable {
        private final Process process;
        private final ObjectOutputStream out;
        private final ObjectInputStream in;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final AtomicBoolean killed = new AtomicBoolean();
        private boolean closed;

        private Session(SandboxMessages.Pack pack) {
            try {
                process =
                        new ProcessBuilder(command()).redirectErrorStream(false).start();
            } catch (IOException e) {
                throw new SandboxFailure(
                        "RULESET_SANDBOX_FAILED",
                        "Không khởi động được môi trường chạy thử quy tắc: " + e.getMessage());
            }
            Thread drain = new Thread(() -> drain(process.getErrorStream()), "rule-sandbox-stderr");
            drain.setDaemon(true);
            drain.start();
            try {
                out = new ObjectOutputStream(new BufferedOutputStream(process.getOutputStream()));
                out.writeObject(pack);
                out.flush();
                in = watched(() -> {
                    ObjectInputStream ois = new ObjectInputStream(new BufferedInputStream(process.getInputStream()));
                    ois.setObjectInputFilter(SandboxMessages.filter());
                    return ois;
                });
            } catch (IOException | ClassNotFoundException e) {
                throw failure(e);
            }
        }

        SandboxMessages.ScenarioReport scenarios(List<SandboxMessages.Source> scenarios) {
            return (SandboxMessages.ScenarioReport) ask(new SandboxMessages.RunScenarios(scenarios));
        }

        SandboxMessages.Evaluated evaluate(List<EvaluationRequest> requests) {
            return (SandboxMessages.Evaluated) ask(new SandboxMessages.Evaluate(requests));
        }

        private Object ask(Object message) {
            try {
                out.writeObject(message);
                out.flush();
                out.reset();
                return watched(in::readObject);
            } catch (IOException | ClassNotFoundException e) {
                throw failure(e);
            }
        }

        private interface Read<T> {
            T read() throws IOException, ClassNotFoundException;
        }

        /** Reads with the timeout: the killer destroys the process, which ends the blocked read. */
        private <T> T watched(Read<T> read) throws IOException, ClassNotFoundException {
            ScheduledFuture<?> kill = killer.schedule(
                    () -> {
                        killed.set(true);
                        process.destroyForcibly();
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                return read.read();
            } finally {
                kill.cancel(false);
            }
        }

        private SandboxFailure failure(Exception cause) {
            int exit;
            try {
                // a sandbox out of memory writes "Terminating due to java.lang.OutOfMemoryError" to its stdout and
                // exits: this side can read that text (a corrupt stream) before the exit, so the exit is waited for
                // briefly before the process is killed, else its exit code would be the kill's
                if (!killed.get()) process.waitFor(5, TimeUnit.SECONDS);
                process.destroyForcibly();
                exit = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            String tail = tail();
            LOG.warn(
                    "rule sandbox failed (exit {}, killed {}): {}; stderr: {}",
                    exit,
                    killed.get(),
                    cause.toString(),
                    tail);
            if (killed.get()) {
                return new SandboxFailure(
                        "RULESET_SANDBOX_TIMEOUT",
                        "Chạy thử quy tắc quá " + timeout.toSeconds()
                                + " giây nên đã bị dừng: bộ quy tắc có thể lặp vô tận hoặc nối chéo quá nhiều dữ kiện.");
            }
            if (exit == SandboxMessages.EXIT_OUT_OF_MEMORY || tail.contains("OutOfMemoryError")) {
                return new SandboxFailure(
                        "RULESET_SANDBOX_OUT_OF_MEMORY",
                        "Chạy thử quy tắc dùng quá " + heap
                                + " bộ nhớ nên đã bị dừng: bộ quy tắc tạo quá nhiều dữ kiện, kết hợp hoặc chuỗi quá dài.");
            }
            return new SandboxFailure(
                    "RULESET_SANDBOX_FAILED",
                    "Môi trường chạy thử quy tắc dừng bất thường (mã " + exit + "); bộ quy tắc không được dùng.");
        }

        private void drain(InputStream err) {
            byte[] buf = new byte[8192];
            try (err) {
                for (int n; (n = err.read(buf)) > 0; ) {
                    synchronized (stderr) {
                        if (stderr.size() > 64 * 1024) stderr.reset(); // keep only the latest output
                        stderr.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        private String tail() {
            synchronized (stderr) {
                String s = stderr.toString(java.nio.charset.StandardCharsets.UTF_8);
                return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                out.writeObject(new SandboxMessages.End());
                out.flush();
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            } finally {
                slots.release();
            }
        }
    }
}
