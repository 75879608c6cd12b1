/**
 * Background jobs (ruleset simulations, batch replays): a job document in {@code jobs}, work on a bounded pool,
 * progress and cancellation through the document. Public API: {@link vn.ocop.service.jobs.Jobs}.
 */
@NullMarked
package vn.ocop.service.jobs;

import org.jspecify.annotations.NullMarked;
