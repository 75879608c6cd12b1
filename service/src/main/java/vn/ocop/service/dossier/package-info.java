/**
 * Dossiers (hồ sơ) and the council members' scoring sheets (phiếu chấm điểm): storage with optimistic versions and
 * ETags, sheets checked complete against the dossier's sheet, seals against edits in the database. Public API:
 * {@link vn.ocop.service.dossier.Dossiers}, {@link vn.ocop.service.dossier.Assessments},
 * {@link vn.ocop.service.dossier.DossierSnapshot}.
 */
@NullMarked
package vn.ocop.service.dossier;

import org.jspecify.annotations.NullMarked;
