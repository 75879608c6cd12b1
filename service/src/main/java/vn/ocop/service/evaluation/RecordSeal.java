package vn.ocop.service.evaluation;

import static vn.ocop.service.platform.security.EvidencePurpose.EVIDENCE;

import org.bson.Document;
import vn.ocop.service.platform.security.IntegrityKey;

/**
 * MACs with the integrity key over a record's hash and over a chain head, so that a database writer, who can compute
 * hashes, cannot produce a record or a head the service would accept as its own. The messages carry a purpose prefix
 * so a MAC of one kind is never valid as another.
 */
public final class RecordSeal {
    /** What a record's MAC says about it. */
    public enum State {
        SIGNED,
        UNSIGNED,
        INVALID
    }

    private RecordSeal() {}

    static String recordMessage(String hash) {
        return "ocop:evaluation-record:" + hash;
    }

    static String headMessage(String dossierId, long sequence, String hash) {
        return "ocop:evaluation-head:" + dossierId + ":" + sequence + ":" + hash;
    }

    static String mac(IntegrityKey key, String hash) {
        return key.mac(EVIDENCE, recordMessage(hash));
    }

    /** SIGNED: the MAC is valid for the stored hash; UNSIGNED: no MAC (older data); INVALID otherwise. */
    static State state(IntegrityKey key, Document stored) {
        Object mac = stored.get("mac");
        if (mac == null) return State.UNSIGNED;
        String hash = stored.getString("hash");
        return hash != null && mac instanceof String m && key.verify(m, EVIDENCE, recordMessage(hash))
                ? State.SIGNED
                : State.INVALID;
    }
}
