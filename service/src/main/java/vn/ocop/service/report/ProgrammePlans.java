package vn.ocop.service.report;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.api.model.PlanActual;
import vn.ocop.api.model.PlanActualInput;
import vn.ocop.api.model.PlanTarget;
import vn.ocop.api.model.ProgrammePlan;
import vn.ocop.service.platform.web.ApiException;

/**
 * Programme plans: targets from {@code classpath:programme-plans/*.yaml} (data, read at start), actuals entered by the
 * provincial office in collection {@code plan_actuals} (insert-only: each entry adds to the totals).
 */
@Service
class ProgrammePlans {
    /** Targets the report computes from stored data; the others are ENTERED. */
    static final List<String> COMPUTED =
            List.of("PRODUCTS_STANDARDISED", "PRODUCTS_3_TO_5_STARS", "NEW_ENTERPRISES_AND_COOPERATIVES");

    static final List<String> ENTERED = List.of(
            "OFFICIALS_TRAINED",
            "BUDGET_TOTAL",
            "BUDGET_COMMUNITY",
            "BUDGET_CENTRAL_PROGRAMME",
            "BUDGET_INTEGRATED",
            "BUDGET_DEVELOPMENT_INVESTMENT");

    record Plan(
            String id,
            String name,
            String legalBasis,
            String provinceCode,
            LocalDate from,
            LocalDate to,
            List<PlanTarget> targets) {}

    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final MongoCollection<Document> actuals;

    ProgrammePlans(MongoTemplate mongo) throws IOException {
        this.actuals = mongo.getCollection("plan_actuals");
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:programme-plans/*.yaml");
        for (Resource file : files) {
            Plan p = read(file);
            plans.put(p.id(), p);
        }
    }

    @SuppressWarnings("unchecked")
    private static Plan read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            Map<String, Object> y = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<PlanTarget> targets = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) y.get("targets")) {
                String key = String.valueOf(t.get("key"));
                String source = String.valueOf(t.get("source"));
                if (!(COMPUTED.contains(key) && source.equals("COMPUTED"))
                        && !(ENTERED.contains(key) && source.equals("ENTERED"))) {
                    throw new IllegalStateException(
                            file.getFilename() + ": unknown target " + key + " (" + source + ")");
                }
                targets.add(new PlanTarget()
                        .key(key)
                        .label(String.valueOf(t.get("label")))
                        .target(new BigDecimal(String.valueOf(t.get("target"))))
                        .source(source));
            }
            return new Plan(
                    String.valueOf(y.get("id")),
                    String.valueOf(y.get("name")),
                    String.valueOf(y.get("legalBasis")),
                    String.valueOf(y.get("provinceCode")),
                    LocalDate.parse(String.valueOf(y.get("from"))),
                    LocalDate.parse(String.valueOf(y.get("to"))),
                    List.copyOf(targets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Plan> find(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    List<Plan> all() {
        return List.copyOf(plans.values());
    }

    List<ProgrammePlan> list() {
        return plans.values().stream()
                .map(p -> new ProgrammePlan()
                        .id(p.id())
                        .name(p.name())
                        .legalBasis(p.legalBasis())
                        .provinceCode(p.provinceCode())
                        .from(p.from())
                        .to(p.to())
                        .targets(p.targets())
                        .actuals(actuals(p.id())))
                .toList();
    }

    PlanActual record(String planId, PlanActualInput in, String user) {
        Plan plan = find(planId).orElseThrow(() -> ApiException.notFound("Programme plan", planId));
        if (in.getDate().isBefore(plan.from()) || in.getDate().isAfter(plan.to())) {
            throw ApiException.invalidField(
                    "date", "phải trong thời gian của kế hoạch (" + plan.from() + " – " + plan.to() + ")");
        }
        Document d = new Document("_id", UUID.randomUUID().toString())
                .append("planId", planId)
                .append("date", in.getDate().toString())
                .append("officialsTrained", in.getOfficialsTrained())
                .append("budgetCommunity", decimal(in.getBudgetCommunity()))
                .append("budgetCentralProgramme", decimal(in.getBudgetCentralProgramme()))
                .append("budgetIntegrated", decimal(in.getBudgetIntegrated()))
                .append("budgetDevelopmentInvestment", decimal(in.getBudgetDevelopmentInvestment()))
                .append("note", in.getNote())
                .append("enteredBy", user)
                .append("enteredAt", new Date());
        actuals.insertOne(d);
        return view(d);
    }

    /** The plan's entries, oldest first (a scan on the embedded store: a handful per plan). */
    List<PlanActual> actuals(String planId) {
        return actuals.find(eq("planId", planId))
                .sort(Sorts.ascending("date", "enteredAt"))
                .map(ProgrammePlans::view)
                .into(new ArrayList<>());
    }

    private static Decimal128 decimal(BigDecimal v) {
        return v == null ? null : new Decimal128(v);
    }

    private static BigDecimal big(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Decimal128 dec
                ? dec.bigDecimalValue()
                : v instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static PlanActual view(Document d) {
        return new PlanActual()
                .id(d.getString("_id"))
                .planId(d.getString("planId"))
                .date(LocalDate.parse(d.getString("date")))
                .officialsTrained(d.getInteger("officialsTrained"))
                .budgetCommunity(big(d, "budgetCommunity"))
                .budgetCentralProgramme(big(d, "budgetCentralProgramme"))
                .budgetIntegrated(big(d, "budgetIntegrated"))
                .budgetDevelopmentInvestment(big(d, "budgetDevelopmentInvestment"))
                .note(d.getString("note"))
                .enteredBy(d.getString("enteredBy"))
                .enteredAt(d.getDate("enteredAt").toInstant().atOffset(ZoneOffset.UTC));
    }
}
