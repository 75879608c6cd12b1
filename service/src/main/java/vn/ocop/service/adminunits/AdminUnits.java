package vn.ocop.service.adminunits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.ocop.service.platform.web.ApiException.FieldProblem;

/**
 * Province, district and commune codes (GSO codes, leading zeros kept). Dossiers registered from
 * {@link #REFORM} on are checked against the two-level list of Decision 19/2025/QĐ-TTg; earlier ones against the
 * three-level list as it stood before (their district, when given, must hold their commune). With
 * {@code ocop.admin-units.check=false} only the format is checked (the contract's pattern).
 */
@Service
public class AdminUnits {
    /** Districts were abolished and the provinces merged on 1 July 2025. */
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    /** The same day, named for readers of certificates and reports. */
    public static final LocalDate TWO_LEVEL_FROM = REFORM;

    private static final Logger log = LoggerFactory.getLogger(AdminUnits.class);

    private final boolean check;
    private final List2025 now;
    private final ListPre2025 before;

    public AdminUnits(@Value("${ocop.admin-units.check:true}") boolean check) {
        this.check = check;
        this.now = List2025.read(open("admin-units/units-2025.csv"));
        this.before = ListPre2025.read(open("admin-units/units-pre-2025.csv"));
        log.debug(
                "Administrative units: {} provinces and {} communes from 2025-07-01; {} provinces, {} districts, {} communes before",
                now.provinces.size(),
                now.communeProvince.size(),
                before.provinces.size(),
                before.districtProvince.size(),
                before.communeDistrict.size());
    }

    record List2025(
            Map<String, String> provinces, Map<String, String> communeProvince, Map<String, String> communeNames) {
        static List2025 read(List<String[]> rows) {
            Map<String, String> provinces = new HashMap<>(), communes = new HashMap<>(), names = new HashMap<>();
            for (String[] r : rows) {
                provinces.put(r[0], r[1]);
                communes.put(r[2], r[0]);
                names.put(r[2], r[3]);
            }
            return new List2025(Map.copyOf(provinces), Map.copyOf(communes), Map.copyOf(names));
        }
    }

    record ListPre2025(
            Map<String, String> provinces,
            Map<String, String> districtProvince,
            Map<String, String> communeDistrict,
            Map<String, String> districtNames,
            Map<String, String> communeNames) {
        static ListPre2025 read(List<String[]> rows) {
            Map<String, String> provinces = new HashMap<>(), districts = new HashMap<>(), communes = new HashMap<>();
            Map<String, String> districtNames = new HashMap<>(), communeNames = new HashMap<>();
            for (String[] r : rows) {
                provinces.put(r[0], r[1]);
                districts.put(r[2], r[0]);
                districtNames.put(r[2], r[3]);
                if (r.length > 4 && !r[4].isEmpty()) {
                    communes.put(r[4], r[2]);
                    if (r.length > 5) communeNames.put(r[4], r[5]);
                }
            }
            return new ListPre2025(
                    Map.copyOf(provinces),
                    Map.copyOf(districts),
                    Map.copyOf(communes),
                    Map.copyOf(districtNames),
                    Map.copyOf(communeNames));
        }
    }

    /** A commune of the 2025 list with its province. */
    public record Commune(String code, String name, String provinceCode, String provinceName) {}

    /** A commune of the list in force now (2025), with its province. */
    public Optional<Commune> commune2025(String code) {
        String province = code == null ? null : now.communeProvince.get(code);
        return province == null
                ? Optional.empty()
                : Optional.of(new Commune(code, now.communeNames.get(code), province, now.provinces.get(province)));
    }

    /**
     * A province's name on a day. Codes were reused when units merged (82 was Tiền Giang and is now Đồng Tháp), so
     * before 1 July 2025 the pre-2025 list answers first.
     */
    public Optional<String> provinceName(String code, LocalDate on) {
        return pick(now.provinces, before.provinces, code, on);
    }

    public Optional<String> communeName(String code, LocalDate on) {
        return pick(now.communeNames, before.communeNames, code, on);
    }

    public Optional<String> districtName(String code) {
        return Optional.ofNullable(code == null ? null : before.districtNames.get(code));
    }

    private static Optional<String> pick(
            Map<String, String> current, Map<String, String> old, String code, LocalDate on) {
        if (code == null) return Optional.empty();
        boolean earlier = on != null && on.isBefore(REFORM);
        String first = earlier ? old.get(code) : current.get(code);
        return Optional.ofNullable(first != null ? first : earlier ? current.get(code) : old.get(code));
    }

    /** Problems of a location (field paths under {@code prefix}) for a dossier registered on {@code registeredOn}. */
    public List<FieldProblem> check(
            String prefix, String province, String district, String commune, LocalDate registeredOn) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!check || province == null || commune == null) return errors;
        if (!registeredOn.isBefore(REFORM)) {
            if (!now.provinces.containsKey(province)) {
                errors.add(new FieldProblem(
                        prefix + ".provinceCode",
                        "UNKNOWN_PROVINCE",
                        "không có tỉnh/thành phố mã " + province
                                + " từ ngày 01/07/2025 (34 tỉnh, thành phố theo Quyết định 19/2025/QĐ-TTg)"));
            } else if (!province.equals(now.communeProvince.get(commune))) {
                errors.add(new FieldProblem(
                        prefix + ".communeCode",
                        "UNKNOWN_COMMUNE",
                        now.communeProvince.containsKey(commune)
                                ? "xã/phường " + commune + " thuộc tỉnh/thành phố mã "
                                        + now.communeProvince.get(commune) + ", không thuộc " + province
                                : "không có xã/phường/đặc khu mã " + commune + " từ ngày 01/07/2025"));
            }
            return errors;
        }
        if (!before.provinces.containsKey(province)) {
            errors.add(new FieldProblem(
                    prefix + ".provinceCode",
                    "UNKNOWN_PROVINCE",
                    "không có tỉnh/thành phố mã " + province + " trước ngày 01/07/2025 (63 tỉnh, thành phố)"));
            return errors;
        }
        String communeDistrict = before.communeDistrict.get(commune);
        if (communeDistrict == null || !province.equals(before.districtProvince.get(communeDistrict))) {
            errors.add(new FieldProblem(
                    prefix + ".communeCode",
                    "UNKNOWN_COMMUNE",
                    "không có xã/phường/thị trấn mã " + commune + " thuộc tỉnh/thành phố " + province
                            + " trước ngày 01/07/2025"));
        }
        if (district != null && !province.equals(before.districtProvince.get(district))) {
            errors.add(new FieldProblem(
                    prefix + ".districtCode",
                    "UNKNOWN_DISTRICT",
                    "không có quận/huyện mã " + district + " thuộc tỉnh/thành phố " + province));
        } else if (district != null && communeDistrict != null && !district.equals(communeDistrict)) {
            errors.add(new FieldProblem(
                    prefix + ".communeCode",
                    "UNKNOWN_COMMUNE",
                    "xã/phường " + commune + " không thuộc quận/huyện " + district));
        }
        return errors;
    }

    /** Whether a province code exists in either list (for list filters). */
    public boolean isProvince(String code) {
        return now.provinces.containsKey(code) || before.provinces.containsKey(code);
    }

    private static List<String[]> open(String resource) {
        try (InputStream in = AdminUnits.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            r.readLine(); // header
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
