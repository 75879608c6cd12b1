package vn.ocop.rules.authoring;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.printer.PrintUtil;
import org.drools.mvelcompiler.PreprocessCompiler;
import org.drools.util.StringUtils;
import vn.ocop.rules.api.RuleFileProblem;

/**
 * Inspects DRL text <em>before</em> it is compiled, so an uploaded rule cannot run arbitrary Java in the scoring
 * server (Drools has no sandbox since the Security Manager went away). Default-deny:
 * <ul>
 *   <li>package: a plain name outside {@code java.*}, {@code org.drools.*}, {@code vn.ocop.rules.*} …</li>
 *   <li>imports: only fact model classes ({@code vn.ocop.rules.model.X} or {@code vn.ocop.rules.model.*}) and
 *       java.math's BigDecimal, BigInteger, MathContext, RoundingMode; no {@code import function/accumulate}</li>
 *   <li>no {@code global}, {@code function}, {@code declare} (types, enums, windows), entry points, units</li>
 *   <li>attributes: literal salience, booleans, group names, dates; {@code dialect "java"} only; no timers,
 *       calendars, durations or expression salience/enabled</li>
 *   <li>conditions: {@code and/or/not/exists/forall} over patterns on fact model types; no {@code eval};
 *       {@code from} only into fact model patterns; {@code collect} of fact patterns into a List/Set;
 *       {@code accumulate} of fact patterns with sum/count/min/max/average only (no inline init/action code)</li>
 *   <li>every constraint, {@code from} source and accumulate argument is parsed with Drools' own DRLX parser
 *       and type-checked by {@link ExpressionChecker}</li>
 *   <li>consequences: parsed exactly as the executable-model compiler does (modify/with rewritten by Drools'
 *       PreprocessCompiler, then JavaParser at Java 15) and checked statement by statement: the fact model's
 *       actions only ({@code award}, {@code support}, {@code report}, the council's {@code setStars…}; every other
 *       method of a fact must only read it), {@code modify}/{@code update} of the {@code Council} only, no
 *       {@code insert}, {@code insertLogical}, {@code delete} and no {@code new} of facts (nothing may grow working
 *       memory); methods of String, numbers and java.math values, Math statics, {@code new} of java.math,
 *       {@code drools.getRule().getName()}, local variables, {@code if}; no loops,
 *       lambdas, synchronized, try/throw, reflection, or names outside the allow-list</li>
 *   <li>no Java unicode escapes ({@code \}{@code u…}) anywhere: javac decodes them before parsing, so they
 *       could hide code from this check inside a comment or a string</li>
 * </ul>
 * Problems carry the file, and the line and column in that file. Thread-safe; one instance can serve all uploads.
 */
public final class RuleSourceGuard {

    private static final Set<String> RESERVED_PACKAGES = Set.of(
            "java",
            "javax",
            "jdk",
            "sun",
            "com.sun",
            "org.drools",
            "org.kie",
            "org.mvel2",
            "com.github.javaparser",
            "org.antlr",
            "org.apache",
            "org.slf4j",
            "vn.ocop.rules",
            "vn.ocop.service",
            "vn.ocop.api");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
    private static final Set<String> NAME_ATTRIBUTES =
            Set.of("agenda-group", "activation-group", "ruleflow-group", "date-effective", "date-expires");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    /** A plain literal: a string without quotes or backslashes inside, a number, true or false. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\\\p{Cntrl}]*\"|[-+]?\\d+(\\.\\d+)?|true|false");

    private final AllowList allow;

    public RuleSourceGuard() {
        this(AllowList.ocopFactModel());
    }

    public RuleSourceGuard(AllowList allow) {
        this.allow = allow;
    }

    public AllowList allowList() {
        return allow;
    }

    /**
     * Inspects one DRL file. Never throws for bad input.
     *
     * @return the problems, sorted by line and column; empty when the file may be compiled
     */
    public List<RuleFileProblem> inspect(String file, String drl) {
        Inspection in = new Inspection(file, drl == null ? "" : drl);
        try {
            in.run();
        } catch (RuntimeException | StackOverflowError e) {
            in.problems.add(RuleFileProblem.ofFile(
                    file,
                    "GUARD_FAILED",
                    "the file could not be inspected and is refused ("
                            + e.getClass().getSimpleName() + ")"));
        }
        in.problems.sort(Comparator.comparingInt(RuleFileProblem::line).thenComparingInt(RuleFileProblem::column));
        return List.copyOf(in.problems);
    }

    /** State of one file's inspection. */
    private final class Inspection {
        final String file;
        final String text;
        final List<RuleFileProblem> problems = new ArrayList<>();
        final int[] lineStarts;
        final Map<String, Class<?>> simpleNames = new HashMap<>(AllowList.JAVA_LANG);
        boolean modelWildcard;

        Inspection(String file, String text) {
            this.file = file;
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        void add(int line, int column, String code, String message) {
            problems.add(new RuleFileProblem(file, line, column, code, message));
        }

        /** Descriptor positions: lines are 1-based, columns 0-based in Drools' DRL parser. */
        void add(BaseDescr at, String code, String message) {
            add(at == null ? 0 : at.getLine(), at == null || at.getLine() <= 0 ? 0 : at.getColumn() + 1, code, message);
        }

        int lineOf(int index) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= index) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        int columnOf(int index) {
            return index - lineStarts[lineOf(index) - 1] + 1;
        }

        void run() {
            int escape = unicodeEscape(text);
            if (escape >= 0) {
                add(
                        lineOf(escape),
                        columnOf(escape),
                        "UNICODE_ESCAPE_NOT_ALLOWED",
                        "Java unicode escapes (\\u…) are not allowed in rule files; type the character itself");
                return; // the rest of the text cannot be trusted to mean what it shows
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (Exception e) {
                add(0, 0, "DRL_SYNTAX", "the file could not be parsed: " + e.getMessage());
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError err : parser.getErrors()) {
                    if (err instanceof ParserError pe) {
                        add(pe.getRow(), pe.getCol() + 1, "DRL_SYNTAX", clean(pe.getMessage()));
                    } else {
                        int[] lines = err.getLines();
                        add(lines != null && lines.length > 0 ? lines[0] : 0, 0, "DRL_SYNTAX", clean(err.getMessage()));
                    }
                }
                if (problems.isEmpty()) {
                    add(0, 0, "DRL_SYNTAX", "the file could not be parsed");
                }
                return;
            }
            checkPackage(pkg);
            checkImports(pkg);
            for (GlobalDescr g : pkg.getGlobals()) {
                add(
                        g,
                        "GLOBAL_NOT_ALLOWED",
                        "'global " + g.getType() + " " + g.getIdentifier()
                                + "' is not allowed: rules may only work on the facts the engine inserts");
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                add(
                        f,
                        "FUNCTION_NOT_ALLOWED",
                        "'function " + f.getName() + "' is not allowed: functions are"
                                + " arbitrary Java code; put the logic in the rule's conditions and actions");
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                add(
                        t,
                        "DECLARE_NOT_ALLOWED",
                        "'declare " + t.getTypeName() + "' is not allowed: rules use the" + " engine's fact model ("
                                + allow.modelPackage() + ")");
            }
            for (EnumDeclarationDescr t : pkg.getEnumDeclarations()) {
                add(t, "DECLARE_NOT_ALLOWED", "'declare enum " + t.getTypeName() + "' is not allowed");
            }
            for (EntryPointDeclarationDescr t : pkg.getEntryPointDeclarations()) {
                add(t, "DECLARE_NOT_ALLOWED", "entry-point declarations are not allowed");
            }
            for (WindowDeclarationDescr t : pkg.getWindowDeclarations()) {
                add(t, "DECLARE_NOT_ALLOWED", "window declarations are not allowed");
            }
            if (pkg.getUnit() != null) {
                add(pkg.getUnit(), "DECLARE_NOT_ALLOWED", "rule units are not allowed");
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                checkAttribute(a);
            }
            for (RuleDescr r : pkg.getRules()) {
                checkRule(r);
            }
        }

        private String clean(String message) {
            return message == null
                    ? "syntax error"
                    : message.replaceAll("\\s+", " ").trim();
        }

        // ------------------------------------------------------------ package and imports

        void checkPackage(PackageDescr pkg) {
            String name = pkg.getName();
            if (name == null || name.isEmpty()) {
                return; // default package: Drools rejects or places it itself
            }
            boolean identifiers = true;
            for (String part : name.split("\\.", -1)) {
                identifiers &= AllowList.isJavaIdentifier(part);
            }
            String reserved = RESERVED_PACKAGES.stream()
                    .filter(r -> name.equals(r) || name.startsWith(r + "."))
                    .findFirst()
                    .orElse(null);
            if (!identifiers || reserved != null) {
                int idx = text.indexOf(name);
                add(
                        idx < 0 ? 1 : lineOf(idx),
                        idx < 0 ? 0 : columnOf(idx),
                        "PACKAGE_NOT_ALLOWED",
                        "the package '" + name + "' is not allowed"
                                + (reserved != null ? " (" + reserved + " belongs to the platform)" : "")
                                + "; use e.g. vn.ocop.editions.<edition>.<sheet>");
            }
        }

        void checkImports(PackageDescr pkg) {
            for (ImportDescr imp : pkg.getImports()) {
                String target = imp.getTarget() == null ? "" : imp.getTarget().trim();
                if (target.equals(allow.modelPackage() + ".*")) {
                    modelWildcard = true;
                    continue;
                }
                Optional<Class<?>> c = allow.modelClass(target);
                if (c.isEmpty()) {
                    c = Optional.ofNullable(AllowList.JAVA_MATH.get(target));
                }
                if (c.isPresent()) {
                    simpleNames.put(c.get().getSimpleName(), c.get());
                } else {
                    boolean reflection = target.startsWith("java.lang.reflect")
                            || target.startsWith("java.lang.invoke")
                            || target.equals("java.lang.Class")
                            || target.equals("java.lang.ClassLoader");
                    add(
                            imp,
                            reflection ? "REFLECTION_NOT_ALLOWED" : "IMPORT_NOT_ALLOWED",
                            "'import " + target + "' is not allowed: only fact model classes (" + allow.modelPackage()
                                    + ".*) and java.math.BigDecimal/BigInteger/MathContext/RoundingMode may be imported");
                }
            }
            for (FunctionImportDescr f : pkg.getFunctionImports()) {
                add(f, "IMPORT_NOT_ALLOWED", "'import function " + f.getTarget() + "' is not allowed");
            }
            for (AccumulateImportDescr a : pkg.getAccumulateImports()) {
                add(a, "IMPORT_NOT_ALLOWED", "'import accumulate " + a.getTarget() + "' is not allowed");
            }
        }

        // ------------------------------------------------------------ rules

        /**
         * Rule metadata ({@code @name(value)}) becomes code in the compiled rule (MVEL-evaluated in the classic
         * compiler, a Java expression in the executable model), so only plain literals are accepted.
         */
        void checkAnnotations(BaseDescr owner, java.util.Collection<AnnotationDescr> annotations) {
            for (AnnotationDescr a : annotations) {
                BaseDescr at = a.getLine() > 0 ? a : owner;
                if (!AllowList.isJavaIdentifier(a.getName() == null ? "" : a.getName())) {
                    add(at, "ANNOTATION_NOT_ALLOWED", "the annotation '@" + a.getName() + "' is not allowed");
                    continue;
                }
                for (Object v : a.getValueMap().values()) {
                    String value = v == null ? "" : v.toString().trim();
                    if (!LITERAL.matcher(value).matches()) {
                        add(
                                at,
                                "ANNOTATION_NOT_ALLOWED",
                                "the value of '@" + a.getName() + "' must be a plain"
                                        + " literal (\"text\", a number, true or false), not " + abbreviate(value));
                    }
                }
            }
        }

        /** Names that end up as literals in generated Java: no quotes, backslashes or control characters. */
        void checkPlainText(BaseDescr at, String value, String what) {
            if (value == null) {
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\' || Character.isISOControl(c)) {
                    add(
                            at,
                            "NAME_CHARACTERS_NOT_ALLOWED",
                            "the " + what + " must not contain quotes, backslashes" + " or control characters");
                    return;
                }
            }
        }

        void checkAttribute(AttributeDescr a) {
            String name = a.getName() == null ? "" : a.getName().toLowerCase(Locale.ROOT);
            String value = a.getValue() == null ? "" : a.getValue().trim();
            checkPlainText(a, unquote(value), "value of '" + name + "'");
            if (name.equals("dialect")) {
                if (!unquote(value).equals("java")) {
                    add(
                            a,
                            "DIALECT_NOT_ALLOWED",
                            "dialect '" + unquote(value) + "' is not allowed; rules use the"
                                    + " java dialect (the default)");
                }
            } else if (name.equals("salience")) {
                if (!INTEGER.matcher(value).matches()) {
                    add(a, "ATTRIBUTE_NOT_ALLOWED", "salience must be a whole number, not an expression");
                }
            } else if (BOOLEAN_ATTRIBUTES.contains(name)) {
                if (!(value.isEmpty() || value.equals("true") || value.equals("false"))) {
                    add(a, "ATTRIBUTE_NOT_ALLOWED", "'" + name + "' must be true or false, not an expression");
                }
            } else if (!NAME_ATTRIBUTES.contains(name)) {
                add(a, "ATTRIBUTE_NOT_ALLOWED", "the rule attribute '" + name + "' is not allowed");
            }
        }

        void checkRule(RuleDescr r) {
            checkPlainText(r, r.getName(), "rule name");
            r.getAttributes().values().forEach(this::checkAttribute);
            checkAnnotations(r, r.getAnnotations());
            Map<String, Class<?>> scope = new LinkedHashMap<>();
            if (r instanceof QueryDescr q) {
                String[] names = q.getParameters();
                String[] types = q.getParameterTypes();
                for (int i = 0; names != null && i < names.length; i++) {
                    String type = types != null && i < types.length && types[i] != null ? types[i].trim() : "Object";
                    Class<?> c = resolveValueType(type);
                    if (c == null) {
                        add(q, "TYPE_NOT_ALLOWED", "the query parameter type '" + type + "' is not on the allow-list");
                    }
                    scope.put(names[i], c);
                }
            }
            if (r.getLhs() != null) {
                checkConditional(r.getLhs(), scope);
            }
            if (r.isQuery()) {
                return;
            }
            Object consequence = r.getConsequence();
            if (consequence != null) {
                checkConsequence(r, consequence.toString(), scope);
            }
            for (Map.Entry<String, Object> named : r.getNamedConsequences().entrySet()) {
                checkConsequence(r, String.valueOf(named.getValue()), scope);
            }
        }

        void checkConditional(BaseDescr d, Map<String, Class<?>> scope) {
            if (d instanceof PatternDescr p) {
                checkPattern(p, scope, PatternRole.FACT);
            } else if (d instanceof AndDescr
                    || d instanceof OrDescr
                    || d instanceof NotDescr
                    || d instanceof ExistsDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    checkConditional(child, scope);
                }
            } else if (d instanceof ForallDescr f) {
                for (BaseDescr child : f.getDescrs()) {
                    checkConditional(child, scope);
                }
            } else if (d instanceof EvalDescr) {
                add(
                        d,
                        "EVAL_NOT_ALLOWED",
                        "'eval(…)' is not allowed: write the test as a constraint of a pattern,"
                                + " e.g. Selection( option > 2 )");
            } else {
                add(
                        d,
                        "CONDITION_NOT_ALLOWED",
                        "this kind of condition ("
                                + d.getClass().getSimpleName().replace("Descr", "") + ") is not allowed in rules");
            }
        }

        enum PatternRole {
            FACT,
            ACCUMULATE_RESULT,
            COLLECT_RESULT
        }

        void checkPattern(PatternDescr p, Map<String, Class<?>> scope, PatternRole forcedRole) {
            BaseDescr source = p.getSource();
            PatternRole role = forcedRole;
            if (source instanceof AccumulateDescr) {
                role = PatternRole.ACCUMULATE_RESULT;
            } else if (source instanceof CollectDescr) {
                role = PatternRole.COLLECT_RESULT;
            }
            boolean accumulateElement = role == PatternRole.ACCUMULATE_RESULT
                    && "Object".equals(p.getObjectType())
                    && (p.getIdentifier() == null || p.getIdentifier().isEmpty())
                    && p.getDescrs().isEmpty();
            Class<?> type = accumulateElement ? Object.class : patternType(p, role);
            if (!p.getBehaviors().isEmpty()) {
                add(p, "CONDITION_NOT_ALLOWED", "sliding windows ('over window:…') are not allowed");
            }
            if (source instanceof GroupByDescr) {
                add(
                        source.getLine() > 0 ? source : p,
                        "SOURCE_NOT_ALLOWED",
                        "'groupby' is not allowed; use" + " accumulate with sum, count, min, max or average");
            } else if (source instanceof AccumulateDescr acc) {
                checkAccumulate(acc, scope);
            } else if (source instanceof CollectDescr col) {
                PatternDescr input = col.getInputPattern();
                if (input == null) {
                    add(col, "SOURCE_NOT_ALLOWED", "'collect' must collect one pattern on a fact model type");
                } else {
                    checkPattern(input, new LinkedHashMap<>(scope), PatternRole.FACT);
                }
            } else if (source instanceof FromDescr from) {
                checkFrom(from, p, scope);
            } else if (source != null) {
                add(
                        source.getLine() > 0 ? source : p,
                        "SOURCE_NOT_ALLOWED",
                        "this pattern source ("
                                + source.getClass().getSimpleName().replace("Descr", "") + ") is not allowed");
            }
            if (p.getIdentifier() != null && !p.getIdentifier().isEmpty()) {
                scope.put(p.getIdentifier(), type);
            }
            for (AnnotationDescr a : p.getAnnotations()) {
                add(
                        a.getLine() > 0 ? a : p,
                        "ANNOTATION_NOT_ALLOWED",
                        "pattern annotations (@" + a.getName() + ") are not allowed");
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr ec) {
                    checkConstraint(ec, p, type, scope);
                } else {
                    add(
                            c.getLine() > 0 ? c : p,
                            "CONDITION_NOT_ALLOWED",
                            "this kind of constraint ("
                                    + c.getClass().getSimpleName().replace("Descr", "") + ") is not allowed");
                }
            }
        }

        Class<?> patternType(PatternDescr p, PatternRole role) {
            String name = p.getObjectType() == null ? "" : p.getObjectType().trim();
            Class<?> c = null;
            if (role == PatternRole.FACT) {
                c = resolveModelType(name);
                if (c == null) {
                    add(
                            p,
                            "PATTERN_TYPE_NOT_ALLOWED",
                            "patterns may only match fact model types (" + allow.modelPackage() + "); '" + name
                                    + "' is not one");
                }
            } else if (role == PatternRole.ACCUMULATE_RESULT) {
                c = name.contains(".") ? AllowList.JAVA_MATH.get(name) : simpleNames.get(name);
                if (name.startsWith("java.lang.")) {
                    c = AllowList.JAVA_LANG.get(name.substring("java.lang.".length()));
                }
                if (c == null || !AllowList.ACCUMULATE_RESULT_TYPES.contains(c)) {
                    add(
                            p,
                            "PATTERN_TYPE_NOT_ALLOWED",
                            "the result of 'accumulate' must be matched as Number, Integer,"
                                    + " Long, Double, BigDecimal or BigInteger, not '" + name + "'");
                    c = null;
                }
            } else {
                c = AllowList.COLLECT_RESULT_TYPES.get(name);
                if (c == null) {
                    add(
                            p,
                            "PATTERN_TYPE_NOT_ALLOWED",
                            "the result of 'collect' must be matched as java.util.List,"
                                    + " Collection, ArrayList, Set or HashSet, not '" + name + "'");
                }
            }
            return c;
        }

        /** Primitive, boxed, String, java.math or fact model type by name, or null. */
        Class<?> resolveValueType(String name) {
            Class<?> c = switch (name) {
                case "int" -> int.class;
                case "long" -> long.class;
                case "double" -> double.class;
                case "boolean" -> boolean.class;
                default -> null;
            };
            if (c != null) {
                return c;
            }
            c = resolveModelType(name);
            if (c != null) {
                return c;
            }
            c = name.startsWith("java.lang.")
                    ? AllowList.JAVA_LANG.get(name.substring(10))
                    : name.contains(".") ? AllowList.JAVA_MATH.get(name) : simpleNames.get(name);
            return c == null || c == Math.class || c == StrictMath.class ? null : c;
        }

        Class<?> resolveModelType(String name) {
            if (name.contains(".")) {
                return allow.modelClass(name).orElse(null);
            }
            Class<?> c = simpleNames.get(name);
            if (c != null) {
                return allow.isModelClass(c) ? c : null;
            }
            return modelWildcard
                    ? allow.modelClass(allow.modelPackage() + "." + name).orElse(null)
                    : null;
        }

        void checkAccumulate(AccumulateDescr acc, Map<String, Class<?>> scope) {
            if (!acc.isExternalFunction()
                    || acc.getInitCode() != null
                    || acc.getActionCode() != null
                    || acc.getReverseCode() != null
                    || acc.getResultCode() != null) {
                add(
                        acc,
                        "ACCUMULATE_NOT_ALLOWED",
                        "'accumulate' with init/action/reverse/result code is not"
                                + " allowed; use sum, count, min, max or average");
                return;
            }
            Map<String, Class<?>> inner = new LinkedHashMap<>(scope);
            BaseDescr input = acc.getInput();
            if (input == null) {
                add(acc, "ACCUMULATE_NOT_ALLOWED", "'accumulate' needs a pattern on a fact model type");
            } else {
                checkConditional(input, inner);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr fn : acc.getFunctions()) {
                String name = fn.getFunction();
                if (!ACCUMULATE_FUNCTIONS.contains(name)) {
                    add(
                            acc,
                            "ACCUMULATE_NOT_ALLOWED",
                            "the accumulate function '" + name + "' is not allowed; use"
                                    + " sum, count, min, max or average");
                }
                for (String param : fn.getParams()) {
                    checkExpression(param, acc, null, inner, true);
                }
                if (fn.getBind() != null) {
                    scope.put(fn.getBind(), Number.class);
                }
            }
        }

        void checkFrom(FromDescr from, PatternDescr p, Map<String, Class<?>> scope) {
            String expression = from.getExpression();
            BaseDescr at = from.getLine() > 0 ? from : p;
            if (expression == null || expression.isBlank()) {
                add(at, "SOURCE_NOT_ALLOWED", "'from' needs an expression");
                return;
            }
            checkExpression(expression, at, null, scope, false);
        }

        void checkConstraint(
                ExprConstraintDescr ec, PatternDescr p, Class<?> patternClass, Map<String, Class<?>> scope) {
            BaseDescr at = ec.getLine() > 0 ? ec : p;
            if (patternClass == null) {
                return; // the pattern itself was refused; its constraints mean nothing
            }
            checkExpression(ec.getExpression(), at, patternClass, scope, true);
        }

        /** Parses a DRLX expression with Drools' parser and checks it; a binding adds a variable to the scope. */
        void checkExpression(
                String expression,
                BaseDescr at,
                Class<?> patternClass,
                Map<String, Class<?>> scope,
                boolean bindingAllowed) {
            DrlxExpression drlx;
            try {
                drlx = DrlxParseUtil.parseExpression(expression);
            } catch (RuntimeException e) {
                add(at, "CONSTRAINT_SYNTAX", "the condition '" + expression + "' could not be parsed");
                return;
            }
            ExpressionChecker checker = new ExpressionChecker(
                    allow,
                    simpleNames,
                    modelWildcard,
                    scope,
                    patternClass,
                    ExpressionChecker.Mode.CONSTRAINT,
                    (node, code, message) -> add(at, code, message));
            ExpressionChecker.T t = checker.check(drlx.getExpr());
            if (drlx.getBind() != null) {
                if (!bindingAllowed) {
                    add(at, "EXPRESSION_NOT_ALLOWED", "a binding is not allowed here");
                }
                scope.put(drlx.getBind().asString(), t.kind() == ExpressionChecker.Kind.VALUE ? t.cls() : null);
            }
        }

        // ------------------------------------------------------------ consequences

        void checkConsequence(RuleDescr r, String consequence, Map<String, Class<?>> scope) {
            if (consequence.isBlank()) {
                return;
            }
            int start = consequenceStart(r, consequence);
            int startLine = start >= 0 ? lineOf(start) : Math.max(r.getConsequenceLine(), r.getLine());
            int startColumn = start >= 0 ? columnOf(start) : 1;
            boolean rewritten = StringUtils.indexOfOutOfQuotes(consequence, "modify") >= 0
                    || StringUtils.indexOfOutOfQuotes(consequence, "with") >= 0;
            String javaText = consequence;
            if (rewritten) {
                // what the executable model does with modify/with blocks before it parses the consequence as Java
                try {
                    javaText = PrintUtil.printNode(new PreprocessCompiler()
                            .compile("{" + consequence + "}", Set.of())
                            .statementResults());
                } catch (RuntimeException e) {
                    add(
                            startLine,
                            startColumn,
                            "CONSEQUENCE_SYNTAX",
                            "the actions of rule '" + r.getName() + "' could not be parsed (modify/with block)");
                    return;
                }
            }
            ParserConfiguration config =
                    new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_15);
            ParseResult<BlockStmt> parsed = new JavaParser(config).parseBlock("{\n" + javaText + "\n}");
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                Problem first = parsed.getProblems().isEmpty()
                        ? null
                        : parsed.getProblems().get(0);
                int[] pos = first == null
                        ? new int[] {startLine, startColumn}
                        : first.getLocation()
                                .flatMap(l -> l.getBegin().getRange())
                                .map(rg -> map(rg.begin, startLine, startColumn, rewritten, consequence, null))
                                .orElse(new int[] {startLine, startColumn});
                add(
                        pos[0],
                        pos[1],
                        "CONSEQUENCE_SYNTAX",
                        "the actions of rule '" + r.getName() + "' are not valid Java: "
                                + (first == null ? "" : clean(first.getMessage().split("\n")[0])));
                return;
            }
            BlockStmt block = parsed.getResult().get();
            ExpressionChecker checker = new ExpressionChecker(
                    allow,
                    simpleNames,
                    modelWildcard,
                    scope,
                    null,
                    ExpressionChecker.Mode.CONSEQUENCE,
                    (node, code, message) -> {
                        int[] pos = node.getBegin()
                                .map(b -> map(b, startLine, startColumn, rewritten, consequence, node))
                                .orElse(new int[] {startLine, startColumn});
                        add(pos[0], pos[1], code, message + " (rule '" + r.getName() + "')");
                    });
            checker.checkStatement(block);
        }

        /**
         * Maps a position in the parsed block (line 1 is the added "{") to the file. When Drools rewrote the
         * consequence (modify/with) the printed text differs from the file, so the node's first token is looked up
         * in the original consequence instead.
         */
        int[] map(Position p, int startLine, int startColumn, boolean rewritten, String consequence, Node node) {
            if (rewritten) {
                int idx = -1;
                if (node != null) {
                    String token = firstToken(node);
                    idx = token.isEmpty() ? -1 : consequence.indexOf(token);
                }
                int base = consequenceIndex;
                if (idx >= 0 && base >= 0) {
                    return new int[] {lineOf(base + idx), columnOf(base + idx)};
                }
                return new int[] {startLine, startColumn};
            }
            int line = p.line - 2; // 0-based line within the consequence
            if (line <= 0) {
                return new int[] {startLine, startColumn + Math.max(0, p.column - 1)};
            }
            return new int[] {startLine + line, p.column};
        }

        private int consequenceIndex = -1;

        String firstToken(Node node) {
            String s = node instanceof Expression e ? e.toString() : node.toString();
            s = s.strip();
            int end = 0;
            while (end < s.length()
                    && end < 40
                    && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) {
                end++;
            }
            return s.substring(0, end);
        }

        /** Index in the file where the (trimmed) consequence text starts; -1 when it cannot be found. */
        int consequenceStart(RuleDescr r, String consequence) {
            String probe = consequence.strip();
            if (probe.length() > 200) {
                probe = probe.substring(0, 200);
            }
            int from = r.getConsequenceLine() > 0 && r.getConsequenceLine() <= lineStarts.length
                    ? lineStarts[r.getConsequenceLine() - 1]
                    : Math.max(0, r.getStartCharacter());
            int idx = text.indexOf(probe, from);
            if (idx < 0) {
                idx = text.indexOf(probe, Math.max(0, r.getStartCharacter()));
            }
            // keep the offset of the untrimmed consequence text, which the rewritten-position lookup uses
            int lead = consequence.indexOf(probe.isEmpty() ? consequence : probe);
            consequenceIndex = idx < 0 ? -1 : idx - Math.max(0, lead);
            return idx;
        }
    }

    /**
     * Index of the first backslash followed by 'u' (a Java unicode escape, whatever precedes it), or -1.
     * A plain scan rather than a regular expression, so a file of backslashes cannot make it slow.
     */
    static int unicodeEscape(String text) {
        for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 1)) {
            if (text.charAt(i + 1) == 'u') {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? "'" + s.substring(0, 60) + "…'" : "'" + s + "'";
    }

    private static String unquote(String s) {
        String v = s.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }
}
