/**
 * Text as users type it: one normal form (NFC, no invisible format characters, single spaces) for names and codes,
 * keys that compare names case- and space-insensitively, and keys for search without diacritics and Vietnamese sort.
 */
@org.jspecify.annotations.NullMarked
package vn.ocop.service.platform.text;
