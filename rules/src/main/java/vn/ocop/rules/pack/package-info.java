/**
 * Rule packs as files: an edition's files ({@link vn.ocop.rules.pack.RulePack}, with a documented SHA-256), their
 * compilation to executable-model kjars ({@link vn.ocop.rules.pack.RulePackCompiler}, errors as
 * {@link vn.ocop.rules.pack.CompileError}), and the editions shipped on the classpath
 * ({@link vn.ocop.rules.pack.BuiltInPacks}, precompiled at build time by {@link vn.ocop.rules.pack.BuildTimeCompiler}).
 * Loading and evaluating a pack is the engine's ({@code vn.ocop.rules.engine.CompiledRulePack}): this package
 * depends on no other package of the rules module but the API and the fact model.
 */
package vn.ocop.rules.pack;
