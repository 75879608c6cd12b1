package vn.ocop.service.platform.web;

import com.sun.management.ThreadMXBean;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import vn.ocop.api.model.AssessmentInput;
import vn.ocop.api.model.EvaluateRequest;

/**
 * A benchmark probe, not a test (docs/benchmarks.md, target 2): this thread's CPU time and allocated bytes per bean
 * validation of a stateless evaluation's body (3 members x 31 criteria), with the generated models as they are and
 * with {@link ScalarContainerCascade}, alternating in one JVM. Run (from the repository root):
 * {@code mvn -q -pl service -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test}, then {@code java -cp service/target/test-classes:service/target/classes:$(cat /tmp/cp.txt)
 * vn.ocop.service.platform.web.BeanValidationProbe}.
 */
public final class BeanValidationProbe {
    private static Object sink;

    private BeanValidationProbe() {}

    public static void main(String[] args) {
        EvaluateRequest body = body();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (boolean customised : new boolean[] {false, true, false, true}) {
            HibernateValidatorConfiguration configuration =
                    Validation.byProvider(HibernateValidator.class).configure();
            if (customised) new ScalarContainerCascade().customize(configuration);
            Validator validator = configuration.buildValidatorFactory().getValidator();
            long warm = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < warm) sink = validator.validate(body);
            long cpu0 = threads.getCurrentThreadCpuTime(), alloc0 = threads.getThreadAllocatedBytes(id);
            int n = 0;
            while (threads.getCurrentThreadCpuTime() < cpu0 + 3_000_000_000L) {
                for (int i = 0; i < 100; i++) sink = validator.validate(body);
                n += 100;
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0, alloc = threads.getThreadAllocatedBytes(id) - alloc0;
            System.out.printf(
                    "[probe] %-28s %8.2f us CPU/op %8d B/op (%d ops)%n",
                    customised ? "ScalarContainerCascade" : "generated models as they are",
                    cpu / 1000.0 / n,
                    alloc / n,
                    n);
        }
    }

    private static EvaluateRequest body() {
        List<AssessmentInput> assessments = new ArrayList<>();
        for (String member : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
            Map<String, Integer> selections = new LinkedHashMap<>();
            for (int i = 1; i <= 31; i++) selections.put("A" + i, 1 + i % 3);
            assessments.add(new AssessmentInput(member, selections));
        }
        return new EvaluateRequest("food", assessments).edition("ocop-2023");
    }
}
