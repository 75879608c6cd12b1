/**
 * Infrastructure every feature uses: storage (MongoDB or the embedded store), security, web (errors, limits).
 * An open module: features may use its sub-packages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.ocop.service.platform;
