package vn.ocop.rules.api;

import java.util.Map;

/**
 * One council member's scoring sheet (phiếu chấm điểm).
 *
 * @param member     member's name or id, unique in the council
 * @param role       MEMBER or CHAIR score; SECRETARY does not score and is left out of the average
 * @param selections criterion code → option number, options numbered from 1 in sheet order
 */
public record Assessment(String member, CouncilRole role, Map<String, Integer> selections) implements java.io.Serializable {
    public Assessment {
        role = role == null ? CouncilRole.MEMBER : role;
        selections = selections == null ? Map.of() : Map.copyOf(selections);
    }

    public Assessment(String member, Map<String, Integer> selections) {
        this(member, CouncilRole.MEMBER, selections);
    }

    public boolean scores() {
        return role != CouncilRole.SECRETARY;
    }
}
