/**
 * Vietnam's administrative units as data: the 34 provinces and 3,321 communes in force from 1 July 2025 and the
 * pre-2025 provinces, districts and communes (resources admin-units/, sources and licence in its README), loaded once
 * at start; a dossier's location is checked against the list in force on its registration date.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.adminunits;
