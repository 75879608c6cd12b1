package vn.ocop.service.dossier;

/**
 * A hook for features that own a dossier's way (the procedure): asked before the dossier's content is replaced
 * and before a sheet is added or the dossier scored through the direct endpoints. Throw an ApiException to refuse.
 */
public interface DossierGuard {
    /** Before the dossier, its assessments or its evaluation records are read through the dossier and evaluation endpoints. */
    default void beforeRead(String dossierId) {}

    /** Before {@code PUT /dossiers/{id}}. */
    default void beforeReplace(String dossierId) {}

    /** Before {@code POST /dossiers/{id}/assessments} and {@code POST /dossiers/{id}/evaluations}. */
    default void beforeDirectScoring(String dossierId) {}
}
