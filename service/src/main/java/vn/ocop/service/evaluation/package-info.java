/**
 * Scoring: the stateless evaluate and the immutable, hash-chained evaluation records of a dossier (sequence,
 * hash, MAC, record format). Public API: {@link vn.ocop.service.evaluation.EvaluationLedger},
 * {@link vn.ocop.service.evaluation.StoredEvaluation} (a stored record, typed), {@link vn.ocop.service.evaluation.RecordHash},
 * {@link vn.ocop.service.evaluation.CouncilScoring}.
 */
@NullMarked
package vn.ocop.service.evaluation;

import org.jspecify.annotations.NullMarked;
