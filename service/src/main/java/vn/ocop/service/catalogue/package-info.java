/** The criteria catalogue (editions, sheets, criteria) and which edition scores a dossier. */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.catalogue;
