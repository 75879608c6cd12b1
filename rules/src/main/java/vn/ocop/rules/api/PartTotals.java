package vn.ocop.rules.api;

/** Subtotals of parts A (product and community strength), B (marketing) and C (quality). */
public record PartTotals(int a, int b, int c) implements java.io.Serializable {
    public int total() {
        return a + b + c;
    }
}
