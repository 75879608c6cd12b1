package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.platform.storage.DocumentIds;
import vn.ocop.service.ruleset.RulesetRegistry;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TempStore;

/**
 * BENCHMARK, not a test (the name keeps it out of the default run): seeds N dossiers with three assessments each
 * straight into the embedded store (the layout the dossier feature writes), then runs a ruleset simulation job through
 * the API over all of them and prints dossiers/s and the heap after. See docs/benchmarks.md ("Simulation"):
 * <pre>mvn -q -o -pl service -am -Pbench test -Dtest=SimulationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.dossiers=100000</pre>
 * (bench/history.sh). Seeding writes the documents straight into the store in batches of 1,000: a bench-only path,
 * no API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class SimulationBenchmark {
    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RulesetRegistry registry;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        TempStore.register(registry, "ocop-bench");
    }

    @Test
    void simulate() throws Exception {
        int n = Integer.getInteger("bench.dossiers", 100_000);
        SheetInfo sheet =
                registry.version("ocop-2023", 1).orElseThrow().sheet("food").orElseThrow();
        long seedStart = System.nanoTime();
        List<Document> dossiers = new ArrayList<>(), assessments = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            String id = DocumentIds.next();
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                List<Document> selections = new ArrayList<>();
                for (CriterionInfo c : sheet.criteria()) {
                    selections.add(new Document("code", c.code())
                            .append("option", 1 + random.nextInt(c.options().size())));
                }
                String aid = DocumentIds.next();
                ids.add(aid);
                assessments.add(new Document("_id", aid)
                        .append("dossierId", id)
                        .append("member", "Thành viên " + m)
                        // the unique {dossierId, memberKey} index of the assessments (dossier.MemberKeys)
                        .append("memberKey", vn.ocop.service.platform.text.TextNormalizer.nameKey("Thành viên " + m))
                        .append("role", "MEMBER")
                        .append("selections", selections)
                        .append("createdBy", "bench")
                        .append("createdAt", new Date()));
            }
            dossiers.add(new Document("_id", id)
                    .append("version", 1L)
                    .append("product", new Document("name", "Sản phẩm " + i))
                    .append(
                            "location",
                            new Document("provinceCode", i % 2 == 0 ? "82" : "01").append("communeCode", "29869"))
                    .append("registeredOn", "2025-03-01")
                    .append("edition", "ocop-2023")
                    .append("sheet", "food")
                    .append("group", "FOOD")
                    .append("status", "SUBMITTED")
                    .append("evaluationCount", 0L)
                    .append("assessmentIds", ids)
                    .append("createdBy", "bench")
                    .append("createdAt", new Date())
                    .append("updatedAt", new Date()));
            if (dossiers.size() == 1000) {
                mongo.getCollection("dossiers").insertMany(dossiers);
                mongo.getCollection("assessments").insertMany(assessments);
                dossiers.clear();
                assessments.clear();
            }
            if ((i + 1) % 10_000 == 0) {
                double s = (System.nanoTime() - seedStart) / 1e9;
                System.out.printf("[bench] seeding: %d dossiers in %.1f s (%.0f/s)%n", i + 1, s, (i + 1) / s);
            }
        }
        if (!dossiers.isEmpty()) {
            mongo.getCollection("dossiers").insertMany(dossiers);
            mongo.getCollection("assessments").insertMany(assessments);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf("[bench] seeded %d dossiers (3 assessments each) in %.1f s%n", n, seedSeconds);
        Http http = new Http(port);
        BenchHeap.resetPeaks();
        long start = System.nanoTime();
        long cpuStart = BenchHeap.processCpuNanos();
        JsonNode job = http.post("/api/v1/rulesets/ocop-2023@1/simulate", "policy", "{}")
                .json();
        String id = job.get("id").asString();
        long lastPrint = 0;
        while (true) {
            job = http.get("/api/v1/jobs/" + id, "policy").json();
            if (job.get("state").asString().matches("SUCCEEDED|FAILED|CANCELLED")) break;
            if (System.currentTimeMillis() - lastPrint > 10_000) {
                System.out.println(
                        "[bench] " + job.get("percent") + "% done, ~" + job.get("estimatedSecondsLeft") + " s left");
                lastPrint = System.currentTimeMillis();
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (BenchHeap.processCpuNanos() - cpuStart) / 1e6;
        long peakMb = BenchHeap.peakMb();
        long heapMb = BenchHeap.afterGcMb();
        JsonNode result = job.get("result");
        System.out.printf(
                "[bench] simulation %s: scored %s in %.1f s wall = %.0f dossiers/s (job's own figure %s/s), heap peak %d MB, after GC %d MB (max %d MB); process CPU %.2f ms per dossier%n",
                job.get("state").asString(),
                result == null ? "-" : result.get("scored"),
                seconds,
                (result == null ? 0 : result.get("scored").asLong()) / seconds,
                result == null ? "-" : result.get("dossiersPerSecond"),
                peakMb,
                heapMb,
                BenchHeap.maxMb(),
                cpuMs / n);
        // a benchmark that scored the wrong number of dossiers, or found changes comparing a version with itself,
        // measured nothing
        assertThat(job.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(result.get("scored").asLong()).isEqualTo(n);
        assertThat(result.get("changedStars").asLong()).isZero();
    }
}
