/**
 * Who calls: local users (bcrypt) or JWT bearer tokens, the roles and what each may do, the current user, and
 * the integrity key that seals stored evidence.
 */
@NullMarked
package vn.ocop.service.platform.security;

import org.jspecify.annotations.NullMarked;
