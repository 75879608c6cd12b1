package vn.ocop.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import vn.ocop.rules.api.RuleFileProblem;

class BoundedCompilerTests {

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCompileThatTakesTooLongIsStoppedAndReported() {
        try (BoundedCompiler compiler = new BoundedCompiler(Duration.ofMillis(300), 1)) {
            long start = System.nanoTime();
            BoundedCompiler.Outcome<String> outcome = compiler.compile("sheets/slow.drl", () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait(); // a pathological compile that would never end
                }
                return "never";
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.value()).isNull();
            assertThat(outcome.problems())
                    .extracting(RuleFileProblem::file, RuleFileProblem::code)
                    .containsExactly(tuple("sheets/slow.drl", "COMPILE_TIMEOUT"));
            waitUntil(() -> compiler.availableWorkers() == 1);
        }
    }

    @Test
    void aRunawayThatIgnoresInterruptsKeepsItsPermitSoNewCompilesAreRefusedNotPiledUp() throws Exception {
        try (BoundedCompiler compiler = new BoundedCompiler(Duration.ofMillis(200), 1, Duration.ofMillis(100))) {
            CountDownLatch release = new CountDownLatch(1);
            BoundedCompiler.Outcome<String> first = compiler.compile("a.drl", () -> {
                while (release.getCount() > 0) {
                    try {
                        release.await(10, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException ignored) {
                        // ignores cancellation, as a compiler deep in a computation would
                    }
                }
                return "late";
            });
            assertThat(first.problems()).extracting(RuleFileProblem::code).containsExactly("COMPILE_TIMEOUT");
            assertThat(compiler.compile("b.drl", () -> "b").problems())
                    .extracting(RuleFileProblem::file, RuleFileProblem::code)
                    .containsExactly(tuple("b.drl", "COMPILE_BUSY"));
            release.countDown();
            waitUntil(() -> compiler.availableWorkers() == 1);
            assertThat(compiler.compile("c.drl", () -> "c").value()).isEqualTo("c");
        }
    }

    @Test
    void noMoreThanTheCapRunAtOnce() throws Exception {
        try (BoundedCompiler compiler = new BoundedCompiler(Duration.ofSeconds(10), 2, Duration.ofSeconds(10))) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(5);
            List<Future<BoundedCompiler.Outcome<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                results.add(callers.submit(() -> compiler.compile("f" + n + ".drl", () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(100);
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (Future<BoundedCompiler.Outcome<Integer>> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS).ok()).isTrue();
            }
            callers.shutdown();
            assertThat(most.get()).isBetween(1, 2);
        }
    }

    @Test
    void aFailingCompileBecomesAProblem() {
        try (BoundedCompiler compiler = new BoundedCompiler()) {
            BoundedCompiler.Outcome<Object> outcome = compiler.compile("x.drl", () -> {
                throw new IllegalStateException("boom");
            });
            assertThat(outcome.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("COMPILE_FAILED");
                assertThat(p.message()).contains("IllegalStateException").contains("boom");
            });
        }
    }

    /** Compiles DRL to Drools' executable model, as the engine compiles drafts, and maps the errors. */
    private static List<RuleFileProblem> compileExecutableModel(String file, String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String resourcePath = "src/main/resources/vn/ocop/editions/t/" + file;
        kfs.write(resourcePath, drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        return BoundedCompiler.problemsOf(messages, path -> path.endsWith(file) ? file : path);
    }

    @Test
    void whatTheGuardAcceptsReallyCompilesAndCompileErrorsKeepTheirLine() {
        String valid = RuleSourceGuardTests.resource("valid.drl");
        assertThat(new RuleSourceGuard().inspect("valid.drl", valid)).isEmpty();
        // a type error the guard lets through (it checks safety, not types): the compiler reports it with its line
        String wrongType = valid.replace("$s.award(1, drools.getRule().getName());", "$s.award(\"one\", \"x\");");
        assertThat(new RuleSourceGuard().inspect("wrong-type.drl", wrongType)).isEmpty();
        try (BoundedCompiler compiler = new BoundedCompiler()) {
            BoundedCompiler.Outcome<List<RuleFileProblem>> ok =
                    compiler.compile("valid.drl", () -> compileExecutableModel("valid.drl", valid));
            assertThat(ok.problems()).isEmpty();
            assertThat(ok.value()).isEmpty();
            BoundedCompiler.Outcome<List<RuleFileProblem>> broken =
                    compiler.compile("wrong-type.drl", () -> compileExecutableModel("wrong-type.drl", wrongType));
            assertThat(broken.problems()).isEmpty();
            assertThat(broken.value()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("COMPILE_ERROR");
                assertThat(p.message()).contains("award(int, String)").contains("$s.award");
            });
            // bypassing the guard on purpose: the compiler's own syntax errors keep file and line
            String syntax = RuleSourceGuardTests.resource("syntax-error.drl");
            BoundedCompiler.Outcome<List<RuleFileProblem>> bad =
                    compiler.compile("syntax-error.drl", () -> compileExecutableModel("syntax-error.drl", syntax));
            assertThat(bad.value()).isNotEmpty();
            assertThat(bad.value())
                    .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                    .contains(tuple("syntax-error.drl", 8, "COMPILE_ERROR"));
        }
    }
}
