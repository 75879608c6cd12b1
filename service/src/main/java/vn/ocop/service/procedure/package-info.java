/**
 * The OCOP procedure (Decision 26/2026/QĐ-TTg, Điều 4–7): a dossier's way from the producer's registration through
 * the commune's check, the province's rounds and councils, to the decisions of the province and the Ministry.
 * Public API: {@link vn.ocop.service.procedure.DecisionRecorded}, the event other features (certificates) follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure")
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure;
