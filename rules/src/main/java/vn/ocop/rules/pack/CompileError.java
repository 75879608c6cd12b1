package vn.ocop.rules.pack;

/**
 * A problem found while compiling a rule pack, as a policy officer's editor shows it.
 *
 * @param file   pack path, e.g. "sheets/food-fresh-produce.csv" (lines of a sheet refer to the DRL the table generates)
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record CompileError(String file, int line, int column, String message) {}
