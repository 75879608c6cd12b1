package vn.ocop.service.procedure.levels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The procedure data: procedures by filing date, default round dates, the commune's working days, the quorum. */
@Component
public class ProcedureRules {
    /** A round's default dates: proposals by {@code cutoff}, decided by {@code decisionDue}. */
    public record RoundDates(LocalDate cutoff, LocalDate decisionDue) {}

    public record QuorumRule(BigDecimal ratio, boolean chairRequired) {}

    private record DefaultRound(int number, MonthDay cutoff, MonthDay decisionDue, boolean nextYear) {}

    private final List<ProcedureRule> procedures = new ArrayList<>();
    private final Map<Level, List<DefaultRound>> roundDefaults = new EnumMap<>(Level.class);
    private final int communeCheckWorkingDays;
    private final QuorumRule quorum;

    public ProcedureRules() {
        this("/procedure/procedures.yaml");
    }

    @SuppressWarnings("unchecked")
    ProcedureRules(String resource) {
        Map<String, Object> root;
        try (InputStream in = ProcedureRules.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> p : (List<Map<String, Object>>) root.get("procedures")) {
            List<LevelRule> levels = new ArrayList<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) p.get("levels")) {
                levels.add(new LevelRule(
                        Level.valueOf((String) l.get("level")),
                        ints(l.get("recognises")),
                        l.get("forwardsFrom") == null ? null : new BigDecimal(String.valueOf(l.get("forwardsFrom"))),
                        l.get("next") == null ? null : Level.valueOf((String) l.get("next")),
                        ints(l.get("decidesOnReturn")),
                        (String) l.get("authority")));
            }
            procedures.add(new ProcedureRule(
                    (String) p.get("id"),
                    (String) p.get("name"),
                    (String) p.get("legalBasis"),
                    LocalDate.parse((String) p.get("appliesFrom")),
                    p.get("appliesTo") == null ? null : LocalDate.parse((String) p.get("appliesTo")),
                    levels));
        }
        ((Map<String, List<Map<String, Object>>>) root.get("roundDefaults")).forEach((level, rounds) -> {
            List<DefaultRound> list = new ArrayList<>();
            for (Map<String, Object> r : rounds) {
                list.add(new DefaultRound(
                        ((Number) r.get("number")).intValue(),
                        MonthDay.parse("--" + r.get("cutoff")),
                        MonthDay.parse("--" + r.get("decisionDue")),
                        Boolean.TRUE.equals(r.get("nextYear"))));
            }
            roundDefaults.put(Level.valueOf(level), list);
        });
        communeCheckWorkingDays = ((Number) root.get("communeCheckWorkingDays")).intValue();
        Map<String, Object> q = (Map<String, Object>) root.get("quorum");
        quorum = new QuorumRule(
                new BigDecimal(String.valueOf(q.get("ratio"))), Boolean.TRUE.equals(q.get("chairRequired")));
    }

    /** The procedure that applies to a dossier filed on {@code filedOn}. */
    public Optional<ProcedureRule> forFilingDate(LocalDate filedOn) {
        return procedures.stream().filter(p -> p.appliesOn(filedOn)).findFirst();
    }

    public Optional<ProcedureRule> byId(String id) {
        return procedures.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Default dates of round {@code number} of {@code year} at {@code level} (Điều 5), if the data has them. */
    public Optional<RoundDates> defaultDates(Level level, int year, int number) {
        // district rounds (three-level procedures) follow the provincial calendar: this product's reading
        Level calendar = level == Level.DISTRICT ? Level.PROVINCE : level;
        return roundDefaults.getOrDefault(calendar, List.of()).stream()
                .filter(r -> r.number() == number)
                .findFirst()
                .map(r -> {
                    LocalDate cutoff = r.cutoff().atYear(r.nextYear() ? year + 1 : year);
                    LocalDate due = r.decisionDue().atYear(r.nextYear() ? year + 1 : year);
                    return new RoundDates(cutoff, due);
                });
    }

    public int communeCheckWorkingDays() {
        return communeCheckWorkingDays;
    }

    public QuorumRule defaultQuorum() {
        return quorum;
    }

    private static List<Integer> ints(Object o) {
        if (o == null) return List.of();
        return ((List<?>) o).stream().map(v -> ((Number) v).intValue()).toList();
    }
}
