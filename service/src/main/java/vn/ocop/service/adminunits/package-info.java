/**
 * Names of Vietnam's administrative units by code, as data: the 2025 two-level list (in force from 1 July 2025) and
 * the pre-2025 three-level list, from {@code shared/reference/admin-units}. A local version for the certificates and
 * public site until the robustness work's admin-unit data is on main.
 */
package vn.ocop.service.adminunits;
