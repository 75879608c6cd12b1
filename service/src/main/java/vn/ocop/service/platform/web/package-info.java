/**
 * The web edge every feature shares: problem+json errors with stable codes, strict JSON bodies, body size and
 * time limits, query parameters checked against the contract, rate limits, idempotency keys, request ids.
 */
@NullMarked
package vn.ocop.service.platform.web;

import org.jspecify.annotations.NullMarked;
