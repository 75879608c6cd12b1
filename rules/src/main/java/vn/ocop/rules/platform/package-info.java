/**
 * The implementation of {@link vn.ocop.rules.api.RulePlatform}, found through {@link java.util.ServiceLoader}: the
 * one package that sees all others, so that callers see only {@code vn.ocop.rules.api}.
 */
package vn.ocop.rules.platform;
