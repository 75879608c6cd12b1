package vn.ocop.service.evaluation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import vn.ocop.service.platform.storage.CanonicalJson;
import vn.ocop.service.platform.storage.DocumentHash;

/**
 * The canonical form of an evaluation record and its hash (docs/audit.md, "Canonical form"): the record as stored
 * (for formats 1 and 2 that is the record as the API shows it; formats 3 and 4 store the result leaner, {@link LeanResult}), without {@code hash} and {@code mac} (the MAC is over the hash, {@link RecordSeal}); {@code _id} named {@code id}; each assessment's selections as an object
 * criterion code → option; {@code requestedAt} as UTC with exactly three fraction digits; written by
 * {@link CanonicalJson}. hash = lowercase hex SHA-256 of the UTF-8 bytes of that text. The first record of a dossier
 * links to {@link #GENESIS}.
 */
public final class RecordHash {
    /** previousHash of a dossier's first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    /** Format of requestedAt in the canonical form. */
    public static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordHash() {}

    /** The canonical text of a stored record (its {@code hash} member is not part of it). */
    static String canonical(Document stored) {
        return CanonicalJson.write(tree(stored));
    }

    /**
     * The hash of a stored document. Other features read {@link StoredEvaluation#computedHash}; this stays public for
     * tests and tools that write records into the store themselves (forged records, imports).
     */
    public static String hash(Document stored) {
        return hash(tree(stored));
    }

    /** The hash of a record's {@link #tree}. */
    static String hash(Map<String, Object> tree) {
        return CanonicalJson.sha256Hex(CanonicalJson.write(tree));
    }

    /** The record as plain maps and lists in its API shape, without hash: what {@link #canonical} writes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Document stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (k.equals("hash") || k.equals("mac")) return;
            m.put(k.equals("_id") ? "id" : k, DocumentHash.plain(v));
        });
        Object assessments = m.get("assessments");
        if (assessments instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> am && am.get("selections") instanceof List<?> selections) {
                    Map<String, Object> byCode = new LinkedHashMap<>();
                    for (Object s : selections) {
                        if (s instanceof Map<?, ?> sm) byCode.put(String.valueOf(sm.get("code")), sm.get("option"));
                    }
                    ((Map<String, Object>) am).put("selections", byCode);
                }
            }
        }
        return m;
    }
}
