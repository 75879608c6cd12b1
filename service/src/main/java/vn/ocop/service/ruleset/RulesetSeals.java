package vn.ocop.service.ruleset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.ocop.service.platform.security.IntegrityKey;

/**
 * Binds a stored version to its sources and its compiled kjars with the integrity key (which is not in the database):
 * {@code integrity.sourcesMac} = MAC(version id, sources SHA-256) when the draft is stored, and per group
 * {@code integrity.kjars[] = {group, sha256, mac}} with mac = MAC(version id, sources SHA-256, group, kjar SHA-256)
 * when it is compiled. A database writer can change files, SHAs and kjars, but not make a MAC that verifies.
 */
@Component
class RulesetSeals {
    static final String SOURCES = "ruleset-sources";
    static final String KJAR = "ruleset-kjar";

    /** Why a stored version is not used; a stable code and a Vietnamese sentence. */
    record Broken(String code, String message) {}

    private final IntegrityKey key;

    RulesetSeals(IntegrityKey key) {
        this.key = key;
    }

    /** The seal of a new draft (sources only; kjars are sealed when validated). */
    Ruleset.Seal sealSources(String id, String sourcesSha) {
        return new Ruleset.Seal(key.keyId(), key.mac(SOURCES, id, sourcesSha), null);
    }

    /** Per group: the kjar's SHA-256 and its MAC. */
    List<Ruleset.KjarSeal> sealKjars(String id, String sourcesSha, Map<String, byte[]> kjars) {
        List<Ruleset.KjarSeal> out = new ArrayList<>();
        new TreeMap<>(kjars).forEach((group, bytes) -> {
            String sha = sha256(bytes);
            out.add(new Ruleset.KjarSeal(group, sha, key.mac(KJAR, id, sourcesSha, group, sha)));
        });
        return out;
    }

    /** Null when the stored sources carry a valid MAC for this version id and SHA. */
    Broken checkSources(Ruleset r) {
        String mac = r.integrity() == null ? null : r.integrity().sourcesMac();
        if (mac == null) {
            return new Broken(
                    "RULESET_UNSEALED",
                    "Phiên bản " + r.id() + " không có mã xác thực (MAC) của tệp nguồn:"
                            + " không thể biết tệp có bị sửa trực tiếp trong cơ sở dữ liệu hay không, nên không được dùng.");
        }
        if (!key.verify(mac, SOURCES, r.id(), r.sha256())) {
            return new Broken(
                    "RULESET_SOURCES_TAMPERED",
                    "Mã xác thực tệp nguồn của phiên bản " + r.id()
                            + " không khớp (tệp, SHA-256 hoặc khoá toàn vẹn đã thay đổi): phiên bản bị từ chối.");
        }
        return null;
    }

    /**
     * Null when every stored kjar has the SHA-256 sealed for it and the seal verifies; kjars or seals missing for a
     * group are reported too (the caller recompiles from the verified sources instead).
     */
    Broken checkKjars(Ruleset r, Map<String, byte[]> kjars) {
        List<Ruleset.KjarSeal> seals =
                r.integrity() == null ? null : r.integrity().kjars();
        if (seals == null || seals.isEmpty()) {
            return new Broken(
                    "RULESET_KJAR_UNSEALED", "Bản biên dịch của phiên bản " + r.id() + " không có mã xác thực.");
        }
        Map<String, Ruleset.KjarSeal> byGroup = new TreeMap<>();
        seals.forEach(s -> byGroup.put(s.group(), s));
        if (!byGroup.keySet().equals(new TreeMap<>(kjars).keySet())) {
            return new Broken(
                    "RULESET_KJAR_TAMPERED",
                    "Các nhóm sản phẩm đã biên dịch của phiên bản " + r.id()
                            + " không khớp với các nhóm đã niêm phong.");
        }
        for (Map.Entry<String, byte[]> e : kjars.entrySet()) {
            Ruleset.KjarSeal seal = byGroup.get(e.getKey());
            String sha = sha256(e.getValue());
            if (!sha.equals(seal.sha256()) || !key.verify(seal.mac(), KJAR, r.id(), r.sha256(), e.getKey(), sha)) {
                return new Broken(
                        "RULESET_KJAR_TAMPERED",
                        "Bản biên dịch (kjar) nhóm " + e.getKey() + " của phiên bản "
                                + r.id()
                                + " không khớp với bản đã niêm phong từ tệp nguồn: có thể đã bị thay trong cơ sở"
                                + " dữ liệu. Phiên bản bị từ chối, không dùng để chấm.");
            }
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
