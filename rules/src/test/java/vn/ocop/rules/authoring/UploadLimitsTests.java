package vn.ocop.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.RuleFileProblem;

class UploadLimitsTests {

    private final UploadLimits limits = UploadLimits.defaults();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(limits.maxFiles()).isEqualTo(200);
        assertThat(limits.maxBytesPerFile()).isEqualTo(2L * 1024 * 1024);
        assertThat(limits.maxTotalBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(limits.allowedExtensions()).containsExactlyInAnyOrder(".drl", ".csv", ".yaml", ".yml", ".xlsx");
    }

    @Test
    void aNormalRulePackPasses() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("edition.yaml", utf8("id: ocop-2019\nname: \"Bộ tiêu chí OCOP 2019\"\n"));
        files.put("sheets/food-fresh-produce.csv", utf8("\uFEFFRuleSet,x\n"));
        files.put("council/spread.drl", utf8("package a;\n"));
        files.put("sheets/other.xlsx", new byte[] {'P', 'K', 3, 4, 0});
        assertThat(limits.check(files)).isEmpty();
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedWithoutScanningIt() {
        byte[] big = new byte[50 * 1024 * 1024]; // generated in memory, no file
        java.util.Arrays.fill(big, (byte) 'a');
        List<RuleFileProblem> problems = limits.check(Map.of("sheets/huge.csv", big));
        assertThat(problems)
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple("", 0, "UPLOAD_TOO_LARGE"), tuple("sheets/huge.csv", 0, "FILE_TOO_LARGE"));
        assertThat(problems.get(1).message()).contains("52428800").contains("2097152");
    }

    @Test
    void manySmallFilesAddingUpToTooMuchAreRefused() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            files.put("f" + i + ".drl", new byte[2 * 1024 * 1024]); // NULs, but size is what is tested here
        }
        assertThat(limits.check(files)).extracting(RuleFileProblem::code).contains("UPLOAD_TOO_LARGE");
        Map<String, byte[]> many = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            many.put("f" + i + ".drl", utf8("x"));
        }
        assertThat(limits.check(many)).extracting(RuleFileProblem::code).containsExactly("TOO_MANY_FILES");
    }

    @Test
    void pathTraversalAndOddPathsAreRefused() {
        for (String path : List.of(
                "../etc/passwd.drl",
                "sheets/../../x.drl",
                "/etc/x.drl",
                "C:/x.drl",
                "sheets\\x.drl",
                "sheets//x.drl",
                "./x.drl",
                "~/x.drl",
                "sheets/x.drl\u0000.csv",
                "")) {
            assertThat(limits.check(Map.of(path, utf8("rule"))))
                    .as(path)
                    .extracting(RuleFileProblem::code)
                    .containsExactly("BAD_PATH");
        }
    }

    @Test
    void onlyRuleFileTypesAreAccepted() {
        assertThat(limits.check(Map.of("evil.jar", new byte[] {1}, "x.class", new byte[] {1}, "x.java", utf8("x"))))
                .extracting(RuleFileProblem::code)
                .containsOnly("EXTENSION_NOT_ALLOWED");
        assertThat(limits.check(Map.of("sheets/x.xlsx", utf8("not a zip"))))
                .extracting(RuleFileProblem::code)
                .containsExactly("XLSX_INVALID");
    }

    @Test
    void textFilesMustBeUtf8WithoutNulBytes() {
        byte[] latin1 = "rule \"Nguyễn Thị Hà\" — café".getBytes(StandardCharsets.ISO_8859_1); // é is 0xE9 alone
        assertThat(limits.check(Map.of("a.drl", utf8("package a;\nrule \"x\"\n"), "b.drl", latin1)))
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple("b.drl", 1, "NOT_UTF8"));
        assertThat(limits.check(Map.of("c.csv", utf8("a,b\nc,\u0000d\n"))))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(2, 3, "NUL_BYTE"));
        assertThat(limits.check(Map.of("d.yaml", new byte[0])))
                .extracting(RuleFileProblem::code)
                .containsExactly("EMPTY_FILE");
    }

    @Test
    void pathsDifferingOnlyInCaseAreDuplicates() {
        assertThat(limits.check(Map.of("Sheets/a.csv", utf8("x"), "sheets/a.csv", utf8("y"))))
                .extracting(RuleFileProblem::code)
                .containsExactly("DUPLICATE_PATH");
    }

    @Test
    void customLimitsApply() {
        UploadLimits tight = new UploadLimits(1, 3, 10, Set.of(".drl"));
        assertThat(tight.check(Map.of("a.drl", utf8("abcd"))))
                .extracting(RuleFileProblem::code)
                .containsExactly("FILE_TOO_LARGE");
    }
}
