package vn.ocop.service.dossier;

import java.util.List;
import vn.ocop.api.model.DeclaredFacts;

/** What scoring needs from a dossier, as stored now (one read). */
public record DossierSnapshot(String id, long version, String edition, String sheet, String group,
                              DeclaredFacts facts, long evaluationCount, List<String> assessmentIds) {}
