/**
 * The evaluation engine. The service (and a benchmark) needs only
 * {@link vn.ocop.rules.engine.DroolsRulesEngine#fromBuiltInPacks()} and the
 * {@link vn.ocop.rules.api.RulesEngine} methods; {@link vn.ocop.rules.engine.DroolsRulesEngine#install} swaps in a
 * pack compiled at run time. Requests are validated in Java before any rule fires
 * ({@link vn.ocop.rules.engine.RequestValidator}); {@link vn.ocop.rules.engine.PackEvaluation} runs the phases.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.rules.engine;
