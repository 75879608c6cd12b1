package vn.ocop.service.procedure.cases;

import static vn.ocop.service.procedure.cases.State.*;

import java.util.EnumSet;
import java.util.Set;

/** The only moves of a dossier: from which states, to which state. */
public enum Move {
    FILE(EnumSet.of(REGISTERED, RETURNED), FILED),
    WITHDRAW(EnumSet.of(REGISTERED, FILED, RETURNED, PROPOSED, ACCEPTED, ASSIGNED), WITHDRAWN),
    PROPOSE(EnumSet.of(FILED), PROPOSED),
    RETURN_BY_COMMUNE(EnumSet.of(FILED), RETURNED),
    ACCEPT(EnumSet.of(PROPOSED), ACCEPTED),
    RETURN_BY_PROVINCE(EnumSet.of(PROPOSED), RETURNED),
    ASSIGN(EnumSet.of(ACCEPTED, FORWARDED), ASSIGNED),
    BEGIN_SCORING(EnumSet.of(ASSIGNED), SCORING),
    /** COUNCIL_SPREAD on the first pass: the council scores again; the state stays SCORING. */
    OPEN_SECOND_PASS(EnumSet.of(SCORING), SCORING),
    COUNT_RESULT(EnumSet.of(SCORING), SCORED),
    RECOGNISE(EnumSet.of(SCORED, BACK_FROM_CENTRAL), RECOGNISED),
    NOT_RECOGNISE(EnumSet.of(SCORED, BACK_FROM_CENTRAL), NOT_RECOGNISED),
    FORWARD(EnumSet.of(SCORED), FORWARDED),
    BACK_TO_PROVINCE(EnumSet.of(SCORED), BACK_FROM_CENTRAL);

    private final Set<State> from;
    private final State to;

    Move(Set<State> from, State to) {
        this.from = Set.copyOf(from);
        this.to = to;
    }

    public boolean allowedFrom(State s) {
        return from.contains(s);
    }

    public State to() {
        return to;
    }

    public Set<State> from() {
        return from;
    }
}
