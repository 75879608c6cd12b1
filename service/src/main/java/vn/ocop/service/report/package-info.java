/**
 * A province's 6-monthly and yearly reports: dossiers by stage, evaluations by stars (by group, commune, district),
 * new producers, certificates issued / expiring / expired / revoked, and progress against a programme plan held as
 * data (targets in {@code programme-plans/*.yaml}, training and budget actuals entered by the provincial office).
 * JSON, CSV and XLSX (Apache POI), with a chart of stars by group (JFreeChart, SVG by JFreeSVG).
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.report;
