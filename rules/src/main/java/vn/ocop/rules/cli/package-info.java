/**
 * The rules command line ({@code rules validate|test|simulate <folder>}): the server's checks of a pack without a
 * server, for policy officers and the CI of a province's rule repository (docs/rule-authoring.md).
 */
package vn.ocop.rules.cli;
