package vn.ocop.rules.api;

public enum Severity {
    ERROR,
    WARNING
}
