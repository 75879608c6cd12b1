package vn.ocop.service.catalogue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ocop.rules.api.EditionInfo;

/**
 * Which edition scores a dossier that names none (issue 8, item 8): the dossier's province's own edition where one is
 * published for it and in force on the filing date, else the national edition in force on the filing date.
 *
 * <ul>
 *   <li>National editions are those that extend none. Of those in force on the date (during a transition two are: Điều
 *       12 of QĐ 26/2026/QĐ-TTg keeps ocop-2023 in force until 2026-07-20 for dossiers filed before 2026-05-22), the
 *       latest to start: a dossier filed on 2026-05-21 stays on ocop-2023, one filed on 2026-05-22 is on ocop-2026.</li>
 *   <li>A provincial edition (one that extends another and names its province) applies to its own province only, and
 *       only while the national edition it builds on is the one chosen for the date: it refines that edition, it does
 *       not outlive it. A provincial edition that names no province is never chosen by default.</li>
 * </ul>
 * This is the product's reading where Điều 12 is silent (which date counts: the filing date; provincial editions).
 */
@Service
public class EditionChoice {
    private final Catalogue catalogue;

    public EditionChoice(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @param provinceCode the dossier's province code, or null when unknown (then only national editions count) */
    public Optional<EditionInfo> forDossier(LocalDate registeredOn, String provinceCode) {
        List<EditionInfo> editions = catalogue.editions();
        Optional<EditionInfo> national = national(editions, registeredOn);
        if (national.isEmpty() || provinceCode == null) return national;
        String root = national.get().id();
        return editions.stream()
                .filter(e -> e.extendsEdition() != null && provinceCode.equals(e.province()))
                .filter(e -> e.effectiveFrom() != null && e.inForceOn(registeredOn))
                .filter(e -> root.equals(nationalRoot(e, editions)))
                .max(Comparator.comparing(EditionInfo::effectiveFrom).thenComparing(EditionInfo::id))
                .or(() -> national);
    }

    /** The national edition in force on the date: of several in force, the latest to start. */
    static Optional<EditionInfo> national(List<EditionInfo> editions, LocalDate date) {
        return editions.stream()
                .filter(e -> e.extendsEdition() == null && e.effectiveFrom() != null && e.inForceOn(date))
                .max(Comparator.comparing(EditionInfo::effectiveFrom).thenComparing(EditionInfo::id));
    }

    /** The national edition at the root of an edition's {@code extends} chain (itself when national). */
    static String nationalRoot(EditionInfo edition, List<EditionInfo> editions) {
        EditionInfo e = edition;
        for (int depth = 0; e != null && e.extendsEdition() != null && depth < 10; depth++) {
            String parent = e.extendsEdition();
            e = editions.stream().filter(x -> x.id().equals(parent)).findFirst().orElse(null);
            if (e == null) return parent;
        }
        return e == null ? null : e.id();
    }
}
