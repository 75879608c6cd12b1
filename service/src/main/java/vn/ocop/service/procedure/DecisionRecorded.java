package vn.ocop.service.procedure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published (Spring application event, after the decision is stored) when a competent authority's decision on a
 * dossier has been recorded: the provincial chair's (3★/4★ recognised, not recognised, or sent to the central
 * round) or the Minister's (5★, or back to the province). {@code recognised} is true when the decision recognises
 * the product at {@code stars}: the certificate feature issues a certificate for those.
 *
 * @param level          DISTRICT, PROVINCE or CENTRAL: the level whose authority decided
 * @param outcome        RECOGNISED, NOT_RECOGNISED, FORWARDED or BACK_TO_PROVINCE
 * @param evaluationId   the council's evaluation record the decision rests on, and its hash
 * @param kind           FIRST, UPGRADE or REEVALUATION (Mẫu 01); {@code upgradesCertificate} the certificate it replaces
 */
public record DecisionRecorded(
        String dossierId,
        String productCode,
        String productName,
        String producerId,
        String provinceCode,
        String communeCode,
        String level,
        String outcome,
        Integer stars,
        boolean recognised,
        String decisionNumber,
        LocalDate decisionDate,
        String signer,
        String authority,
        String roundId,
        String evaluationId,
        String evaluationHash,
        String recordedBy,
        Instant recordedAt,
        String kind,
        String upgradesCertificate) {}
