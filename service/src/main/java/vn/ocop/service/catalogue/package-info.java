/** The criteria catalogue (editions, sheets, criteria) and which edition scores a dossier. */
package vn.ocop.service.catalogue;
