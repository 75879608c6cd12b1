/** Storage of the procedure's documents: one document per aggregate, moved by compare-and-set on its version. */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.store;
