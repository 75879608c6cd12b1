package vn.ocop.service.dossier;

/**
 * What the audit feature checks of a stored dossier: its published fields and whether their seal (a MAC with the
 * integrity key, written in the same single-document update as the fields) is valid.
 */
public record DossierIntegrity(
        String id,
        long version,
        String status,
        Integer stars,
        long evaluationCount,
        String latestEvaluationId,
        Seal seal) {
    public enum Seal {
        SIGNED,
        UNSIGNED,
        INVALID
    }
}
