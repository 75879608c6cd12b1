package vn.ocop.rules.api;

/**
 * Role of a sheet's author. CHAIR and MEMBER score and are averaged; the SECRETARY does not score;
 * SELF is the producer's own sheet (Mẫu 02, self-assessment report): scored, compared with the council,
 * never averaged and never counted as a member.
 */
public enum CouncilRole {
    CHAIR,
    MEMBER,
    SECRETARY,
    SELF;

    /** True for the roles whose sheets make the council's average. */
    public boolean countsInCouncil() {
        return this == CHAIR || this == MEMBER;
    }
}
