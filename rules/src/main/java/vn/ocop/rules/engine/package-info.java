/**
 * The evaluation engine: a loaded pack version ({@link vn.ocop.rules.engine.CompiledRulePack}, which evaluates on its
 * own, e.g. to replay an old result), the built-in editions loaded ({@link vn.ocop.rules.engine.BuiltInEditions}), and
 * {@link vn.ocop.rules.engine.DroolsRulesEngine}, the active version per edition behind
 * {@link vn.ocop.rules.api.RulesEngine}. Requests are validated in Java before any rule fires
 * ({@link vn.ocop.rules.engine.RequestValidator}); {@link vn.ocop.rules.engine.PackEvaluation} runs the phases.
 * The engine reads packs ({@code vn.ocop.rules.pack}); packs never call the engine.
 */
package vn.ocop.rules.engine;
