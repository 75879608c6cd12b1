/**
 * The dossier's way (hồ sơ sản phẩm) as an aggregate: its states, the only moves between them, who may make each
 * move on which dossier (role and scope), and the record of who moved it, when and why.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.procedure.cases;
