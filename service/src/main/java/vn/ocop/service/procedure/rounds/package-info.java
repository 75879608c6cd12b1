/** Rounds (đợt đánh giá) of a level, year and number with their cut-off and deadline, and each round's council. */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.rounds;
