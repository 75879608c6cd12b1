package vn.ocop.rules.api;

import java.util.Map;

/**
 * One scoring sheet (phiếu chấm điểm): a council member's, or the producer's own (role SELF).
 *
 * @param member     member's name or id, unique in the request
 * @param role       MEMBER or CHAIR score and are averaged; SECRETARY does not score; SELF is scored but never averaged
 * @param selections criterion code → option number, options numbered from 1 in sheet order
 */
public record Assessment(String member, CouncilRole role, Map<String, Integer> selections)
        implements java.io.Serializable {
    public Assessment {
        role = role == null ? CouncilRole.MEMBER : role;
        selections = selections == null ? Map.of() : Map.copyOf(selections);
    }

    public Assessment(String member, Map<String, Integer> selections) {
        this(member, CouncilRole.MEMBER, selections);
    }

    /** A council member's sheet that makes the average (not the secretary, not the producer's own). */
    public boolean scores() {
        return role.countsInCouncil();
    }

    /** The producer's own sheet (Mẫu 02). */
    public boolean isSelf() {
        return role == CouncilRole.SELF;
    }
}
