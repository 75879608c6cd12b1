/**
 * Runs uploaded (not built-in) rule packs in a separate JVM with its own heap limit, so a rule that joins everything
 * with everything, loops or builds huge strings can only exhaust the sandbox, which the service then kills: the
 * service keeps serving. {@link vn.ocop.rules.sandbox.SandboxMain} is the child's main; the parent side lives in the
 * service. Messages are Java-serialized records of {@link vn.ocop.rules.api.SandboxMessages}, read through an
 * allow-list filter on both sides.
 */
package vn.ocop.rules.sandbox;
