/**
 * Checks for rule files that policy officers upload (issue 4, "Uploaded rules cannot take over the server"), run
 * before anything is compiled. Plain Java + Drools 10.1.0; no Spring.
 *
 * <h2>Order</h2>
 * <ol>
 *   <li>{@link vn.ocop.rules.authoring.UploadLimits}: file count and sizes, relative '/'-paths without '..',
 *       allowed extensions, UTF-8 text without NUL bytes. Nothing is parsed when this fails.</li>
 *   <li>{@link vn.ocop.rules.authoring.DecisionTableReader}: CSV/XLSX → DRL; XLSX archives are scanned first
 *       (entry count, inflated size, no DOCTYPE/ENTITY, UTF-8 XML parts only).</li>
 *   <li>{@link vn.ocop.rules.authoring.RuleSourceGuard}: every DRL (uploaded or generated from a table) against
 *       the {@link vn.ocop.rules.authoring.AllowList}.</li>
 *   <li>{@link vn.ocop.rules.authoring.BoundedCompiler}: the parsing above and the compilation run in bounded
 *       workers (time limit, concurrency cap). {@link vn.ocop.rules.authoring.RulePackChecker} chains 1–3.</li>
 * </ol>
 * Every refusal and compile error is a {@link vn.ocop.rules.api.RuleFileProblem} (file, line, column, code,
 * message).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>{@code declare} is refused entirely (types, enums, windows, entry points): declared types are generated
 *       classes with arbitrary field types and annotations, and officers only need the engine's fact model.</li>
 *   <li>Queries are allowed when all their patterns are on fact model types (no consequences, same checks).</li>
 *   <li>{@code java.math.BigDecimal/BigInteger/MathContext/RoundingMode} may be imported (they are on the
 *       allow-list of the issue), besides {@code vn.ocop.rules.model.*}.</li>
 *   <li>Consequences are parsed the way the executable-model compiler parses them (Drools' PreprocessCompiler for
 *       modify/with, then JavaParser at Java 15), so the check sees what gets compiled. The guard assumes drafts are
 *       compiled with the executable model ({@code ExecutableModelProject}), as the design notes say; with the
 *       classic MVEL/ECJ path, constraints are interpreted by MVEL and differential parsing is possible.</li>
 *   <li>The guard and the compiler must run with the same DRL parser settings (same JVM system properties such
 *       as {@code drools.drl.antlr4.parser.enabled}).</li>
 * </ul>
 *
 * <h2>Not enforced here</h2>
 * <ul>
 *   <li>Resource use while rules <em>run</em>: actions cannot insert, delete or create facts (so working memory
 *       cannot grow), but a join can still match everything with everything, and a modify of the Council can
 *       re-activate itself or double a string. The engine caps firings, findings and text length per evaluation
 *       ({@code RuleLimitExceeded}); test and simulate of uploaded packs run in a child JVM with {@code -Xmx}
 *       ({@code vn.ocop.rules.sandbox}). The java.math size arguments are the one amplifier checked here.</li>
 *   <li>Memory of a compile: one JVM cannot hard-limit it; the upload size limits are the bound.</li>
 *   <li>Regular-expression cost of {@code matches} constraints (catastrophic backtracking) at run time.</li>
 *   <li>The fact model is trusted: its readers ({@code get…}, {@code is…}, {@code has…}) and the actions listed in
 *       {@code AllowList.ACTIONS} are callable, so keep that package free of methods that reach services, files,
 *       class loaders or reflection, and add a new action to the list only when rules need it.</li>
 *   <li>YAML files are only size/encoding-checked here; the pack loader must use SnakeYAML's safe constructor and
 *       alias limits, and runs the structural checks (maxima, options 1…n, thresholds).</li>
 *   <li>The HTTP layer must cap request sizes itself so a 50 MB upload is refused while being received.</li>
 * </ul>
 */
package vn.ocop.rules.authoring;
