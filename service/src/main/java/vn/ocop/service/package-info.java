/**
 * The OCOP evaluation service (Spring Boot): one sub-package per feature (docs/architecture.md), each used by the
 * others only through its top-level package (checked by {@code ModularityTests}).
 */
@NullMarked
package vn.ocop.service;

import org.jspecify.annotations.NullMarked;
