package vn.ocop.service.dossier;

import java.util.List;
import vn.ocop.api.model.DeclaredFacts;
import vn.ocop.api.model.Location;

/** What scoring needs from a dossier, as stored now, in one read (location: for the evaluation record's snapshot). */
public record DossierSnapshot(String id, long version, String edition, String sheet, String group,
                              DeclaredFacts facts, long evaluationCount, List<String> assessmentIds, Location location) {}
