package vn.ocop.service.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void oneFormForEverySpellingOfAName() {
        String name = "Trần Thị Bình";
        List<String> spellings = List.of(
                name,
                "Trần\u200BThị Bình",
                "Trần\u00A0Thị Bình",
                "Trần Thị Bì\u00ADnh",
                "\uFEFFTrần  Thị\tBình ",
                Normalizer.normalize(name, Normalizer.Form.NFD));
        for (String s : spellings) {
            assertThat(TextNormalizer.clean(s))
                    .as(s.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isIn(name, "TrầnThị Bình");
            assertThat(TextNormalizer.nameKey(s)).isEqualTo("trầnthịbình");
        }
        assertThat(TextNormalizer.clean("  Trần   Thị\u00A0Bình  ")).isEqualTo(name);
        assertThat(TextNormalizer.nameKey("TRẦN THỊ BÌNH")).isEqualTo(TextNormalizer.nameKey(name));
        assertThat(TextNormalizer.nameKey("Trần Thị Bính")).isNotEqualTo(TextNormalizer.nameKey(name));
        assertThat(TextNormalizer.clean(null)).isNull();
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        assertThat(TextNormalizer.searchKey("Nước mắm Phú Quốc")).isEqualTo("nuoc mam phu quoc");
        assertThat(TextNormalizer.searchKey("ĐẶC SẢN Đồng Tháp")).isEqualTo("dac san dong thap");
        assertThat(TextNormalizer.searchKey(Normalizer.normalize("Bưởi", Normalizer.Form.NFD)))
                .isEqualTo("buoi");
    }

    @Test
    void aQueryIsSearchedForByItsWordsWithoutDiacriticsOrPunctuation() {
        assertThat(TextNormalizer.searchWords("  BƯỞI   năm roi ")).containsExactly("buoi", "nam", "roi");
        assertThat(TextNormalizer.searchWords(Normalizer.normalize("Đường phèn – Quảng Ngãi", Normalizer.Form.NFD)))
                .containsExactly("duong", "phen", "quang", "ngai");
        assertThat(TextNormalizer.searchWords(" – ")).isEmpty();
        assertThat(TextNormalizer.searchWords(null)).isEmpty();
    }

    @Test
    void invisibleCharactersAreFound() {
        assertThat(TextNormalizer.hasInvisible("A1\u200B.1")).isTrue();
        assertThat(TextNormalizer.hasInvisible("A1\u0000")).isTrue();
        assertThat(TextNormalizer.hasInvisible("Bình")).isFalse();
    }

    @Test
    void vietnameseAlphabeticalOrder() {
        // Vietnamese order: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; byte order of UTF-8 would put "Đ" after "Z"
        List<String> names =
                new ArrayList<>(List.of("Ớt", "Đậu", "Ô mai", "Dừa", "Ăn", "Zô", "An", "Ấm", "Ư", "Uống", "Ốc"));
        List<String> byKey = new ArrayList<>(names);
        byKey.sort((x, y) -> VietnameseCollation.sortKey(x).compareTo(VietnameseCollation.sortKey(y)));
        names.sort(VietnameseCollation.comparator());
        assertThat(names).containsExactly("An", "Ăn", "Ấm", "Dừa", "Đậu", "Ô mai", "Ốc", "Ớt", "Uống", "Ư", "Zô");
        assertThat(byKey).as("stored keys sort as the collator does").isEqualTo(names);
    }
}
