/**
 * The council's work on a dossier: each member's own sheet (draft until submitted, checked by the engine on
 * submission), the chair's reopening, the quorum, the result scored on the sitting date with a second pass on
 * COUNCIL_SPREAD, the chair's overview, and the authority's decision on the counted result. A named interface: the
 * console's scoring sheet and council pages call these services, as the API does.
 */
@NamedInterface("council")
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.council;

import org.springframework.modulith.NamedInterface;
