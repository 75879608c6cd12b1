package vn.ocop.service.adminunits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Province, district and commune names by code. Codes were reused when units merged on 1 July 2025 (82 was Tiền Giang
 * and is now Đồng Tháp), so a lookup names the day it is about: before 1 July 2025 the pre-2025 list answers first.
 */
@Component
public class AdminUnits {
    public static final LocalDate TWO_LEVEL_FROM = LocalDate.of(2025, 7, 1);

    /** A commune of the 2025 list with its province. */
    public record Commune(String code, String name, String provinceCode, String provinceName) {}

    private final Map<String, String> provinces2025 = new HashMap<>();
    private final Map<String, Commune> communes2025 = new HashMap<>();
    private final Map<String, String> provincesOld = new HashMap<>();
    private final Map<String, String> districtsOld = new HashMap<>();
    private final Map<String, String> communesOld = new HashMap<>();

    public AdminUnits() {
        read("admin-units/units-2025.csv", c -> {
            provinces2025.put(c[0], c[1]);
            communes2025.put(c[2], new Commune(c[2], c[3], c[0], c[1]));
        });
        read("admin-units/units-pre-2025.csv", c -> {
            provincesOld.put(c[0], c[1]);
            districtsOld.put(c[2], c[3]);
            if (c.length > 5 && !c[4].isEmpty()) communesOld.put(c[4], c[5]);
        });
    }

    /** A commune of the list in force now (2025), with its province. */
    public Optional<Commune> commune2025(String code) {
        return Optional.ofNullable(code == null ? null : communes2025.get(code));
    }

    public Optional<String> provinceName(String code, LocalDate on) {
        return pick(provinces2025, provincesOld, code, on);
    }

    public Optional<String> communeName(String code, LocalDate on) {
        Map<String, String> now = new HashMap<>();
        Commune c = code == null ? null : communes2025.get(code);
        if (c != null) now.put(code, c.name());
        return pick(now, communesOld, code, on);
    }

    public Optional<String> districtName(String code) {
        return Optional.ofNullable(code == null ? null : districtsOld.get(code));
    }

    private static Optional<String> pick(Map<String, String> now, Map<String, String> old, String code, LocalDate on) {
        if (code == null) return Optional.empty();
        boolean before = on != null && on.isBefore(TWO_LEVEL_FROM);
        String first = before ? old.get(code) : now.get(code);
        return Optional.ofNullable(first != null ? first : before ? now.get(code) : old.get(code));
    }

    private interface Row { void accept(String[] cells); }

    /** The files are plain: no quoted commas (checked by their README), UTF-8, one header row. */
    private static void read(String resource, Row row) {
        try (InputStream in = AdminUnits.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) row.accept(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
