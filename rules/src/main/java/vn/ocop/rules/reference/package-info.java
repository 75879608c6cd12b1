/**
 * Turns a decision's criteria sheets, transcribed as data (the reference YAML of shared/reference, copied into
 * {@code rules/src/main/reference/}), into an edition's rule files, so that a new decision is a data change:
 * {@link vn.ocop.rules.reference.EditionGenerator} (run by the documented Maven command) writes
 * {@code editions/ocop-2026/}. A test runs it again and compares with the shipped files.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.rules.reference;
