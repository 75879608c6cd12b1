/**
 * The rules module's API, the only part of it the service uses: {@link vn.ocop.rules.api.RulesEngine} (evaluate,
 * the catalogue) and its request, result and catalogue records. Plain Java: no Drools type appears here.
 */
@NullMarked
package vn.ocop.rules.api;

import org.jspecify.annotations.NullMarked;
