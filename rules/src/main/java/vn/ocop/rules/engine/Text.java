package vn.ocop.rules.engine;

import java.text.Normalizer;

/** Vietnamese text arrives in NFC or NFD depending on the keyboard and OS: compare only NFC, trimmed. */
public final class Text {
    private Text() {}

    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
