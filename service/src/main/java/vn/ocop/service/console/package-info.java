/**
 * The web console (bảng điều khiển): server-rendered Vietnamese pages with htmx for the people who use the product —
 * council members, policy officers, auditors. Pages call the API's own implementations (the generated interfaces of
 * {@code vn.ocop.api.server}, in process), so every rule, check and role is the API's; nothing is decided in a page.
 * Form login with sessions and CSRF; the API keeps its stateless chain. See docs/console.md.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.console;
