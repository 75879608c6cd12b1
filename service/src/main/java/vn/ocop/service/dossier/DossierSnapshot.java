package vn.ocop.service.dossier;

import java.time.LocalDate;
import java.util.List;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.EvaluationKind;
import vn.ocop.api.model.ExclusionInput;
import vn.ocop.api.model.Location;

/**
 * What scoring needs from a dossier, as stored now, in one read (location, registeredOn, evaluationKind: for the
 * evaluation record's snapshot and the transition deadline; a dossier stored before evaluationKind existed is FIRST;
 * exclusions: those found, passed to the engine; status and stars as read: where {@link Dossiers#recordEvaluation}
 * starts from, so a scoring that nothing changed in between reads the dossier once).
 */
public record DossierSnapshot(
        String id,
        long version,
        String edition,
        String sheet,
        String group,
        DeclaredFacts facts,
        long evaluationCount,
        List<String> assessmentIds,
        Location location,
        LocalDate registeredOn,
        EvaluationKind evaluationKind,
        List<ExclusionInput> exclusions,
        String status,
        Integer stars) {}
