package vn.ocop.service.dossier;

import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import vn.ocop.service.platform.security.IntegrityKey;
import vn.ocop.service.platform.storage.CanonicalJson;

/**
 * The MAC of a dossier's published fields (version, status, stars, latest evaluation, evaluation count), stored as
 * {@code seal} in the same update as the fields: a direct edit of {@code stars} or {@code status} in the database
 * breaks it, a crash cannot (single-document atomic write).
 */
final class DossierSeal {
    private DossierSeal() {}

    static String message(
            String id, long version, String status, Integer stars, long evaluationCount, String latestEvaluationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", version);
        m.put("status", status);
        m.put("stars", stars);
        m.put("evaluationCount", evaluationCount);
        m.put("latestEvaluationId", latestEvaluationId);
        return "ocop:dossier:" + CanonicalJson.write(m);
    }

    static String of(
            IntegrityKey key,
            String id,
            long version,
            String status,
            Integer stars,
            long evaluationCount,
            String latestEvaluationId) {
        return key.mac(EVIDENCE, message(id, version, status, stars, evaluationCount, latestEvaluationId));
    }

    static DossierIntegrity.Seal check(IntegrityKey key, Document d) {
        String seal = d.getString("seal");
        if (seal == null) return DossierIntegrity.Seal.UNSIGNED;
        return key.verify(
                        seal,
                        EVIDENCE,
                        message(
                                d.getString("_id"),
                                number(d, "version"),
                                d.getString("status"),
                                stars(d),
                                number(d, "evaluationCount"),
                                d.getString("latestEvaluationId")))
                ? DossierIntegrity.Seal.SIGNED
                : DossierIntegrity.Seal.INVALID;
    }

    static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static Integer stars(Document d) {
        Number n = d.get("stars", Number.class);
        return n == null ? null : n.intValue();
    }
}
