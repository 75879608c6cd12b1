package vn.ocop.service.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, with successful checks remembered (as SHA-256 of hash and password) so that HTTP Basic does not pay
 * a bcrypt round on every request of a busy integration client. Failed checks are never cached.
 */
final class CachingPasswordEncoder implements PasswordEncoder {
    private static final int MAX_ENTRIES = 10_000;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) return false;
        String key = sha256(encoded + '\u0000' + raw);
        if (verified.containsKey(key)) return true;
        boolean ok = bcrypt.matches(raw, encoded);
        if (ok) {
            if (verified.size() >= MAX_ENTRIES) verified.clear();
            verified.put(key, Boolean.TRUE);
        }
        return ok;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
