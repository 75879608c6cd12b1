package vn.ocop.service.procedure.store;

/** A stored aggregate: its id (the document's _id) and the version a compare-and-set checks. */
public abstract class Versioned {
    public String id;
    public long version;
}
