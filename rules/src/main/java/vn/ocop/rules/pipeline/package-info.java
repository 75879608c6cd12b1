/**
 * The checks an uploaded pack passes before it may be stored: upload limits and the rule-source guard, structure,
 * the Drools compile and the load, all inside a bounded worker ({@link vn.ocop.rules.pipeline.RulesetCompiler}).
 */
package vn.ocop.rules.pipeline;
