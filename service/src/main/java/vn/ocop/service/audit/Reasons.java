package vn.ocop.service.audit;

import vn.ocop.api.model.IntegrityFailure;
import vn.ocop.api.model.IntegrityFailure.CheckEnum;

/** The stable reason codes of verify and replay (docs/audit.md §5), each with the kind of check it belongs to. */
enum Reasons {
    RECORD_HASH_MISMATCH(CheckEnum.HASH),
    RECORD_MAC_INVALID(CheckEnum.MAC),
    RECORD_MAC_MISSING(CheckEnum.MAC),
    RECORD_UNSIGNED(CheckEnum.MAC),
    CHAIN_LINK_BROKEN(CheckEnum.CHAIN_LINK),
    RECORD_MISSING(CheckEnum.SEQUENCE_GAP),
    CHAIN_TRUNCATED(CheckEnum.SEQUENCE_GAP),
    RECORD_BEYOND_HEAD(CheckEnum.HEAD),
    HEAD_HASH_MISMATCH(CheckEnum.HEAD),
    HEAD_MAC_INVALID(CheckEnum.HEAD),
    HEAD_UNSIGNED(CheckEnum.HEAD),
    HEAD_BEHIND_ANCHOR(CheckEnum.ANCHOR),
    ANCHOR_MISMATCH(CheckEnum.ANCHOR),
    ANCHOR_MAC_INVALID(CheckEnum.ANCHOR),
    DOSSIER_STARS_ALTERED(CheckEnum.DOSSIER),
    DOSSIER_STATUS_ALTERED(CheckEnum.DOSSIER),
    DOSSIER_SEAL_INVALID(CheckEnum.DOSSIER),
    DOSSIER_UNSIGNED(CheckEnum.DOSSIER),
    ASSESSMENT_ALTERED(CheckEnum.ASSESSMENT),
    ASSESSMENT_MAC_INVALID(CheckEnum.ASSESSMENT),
    ASSESSMENT_MISSING(CheckEnum.ASSESSMENT),
    ASSESSMENT_UNSIGNED(CheckEnum.ASSESSMENT),
    AUDIT_ENTRY_MISSING(CheckEnum.AUDIT_LOG),
    AUDIT_ENTRY_ALTERED(CheckEnum.AUDIT_LOG),
    AUDIT_MAC_INVALID(CheckEnum.AUDIT_LOG),
    AUDIT_CHAIN_LINK_BROKEN(CheckEnum.AUDIT_LOG),
    AUDIT_ENTRY_BEYOND_HEAD(CheckEnum.AUDIT_LOG),
    RULESET_UNAVAILABLE(CheckEnum.RULESET_UNAVAILABLE),
    MALFORMED(CheckEnum.MALFORMED);

    final CheckEnum check;

    Reasons(CheckEnum check) {
        this.check = check;
    }

    static IntegrityFailure failure(Reasons reason, Long sequence, String id, String detail) {
        return new IntegrityFailure()
                .check(reason.check)
                .reason(reason.name())
                .sequence(sequence)
                .evaluationId(id)
                .detail(detail);
    }

    /** The reason of a replay check (replay keeps its historical checks; each maps to one reason). */
    static String of(CheckEnum check, String detail) {
        return switch (check) {
            case HASH -> RECORD_HASH_MISMATCH.name();
            case CHAIN_LINK -> CHAIN_LINK_BROKEN.name();
            case SEQUENCE_GAP -> RECORD_MISSING.name();
            case RULESET_UNAVAILABLE -> RULESET_UNAVAILABLE.name();
            case HEAD -> RECORD_BEYOND_HEAD.name();
            default -> MALFORMED.name();
        };
    }
}
