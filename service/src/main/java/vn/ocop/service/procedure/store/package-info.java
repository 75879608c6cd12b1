/** Storage of the procedure's documents: one document per aggregate, moved by compare-and-set on its version. */
package vn.ocop.service.procedure.store;
