package vn.ocop.service.platform.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One form for text that people type. Vietnamese arrives in NFC or NFD depending on the keyboard, and copied text
 * carries invisible characters (zero-width space U+200B, soft hyphen U+00AD, BOM U+FEFF, bidi marks: Unicode
 * category Cf) and odd spaces (no-break space U+00A0 and the other Zs). Without one form, "Trần Thị Bình" and
 * "Trần&#8203;Thị Bình" are two council members.
 */
public final class TextNormalizer {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {}

    /** NFC, format characters removed, every run of whitespace one ASCII space, trimmed; null stays null. */
    public static String clean(String s) {
        if (s == null) return null;
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (isFormat(cp)) continue;
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (pendingSpace) out.append(' ');
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The key two names are the same person by: {@link #clean}, lower case, no spaces at all. */
    public static String nameKey(String s) {
        if (s == null) return null;
        return clean(s).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** For search: {@link #clean}, lower case, without diacritics (đ → d), so "nuoc mam" finds "Nước mắm". */
    public static String searchKey(String s) {
        if (s == null) return null;
        String decomposed = Normalizer.normalize(clean(s).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' ? 'd' : c);
        }
        return out.toString();
    }

    /**
     * The words of a search query, each a {@link #searchKey} with no punctuation ("Đường phèn – Quảng Ngãi" → duong,
     * phen, quang, ngai); none for null or blank. A text matches when its searchKey contains every word.
     */
    public static List<String> searchWords(String query) {
        if (query == null) return List.of();
        return Arrays.stream(NOT_WORD.split(searchKey(query)))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Whether the text holds an invisible format character (category Cf) or a control character. */
    public static boolean hasInvisible(String s) {
        return s != null && s.codePoints().anyMatch(cp -> isFormat(cp) || (Character.isISOControl(cp)));
    }

    private static boolean isFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }
}
