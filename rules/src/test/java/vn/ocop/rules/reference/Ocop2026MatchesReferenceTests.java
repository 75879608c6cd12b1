package vn.ocop.rules.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.TestEngines;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.OptionInfo;
import vn.ocop.rules.api.SheetInfo;

/**
 * The shipped edition ocop-2026 says exactly what the reference data says: every criterion (code, order), option
 * (number, label), point and star minimum, except the errata the edition lists. Reads shared/reference beside the
 * repository (as CI has it) and holds the in-repo copy, the generator's input, to it byte for byte.
 */
class Ocop2026MatchesReferenceTests {
    private static final Path IN_REPO = Path.of("src", "main", "reference", "qd26-2026");
    private static final Path SHARED = Path.of("..", "..", "shared", "reference", "qd26-2026");

    private static Path reference() {
        return Files.isDirectory(SHARED.resolve("sheets")) ? SHARED : IN_REPO;
    }

    @Test
    void theInRepositoryCopyIsTheSharedReferenceByteForByte() throws IOException {
        if (!Files.isDirectory(SHARED.resolve("sheets"))) return; // outside the workplace: only the copy exists
        for (Path shared : sheetFiles(SHARED)) {
            Path copy = IN_REPO.resolve("sheets").resolve(shared.getFileName().toString());
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(shared));
        }
        assertThat(sheetFiles(IN_REPO)).hasSameSizeAs(sheetFiles(SHARED));
    }

    @Test
    void everyShippedCriterionOptionPointAndMinimumIsTheReferenceExceptTheListedErrata() throws IOException {
        EditionInfo edition = TestEngines.engine().edition("ocop-2026").orElseThrow();
        Reading reading = Reading.parse(Files.readString(IN_REPO.resolve("reading.yaml"), StandardCharsets.UTF_8));
        List<Path> files = sheetFiles(reference());
        assertThat(edition.sheets())
                .hasSize(26)
                .extracting(SheetInfo::number)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList());
        List<String> differences = new ArrayList<>();
        int corrected = 0;
        for (Path file : files) {
            ReferenceSheet ref =
                    ReferenceSheet.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            SheetInfo shipped =
                    TestEngines.engine().sheet("ocop-2026", ref.id()).orElseThrow();
            assertThat(shipped.number()).isEqualTo(ref.number());
            assertThat(shipped.checkedAgainstAnnex()).isTrue();
            assertThat(shipped.criteria())
                    .extracting(CriterionInfo::code)
                    .as("criteria of sheet " + ref.number())
                    .containsExactlyElementsOf(ref.criteria().stream()
                            .map(ReferenceSheet.Criterion::code)
                            .toList());
            for (int i = 0; i < ref.criteria().size(); i++) {
                ReferenceSheet.Criterion rc = ref.criteria().get(i);
                CriterionInfo sc = shipped.criteria().get(i);
                String where = "sheet " + ref.number() + " criterion " + rc.code();
                if (!rc.name().equals(sc.name())) differences.add(where + ": name");
                if (!rc.part().equals(sc.part())) differences.add(where + ": part");
                if (!rc.notes().equals(sc.notes())) differences.add(where + ": notes");
                if (rc.options().isEmpty()) {
                    // printed without options: this product's reading, marked in the catalogue
                    if (sc.readingNote() == null
                            || sc.options().size()
                                    != reading.withoutListedOptions().size()) differences.add(where + ": reading");
                    continue;
                }
                if (rc.options().size() != sc.options().size()) {
                    differences.add(where + ": " + sc.options().size() + " options, reference "
                            + rc.options().size());
                    continue;
                }
                for (int k = 0; k < rc.options().size(); k++) {
                    ReferenceSheet.Option ro = rc.options().get(k);
                    OptionInfo so = sc.options().get(k);
                    if (ro.n() != so.number() || !ro.label().equals(so.label()))
                        differences.add(where + " option " + ro.n() + ": label");
                    if (!Objects.equals(ro.minStars(), so.minStars()))
                        differences.add(where + " option " + ro.n() + ": minStars");
                    if (!Objects.equals(ro.points(), so.points())) {
                        Reading.Erratum fix = reading.errataOf(ref.number()).stream()
                                .filter(e -> e.field().equals("points")
                                        && e.criterion().equals(rc.code())
                                        && Objects.equals(e.option(), ro.n()))
                                .findFirst()
                                .orElse(null);
                        boolean listed = fix != null
                                && fix.used().equals(String.valueOf(so.points()))
                                && edition.errata().stream()
                                        .anyMatch(e -> e.sheet().equals(ref.id())
                                                && e.criterion().startsWith(rc.code() + " ")
                                                && e.used().equals(fix.used())
                                                && e.printed().equals(fix.printed()));
                        if (listed) corrected++;
                        else
                            differences.add(where + " option " + ro.n() + ": points " + so.points() + ", reference "
                                    + ro.points());
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(corrected)
                .as("points corrected by the errata (sheets 4, 7, 10, 11 1.2; 4 item 7; 11 6.1.1)")
                .isEqualTo(6);
        assertThat(edition.errata()).hasSize(reading.errata().size());
    }

    @Test
    void theCatalogueCarriesClassificationExclusionsAndTheReading() {
        EditionInfo edition = TestEngines.engine().edition("ocop-2026").orElseThrow();
        assertThat(edition.classification()).hasSize(26);
        assertThat(edition.classification().stream().map(c -> c.sector()).distinct())
                .hasSize(6);
        assertThat(edition.classification().stream()
                        .map(c -> c.sector() + "/" + c.group())
                        .distinct())
                .hasSize(17);
        assertThat(edition.starMinimumBasis()).isNotNull();
        assertThat(edition.effectiveFrom()).hasToString("2026-05-22");
        SheetInfo sheet16 = TestEngines.engine()
                .sheet("ocop-2026", "nuoc-khoang-thien-nhien-nuoc-uong-dong-chai")
                .orElseThrow();
        assertThat(sheet16.exclusions())
                .extracting(x -> x.code())
                .containsExactly("DOSSIER_REJECTED", "ZERO_ON_INDICATOR");
        assertThat(sheet16.classification().ministry()).isEqualTo("Bộ Y tế");
        SheetInfo sheet21 = TestEngines.engine()
                .sheet("ocop-2026", "thu-cong-my-nghe-gia-dung-trang-tri")
                .orElseThrow();
        assertThat(sheet21.exclusions()).extracting(x -> x.code()).contains("IP_INFRINGEMENT");
        CriterionInfo bilingual = sheet21.criteria().stream()
                .filter(c -> c.code().equals("2.3"))
                .findFirst()
                .orElseThrow();
        assertThat(bilingual.readingNote()).isNotBlank();
        assertThat(bilingual.options())
                .extracting(OptionInfo::label, OptionInfo::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Không", 0), org.assertj.core.groups.Tuple.tuple("Có", 1));
    }

    private static List<Path> sheetFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("sheets"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
