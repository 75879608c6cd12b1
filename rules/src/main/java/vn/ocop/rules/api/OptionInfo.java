package vn.ocop.rules.api;

/** One option of a criterion; {@code rule} is the name of the rule that awards it. */
public record OptionInfo(int number, String label, int points, String rule) {}
