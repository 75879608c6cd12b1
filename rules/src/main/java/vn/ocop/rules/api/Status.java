package vn.ocop.rules.api;

/** VALID: scored and rated. INVALID: at least one ERROR finding; no stars are given. */
public enum Status { VALID, INVALID }
