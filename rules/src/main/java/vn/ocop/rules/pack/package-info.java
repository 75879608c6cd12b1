/**
 * Rule packs: an edition's files ({@link vn.ocop.rules.pack.RulePack}, with a documented SHA-256), their
 * compilation to executable-model kjars ({@link vn.ocop.rules.pack.RulePackCompiler}, errors as
 * {@link vn.ocop.rules.pack.CompileError}), a loaded version ({@link vn.ocop.rules.pack.CompiledRulePack}, which can
 * evaluate on its own, e.g. to replay an old result), and the editions shipped on the classpath
 * ({@link vn.ocop.rules.pack.BuiltInPacks}, precompiled at build time by {@link vn.ocop.rules.pack.BuildTimeCompiler}).
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.rules.pack;
