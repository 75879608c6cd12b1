package vn.ocop.service.procedure.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Counts working days: Monday to Friday, except the public holidays listed in the data file. */
@Component
public class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays() {
        this(load("/procedure/holidays-vn.yaml"));
    }

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** The day on which {@code days} working days after {@code start} have passed (start itself not counted). */
    public LocalDate plus(LocalDate start, int days) {
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) left--;
        }
        return d;
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    @SuppressWarnings("unchecked")
    static Set<LocalDate> load(String resource) {
        try (InputStream in = WorkingDays.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<LocalDate> out = new HashSet<>();
            for (Map<String, Object> h : (List<Map<String, Object>>) root.get("holidays")) {
                out.add(LocalDate.parse(String.valueOf(h.get("date"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
