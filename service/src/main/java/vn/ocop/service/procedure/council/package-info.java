/**
 * The council's work on a dossier: each member's own sheet (draft until submitted, checked by the engine on
 * submission), the chair's reopening, the quorum, the result scored on the sitting date with a second pass on
 * COUNCIL_SPREAD, and the authority's decision on the counted result.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.council;
