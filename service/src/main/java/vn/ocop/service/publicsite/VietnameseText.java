package vn.ocop.service.publicsite;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text for search and order: a folded form without diacritics (so "buoi nam roi" finds "Bưởi Năm Roi") and
 * ICU's Vietnamese collation (a, ă, â, … đ after d). A local version until the robustness work's name normaliser is on main.
 */
final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VietnameseText() {}

    /** Lower case, no tone or vowel marks, đ → d, words separated by one space. */
    static String fold(String s) {
        if (s == null) return "";
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        String bare = MARKS.matcher(nfd).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The words of a query, folded. */
    static List<String> words(String query) {
        String f = fold(query);
        return f.isEmpty() ? List.of() : Arrays.asList(f.split(" "));
    }

    /** True when every word of the query occurs in the folded text. */
    static boolean matches(String text, List<String> words) {
        String folded = " " + fold(text) + " ";
        return words.stream().allMatch(folded::contains);
    }

    /** Vietnamese order (ICU collator for "vi"); a new instance per call: ICU collators are not thread-safe. */
    static Comparator<String> order() {
        Collator collator = Collator.getInstance(new ULocale("vi"));
        return collator::compare;
    }
}
