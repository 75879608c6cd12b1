package vn.ocop.rules.engine;

import java.text.Normalizer;

/** Vietnamese text arrives in NFC or NFD depending on the keyboard and OS: compare only NFC, trimmed. */
public final class Text {
    private Text() {}

    public static String nfc(String s) {
        if (s == null) return null;
        String stripped = s.strip();
        // Names are mostly NFC already: the quick check costs no allocation, normalize() copies the string every call.
        return alreadyNfc(stripped) || Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
                ? stripped
                : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    /** Below U+0300 there are no combining marks, so nothing can compose: criterion codes take this path. */
    private static boolean alreadyNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') return false;
        }
        return true;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
