/**
 * Ruleset versions (docs/rule-authoring.md): drafts uploaded by policy officers, validate, test, simulate,
 * publish (four eyes), roll back; the registry that serves the version in force to scoring. Public API:
 * {@link vn.ocop.service.ruleset.RulesetRegistry}.
 */
@NullMarked
package vn.ocop.service.ruleset;

import org.jspecify.annotations.NullMarked;
