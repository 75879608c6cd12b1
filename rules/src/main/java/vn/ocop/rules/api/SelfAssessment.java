package vn.ocop.rules.api;

/** The option the declared facts support for an objective criterion, and the rule that derived it. */
public record SelfAssessment(String code, int option, int points, String rule) implements java.io.Serializable {}
