/**
 * Product ideas (tiếp nhận ý tưởng sản phẩm) sent by the public, stored for the commune and province to triage:
 * NEW → UNDER_STUDY → DOSSIER_CREATED or DECLINED. Public API: {@link vn.ocop.service.idea.ProductIdeas}.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.idea;
