/**
 * Storage: the embedded MongoDB-compatible store (mongo-java-server on a durable H2 file with group commit) when
 * no MongoDB is configured, BSON helpers and the canonical JSON that record hashes are computed over.
 */
@NullMarked
package vn.ocop.service.platform.storage;

import org.jspecify.annotations.NullMarked;
