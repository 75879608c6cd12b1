package vn.ocop.service.procedure.council;

/**
 * A user's place on the council scoring a dossier now: round, pass, the council's name and role for them (CHAIR,
 * MEMBER, SECRETARY) and whether the dossier can be scored at present (ASSIGNED or SCORING).
 */
public record Seat(String roundId, int pass, String member, String memberName, String role, boolean scorable) {
    /** The secretary sits in the council but does not score. */
    public boolean scores() {
        return !"SECRETARY".equals(role);
    }

    /** The chair and the secretary record the council's result. */
    public boolean records() {
        return "CHAIR".equals(role) || "SECRETARY".equals(role);
    }
}
