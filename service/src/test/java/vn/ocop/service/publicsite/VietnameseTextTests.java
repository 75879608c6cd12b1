package vn.ocop.service.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseTextTests {

    @Test
    void foldsDiacriticsAndDWithStrokeWhateverTheNormalForm() {
        assertThat(VietnameseText.fold("Bưởi Năm Roi")).isEqualTo("buoi nam roi");
        assertThat(VietnameseText.fold(Normalizer.normalize("Đường phèn – Quảng Ngãi", Normalizer.Form.NFD)))
                .isEqualTo("duong phen quang ngai");
        assertThat(VietnameseText.matches("Bưởi Năm Roi Vĩnh Long", VietnameseText.words("buoi nam roi")))
                .isTrue();
        assertThat(VietnameseText.matches("Bưởi Năm Roi", VietnameseText.words("BƯỞI roi")))
                .isTrue();
        assertThat(VietnameseText.matches("Bưởi da xanh", VietnameseText.words("buoi nam roi")))
                .isFalse();
        assertThat(VietnameseText.matches("Bưởi Năm Roi", VietnameseText.words("")))
                .isTrue();
    }

    @Test
    void sortsInVietnameseOrderNotByCodePoint() {
        List<String> names =
                new ArrayList<>(List.of("Em", "Đường phèn", "Dưa lưới", "Bánh pía", "Ấm chén", "Ăn liền", "An Giang"));
        names.sort(VietnameseText.order());
        assertThat(names).containsExactly("An Giang", "Ăn liền", "Ấm chén", "Bánh pía", "Dưa lưới", "Đường phèn", "Em");
    }
}
