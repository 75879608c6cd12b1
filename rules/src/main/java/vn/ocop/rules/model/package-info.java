/**
 * Facts the rule files see. Rule files may call only these classes' methods (and those the upload guard
 * allows); keep them small and side-effect free apart from the recording methods
 * ({@code Selection.award}, {@code Dossier.support}, {@code Council.report} and the council's setters).
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.rules.model;
