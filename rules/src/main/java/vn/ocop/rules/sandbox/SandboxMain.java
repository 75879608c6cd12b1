package vn.ocop.rules.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.RuleLimitExceeded;
import vn.ocop.rules.api.SandboxMessages;
import vn.ocop.rules.engine.CompiledRulePack;
import vn.ocop.rules.pack.RulePack;
import vn.ocop.rules.scenario.ScenarioFile;
import vn.ocop.rules.scenario.ScenarioRun;

/**
 * The sandbox JVM: reads a {@link SandboxMessages.Pack} from stdin, loads its kjars, then answers requests on stdout
 * until {@link SandboxMessages.End} or end of input. Everything the libraries print goes to stderr, so stdout carries
 * only messages. Started by the service with {@code -Xmx} and {@code -XX:+ExitOnOutOfMemoryError}; the service kills
 * it when it takes too long.
 */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream messagesOut = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err); // logging and stray prints must not corrupt the message stream
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        in.setObjectInputFilter(SandboxMessages.filter());
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(messagesOut));
        out.flush();
        CompiledRulePack pack;
        try {
            SandboxMessages.Pack p = (SandboxMessages.Pack) in.readObject();
            pack = CompiledRulePack.load(new RulePack(p.edition(), p.files()), p.kjars());
        } catch (Exception | LinkageError e) {
            System.err.println("sandbox: cannot load the pack: " + e);
            System.exit(SandboxMessages.EXIT_FAILED);
            return;
        }
        while (true) {
            Object message;
            try {
                message = in.readObject();
            } catch (java.io.EOFException e) {
                break;
            }
            if (message instanceof SandboxMessages.End) break;
            Object answer;
            if (message instanceof SandboxMessages.RunScenarios run) {
                answer = scenarios(pack, run);
            } else if (message instanceof SandboxMessages.Evaluate ev) {
                answer = evaluate(pack, ev);
            } else {
                throw new IllegalStateException(
                        "unknown message " + message.getClass().getName());
            }
            out.writeObject(answer);
            out.flush();
            out.reset(); // no back references kept across answers
        }
        out.close();
        System.exit(0); // Drools may leave non-daemon threads
    }

    /** Also how trusted packs run their scenarios in the service's own JVM ({@code RulePlatform#runScenarios}). */
    public static SandboxMessages.ScenarioReport scenarios(CompiledRulePack pack, SandboxMessages.RunScenarios run) {
        List<ScenarioFile> files = new ArrayList<>();
        List<SandboxMessages.Outcome> unreadable = new ArrayList<>();
        for (SandboxMessages.Source s : run.scenarios()) {
            try {
                files.add(ScenarioFile.parse(s.name(), s.yaml()));
            } catch (IllegalArgumentException e) {
                unreadable.add(new SandboxMessages.Outcome(
                        s.name(), s.name(), false, List.of(String.valueOf(e.getMessage()))));
            }
        }
        ScenarioRun.Report report = ScenarioRun.run(pack, files);
        List<SandboxMessages.Outcome> outcomes = new ArrayList<>(unreadable);
        report.outcomes()
                .forEach(o -> outcomes.add(
                        new SandboxMessages.Outcome(o.file(), o.name(), o.passed(), List.copyOf(o.differences()))));
        return new SandboxMessages.ScenarioReport(outcomes, new java.util.TreeMap<>(report.unfiredRules()));
    }

    static SandboxMessages.Evaluated evaluate(CompiledRulePack pack, SandboxMessages.Evaluate ev) {
        List<EvaluationResult> results = new ArrayList<>();
        List<SandboxMessages.Failure> failures = new ArrayList<>();
        for (EvaluationRequest r : ev.requests()) {
            try {
                results.add(pack.evaluate(r));
                failures.add(null);
            } catch (RuntimeException e) {
                results.add(null);
                failures.add(failure(e));
            }
        }
        return new SandboxMessages.Evaluated(results, failures);
    }

    /** The rule limit behind a Drools consequence exception, or the exception itself. */
    static SandboxMessages.Failure failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleLimitExceeded limit)
                return new SandboxMessages.Failure(limit.code(), limit.getMessage());
        }
        return new SandboxMessages.Failure(
                "RULE_EVALUATION_FAILED",
                "Quy tắc gây lỗi khi chấm: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")));
    }
}
