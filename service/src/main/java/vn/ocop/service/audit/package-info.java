/**
 * Audit (docs/audit.md): replay of a record on its recorded ruleset version, verification of the hash chains and
 * anchors, the explanation and printable scoring sheet, the chained audit log of every write. Public API:
 * {@link vn.ocop.service.audit.Replays}, {@link vn.ocop.service.audit.BatchReplay}; recorded versions come from the
 * ruleset feature's {@link vn.ocop.service.ruleset.RulesetVersions}.
 */
@NullMarked
package vn.ocop.service.audit;

import org.jspecify.annotations.NullMarked;
