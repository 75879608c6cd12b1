/**
 * Golden scenarios: a YAML file of a dossier, its council's sheets and the expected result, run against a pack
 * ({@link vn.ocop.rules.scenario.ScenarioRun}) to show that a change of rule files scores what its author meant.
 */
@NullMarked
package vn.ocop.rules.scenario;

import org.jspecify.annotations.NullMarked;
