package vn.ocop.rules.api;

/** The option a member chose for one criterion, the points it earned and the rule that awarded them. */
public record CriterionScore(String code, int option, int points, String rule) implements java.io.Serializable {}
