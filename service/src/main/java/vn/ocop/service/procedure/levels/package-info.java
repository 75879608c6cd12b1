/**
 * Which level evaluates, decides and forwards what, read from {@code procedure/procedures.yaml}: the 2026 two-level
 * procedure and the 2019–2023 three-level ones, the default dates of rounds, the commune's days and the quorum.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.levels;
