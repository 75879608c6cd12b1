package vn.ocop.rules.api;

/** Who an edition manifest says it is: its id and the edition it extends (null for a national edition). */
public record EditionHeader(String id, String extendsEdition) {}
