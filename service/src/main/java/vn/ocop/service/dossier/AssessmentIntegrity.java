package vn.ocop.service.dossier;

/** One assessment of a dossier as the audit feature checks it: present, its hash and its MAC. */
public record AssessmentIntegrity(String id, String member, State state) {
    /** SIGNED: intact and signed; UNSIGNED: stored before assessments were signed; the rest are breaks. */
    public enum State {
        SIGNED,
        UNSIGNED,
        ALTERED,
        MAC_INVALID,
        MISSING
    }
}
