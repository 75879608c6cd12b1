package vn.ocop.rules.authoring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * Default-deny checker of one expression (a pattern constraint, an accumulate argument, a {@code from} source)
 * or one consequence block, against the {@link AllowList}. It infers static types with reflection on the
 * allowed classes only, so a method is allowed by what its receiver <em>is</em> (a fact, a String, a
 * BigDecimal…) rather than by its name. Any node type it does not know is refused.
 */
final class ExpressionChecker {

    enum Mode {
        CONSTRAINT,
        CONSEQUENCE
    }

    enum Kind {
        VALUE,
        CLASS,
        PACKAGE,
        DROOLS,
        RULE,
        BLOCKED
    }

    /** Static type of an expression; for VALUE, {@code cls == null} means "a value of a type we do not call into". */
    record T(Kind kind, Class<?> cls, String name) {
        static final T BLOCKED = new T(Kind.BLOCKED, null, null);
        static final T OPAQUE = new T(Kind.VALUE, null, null);

        static T value(Class<?> c) {
            return new T(Kind.VALUE, c, null);
        }
    }

    interface Reporter {
        void report(Node node, String code, String message);
    }

    /** Names of methods never callable, whatever the receiver: reflection, monitors, and a few CPU/memory bombs. */
    private static final Set<String> DENIED_METHODS = Set.of(
            "getClass",
            "wait",
            "notify",
            "notifyAll",
            "finalize",
            "clone",
            "repeat",
            "format",
            "formatted",
            "indent",
            "pow",
            "probablePrime",
            "nextProbablePrime",
            "isProbablePrime",
            "forName",
            "getInteger",
            "getLong",
            "getBoolean",
            "describeConstable",
            "resolveConstantDesc",
            "getDeclaringClass");

    private static final Set<String> REFLECTION_METHODS = Set.of("getClass", "forName", "getDeclaringClass");
    /** Instance methods callable on collections (results of collect, or collection-valued fact properties). */
    private static final Set<String> COLLECTION_METHODS = Set.of(
            "size",
            "isEmpty",
            "contains",
            "containsKey",
            "containsValue",
            "get",
            "getOrDefault",
            "indexOf",
            "equals",
            "hashCode",
            "toString");
    /** Static methods callable on boxed primitives (not Integer.getInteger & co., which read system properties). */
    private static final Set<String> BOXED_STATIC_METHODS = Set.of(
            "valueOf",
            "parseInt",
            "parseLong",
            "parseDouble",
            "parseFloat",
            "parseShort",
            "parseByte",
            "parseBoolean",
            "compare",
            "min",
            "max",
            "sum",
            "toString",
            "signum",
            "isNaN",
            "isInfinite",
            "isFinite",
            "logicalAnd",
            "logicalOr",
            "logicalXor");
    /** Knowledge-helper calls a consequence may make without a receiver. */
    private static final Set<String> HELPER_CALLS = Set.of("insert", "insertLogical", "update", "delete", "retract");
    /** DRL operators allowed in constraints ({@code a matches "x"}, {@code a contains b}, …). */
    private static final Set<String> POINT_FREE_OPERATORS = Set.of(
            "matches",
            "contains",
            "memberOf",
            "soundslike",
            "str",
            "in",
            "excludes",
            "str[startsWith]",
            "str[endsWith]",
            "str[length]");

    private static final Set<Class<?>> BOXED = Set.of(
            Integer.class,
            Long.class,
            Double.class,
            Float.class,
            Short.class,
            Byte.class,
            Boolean.class,
            Character.class);
    private static final Set<Class<?>> MATH =
            Set.of(BigDecimal.class, BigInteger.class, MathContext.class, RoundingMode.class);

    /** Largest scale, precision or shift a rule may ask java.math for. */
    static final int MAX_SCALE = 64;

    private static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?\\d{1,40}(\\.\\d{1,40})?");

    private final AllowList allow;
    private final Map<String, Class<?>> simpleClassNames;
    private final boolean modelWildcard;
    private final Map<String, Class<?>> variables;
    private final Map<String, Class<?>> locals = new HashMap<>();
    private final Class<?> patternClass;
    private final Mode mode;
    private final Reporter reporter;

    ExpressionChecker(
            AllowList allow,
            Map<String, Class<?>> simpleClassNames,
            boolean modelWildcard,
            Map<String, Class<?>> variables,
            Class<?> patternClass,
            Mode mode,
            Reporter reporter) {
        this.allow = allow;
        this.simpleClassNames = simpleClassNames;
        this.modelWildcard = modelWildcard;
        this.variables = variables;
        this.patternClass = patternClass;
        this.mode = mode;
        this.reporter = reporter;
    }

    // ---------------------------------------------------------------- statements (consequences)

    void checkStatement(Statement s) {
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::checkStatement);
        } else if (s instanceof ExpressionStmt es) {
            check(es.getExpression());
        } else if (s instanceof IfStmt is) {
            check(is.getCondition());
            checkStatement(is.getThenStmt());
            is.getElseStmt().ifPresent(this::checkStatement);
        } else if (s instanceof EmptyStmt) {
            // nothing
        } else if (s instanceof ReturnStmt rs) {
            if (rs.getExpression().isPresent()) {
                reporter.report(s, "STATEMENT_NOT_ALLOWED", "a consequence cannot return a value");
            }
        } else if (s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt || s instanceof ForEachStmt) {
            reporter.report(
                    s,
                    "LOOP_NOT_ALLOWED",
                    "loops ('while', 'for', 'do') are not allowed in rules: a rule that never ends would stall scoring");
        } else if (s instanceof SynchronizedStmt) {
            reporter.report(s, "SYNCHRONIZED_NOT_ALLOWED", "'synchronized' is not allowed in rules");
        } else {
            reporter.report(
                    s,
                    "STATEMENT_NOT_ALLOWED",
                    "this kind of statement (" + describe(s)
                            + ") is not allowed in rules; use the facts' actions, 'if', local variables, modify of the Council");
        }
    }

    // ---------------------------------------------------------------- expressions

    T check(Expression e) {
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
            return T.value(String.class);
        }
        if (e instanceof IntegerLiteralExpr) {
            return T.value(int.class);
        }
        if (e instanceof LongLiteralExpr) {
            return T.value(long.class);
        }
        if (e instanceof DoubleLiteralExpr) {
            return T.value(double.class);
        }
        if (e instanceof BooleanLiteralExpr) {
            return T.value(boolean.class);
        }
        if (e instanceof CharLiteralExpr) {
            return T.value(char.class);
        }
        if (e instanceof NullLiteralExpr) {
            return T.OPAQUE;
        }
        if (e instanceof BigDecimalLiteralExpr) {
            return T.value(BigDecimal.class);
        }
        if (e instanceof BigIntegerLiteralExpr) {
            return T.value(BigInteger.class);
        }
        if (e instanceof NameExpr n) {
            return name(n, n.getNameAsString());
        }
        if (e instanceof ThisExpr t) {
            if (mode == Mode.CONSTRAINT
                    && patternClass != null
                    && t.getTypeName().isEmpty()) {
                return T.value(patternClass);
            }
            reporter.report(e, "EXPRESSION_NOT_ALLOWED", "'this' is not allowed here");
            return T.BLOCKED;
        }
        if (e instanceof EnclosedExpr en) {
            return check(en.getInner());
        }
        if (e instanceof FieldAccessExpr fa) {
            return fieldAccess(fa);
        }
        if (e instanceof MethodCallExpr mc) {
            return methodCall(mc);
        }
        if (e instanceof ObjectCreationExpr oc) {
            return objectCreation(oc);
        }
        if (e instanceof BinaryExpr b) {
            T left = check(b.getLeft());
            T right = check(b.getRight());
            return binaryType(b.getOperator(), left, right);
        }
        if (e instanceof UnaryExpr u) {
            if (mode == Mode.CONSTRAINT && !u.getOperator().isPrefix()
                    || mode == Mode.CONSTRAINT
                            && (u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                                    || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT)) {
                reporter.report(e, "EXPRESSION_NOT_ALLOWED", "'++' and '--' are not allowed in conditions");
            }
            T t = check(u.getExpression());
            return u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? T.value(boolean.class) : t;
        }
        if (e instanceof ConditionalExpr c) {
            check(c.getCondition());
            T a = check(c.getThenExpr());
            check(c.getElseExpr());
            return a;
        }
        if (e instanceof CastExpr c) {
            Class<?> target = allowedValueType(c.getType(), c);
            check(c.getExpression());
            return target == null ? T.BLOCKED : T.value(target);
        }
        if (e instanceof InstanceOfExpr io) {
            if (io.getPattern().isPresent()) {
                reporter.report(e, "EXPRESSION_NOT_ALLOWED", "'instanceof' with a pattern variable is not allowed");
            }
            allowedValueType(io.getType(), io);
            check(io.getExpression());
            return T.value(boolean.class);
        }
        if (e instanceof AssignExpr a) {
            return assign(a);
        }
        if (e instanceof VariableDeclarationExpr v) {
            return declare(v);
        }
        if (e instanceof HalfBinaryExpr hb) {
            check(hb.getRight());
            return T.value(boolean.class);
        }
        if (e instanceof PointFreeExpr pf) {
            pointFreeOperator(pf, pf.getOperator().asString());
            check(pf.getLeft());
            pf.getRight().forEach(this::check);
            checkArgs(pf.getArg1(), pf.getArg2(), pf.getArg3(), pf.getArg4());
            return T.value(boolean.class);
        }
        if (e instanceof HalfPointFreeExpr pf) {
            pointFreeOperator(pf, pf.getOperator().asString());
            pf.getRight().forEach(this::check);
            checkArgs(pf.getArg1(), pf.getArg2(), pf.getArg3(), pf.getArg4());
            return T.value(boolean.class);
        }
        if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
            reporter.report(e, "LAMBDA_NOT_ALLOWED", "lambdas and method references are not allowed in rules");
            return T.BLOCKED;
        }
        reporter.report(
                e, "EXPRESSION_NOT_ALLOWED", "this kind of expression (" + describe(e) + ") is not allowed in rules");
        return T.BLOCKED;
    }

    private void checkArgs(Expression... args) {
        for (Expression a : args) {
            if (a != null) {
                check(a);
            }
        }
    }

    private void pointFreeOperator(Node n, String op) {
        if (!POINT_FREE_OPERATORS.contains(op)) {
            reporter.report(n, "EXPRESSION_NOT_ALLOWED", "the operator '" + op + "' is not allowed in rules");
        }
    }

    private T binaryType(BinaryExpr.Operator op, T left, T right) {
        switch (op) {
            case OR, AND, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS:
                return T.value(boolean.class);
            case PLUS:
                if (isString(left) || isString(right)) {
                    return T.value(String.class);
                }
                return left.kind() == Kind.VALUE ? left : T.OPAQUE;
            default:
                return left.kind() == Kind.VALUE ? left : T.OPAQUE;
        }
    }

    private static boolean isString(T t) {
        return t.kind() == Kind.VALUE && t.cls() == String.class;
    }

    // ---------------------------------------------------------------- names

    private T name(Node at, String name) {
        if (mode == Mode.CONSEQUENCE) {
            if (locals.containsKey(name)) {
                return T.value(locals.get(name));
            }
            if (variables.containsKey(name)) {
                return T.value(variables.get(name));
            }
            if (name.equals("drools")) {
                return new T(Kind.DROOLS, null, name);
            }
        } else {
            if (patternClass != null) {
                Optional<Class<?>> p = property(patternClass, name);
                if (p.isPresent()) {
                    return T.value(p.get());
                }
            }
            if (variables.containsKey(name)) {
                return T.value(variables.get(name));
            }
        }
        Optional<Class<?>> c = simpleClass(name);
        if (c.isPresent()) {
            return new T(Kind.CLASS, c.get(), c.get().getName());
        }
        if (allow.isPackagePrefix(name)) {
            return new T(Kind.PACKAGE, null, name);
        }
        return forbiddenName(at, name);
    }

    /** The whole dotted name a refused prefix belongs to, e.g. java.nio.file.Files for the prefix java.nio. */
    private static String fullName(Node node, String prefix) {
        String name = prefix;
        Node n = node;
        while (n.getParentNode().isPresent()
                && n.getParentNode().get() instanceof FieldAccessExpr parent
                && parent.getScope() == n) {
            name = name + "." + parent.getNameAsString();
            n = parent;
        }
        return name;
    }

    private T forbiddenName(Node at, String name) {
        if (name.contains(".")) {
            boolean reflection = name.startsWith("java.lang.reflect")
                    || name.startsWith("java.lang.invoke")
                    || name.equals("java.lang.Class")
                    || name.equals("java.lang.ClassLoader");
            reporter.report(
                    at,
                    reflection ? "REFLECTION_NOT_ALLOWED" : "NAME_NOT_ALLOWED",
                    "'" + name + "' is outside the allow-list (the fact model " + allow.modelPackage()
                            + ", Math, java.math, String)");
            return T.BLOCKED;
        }
        String code = name.equals("Class") || name.startsWith("java.lang.reflect") || name.equals("java.lang.Class")
                ? "REFLECTION_NOT_ALLOWED"
                : "NAME_NOT_ALLOWED";
        String what = mode == Mode.CONSTRAINT
                ? "is not a field of the fact, a bound variable or an allowed class"
                : "is not a bound fact, a local variable or an allowed class";
        reporter.report(
                at,
                code,
                "'" + name + "' " + what + " (allowed: the fact model " + allow.modelPackage()
                        + ", Math, java.math, String)");
        return T.BLOCKED;
    }

    private Optional<Class<?>> simpleClass(String name) {
        Class<?> c = simpleClassNames.get(name);
        if (c != null) {
            return Optional.of(c);
        }
        if (modelWildcard) {
            return allow.modelClass(allow.modelPackage() + "." + name);
        }
        return Optional.empty();
    }

    private Optional<Class<?>> qualifiedClass(String qualified) {
        Optional<Class<?>> c = allow.modelClass(qualified);
        return c.isPresent() ? c : allow.libraryClass(qualified);
    }

    // ---------------------------------------------------------------- field access and properties

    private T fieldAccess(FieldAccessExpr fa) {
        T scope = check(fa.getScope());
        String field = fa.getNameAsString();
        switch (scope.kind()) {
            case BLOCKED:
                return T.BLOCKED;
            case PACKAGE: {
                String qualified = scope.name() + "." + field;
                Optional<Class<?>> c = qualifiedClass(qualified);
                if (c.isPresent()) {
                    return new T(Kind.CLASS, c.get(), qualified);
                }
                if (allow.isPackagePrefix(qualified)) {
                    return new T(Kind.PACKAGE, null, qualified);
                }
                return forbiddenName(fa, fullName(fa, qualified));
            }
            case CLASS: {
                Class<?> c = scope.cls();
                try {
                    Field f = c.getField(field);
                    if (Modifier.isStatic(f.getModifiers()) && staticMembersAllowed(c)) {
                        return T.value(f.getType());
                    }
                } catch (NoSuchFieldException | SecurityException ignored) {
                    // fall through
                }
                reporter.report(
                        fa, "NAME_NOT_ALLOWED", "'" + c.getSimpleName() + "." + field + "' is not an allowed constant");
                return T.BLOCKED;
            }
            case VALUE: {
                Class<?> c = scope.cls();
                if (c != null && (allow.isModelClass(c))) {
                    Optional<Class<?>> p = property(c, field);
                    if (p.isPresent()) {
                        return T.value(p.get());
                    }
                }
                reporter.report(
                        fa,
                        "NAME_NOT_ALLOWED",
                        "'" + field + "' is not a property of " + (c == null ? "this value" : c.getSimpleName()));
                return T.BLOCKED;
            }
            default:
                reporter.report(fa, "NAME_NOT_ALLOWED", "'" + fa + "' is not allowed");
                return T.BLOCKED;
        }
    }

    /** Type of a readable property: getter, is-getter, record accessor or public field. */
    private Optional<Class<?>> property(Class<?> c, String name) {
        if (name.isEmpty() || name.startsWith("$")) {
            return Optional.empty();
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String m : List.of("get" + cap, "is" + cap, name)) {
            try {
                Method method = c.getMethod(m);
                if (!Modifier.isStatic(method.getModifiers())
                        && method.getReturnType() != void.class
                        && !DENIED_METHODS.contains(m)
                        && method.getDeclaringClass() != Object.class) {
                    return Optional.of(method.getReturnType());
                }
            } catch (NoSuchMethodException | SecurityException ignored) {
                // try the next form
            }
        }
        try {
            Field f = c.getField(name);
            if (!Modifier.isStatic(f.getModifiers())) {
                return Optional.of(f.getType());
            }
        } catch (NoSuchFieldException | SecurityException ignored) {
            // none
        }
        return Optional.empty();
    }

    private boolean staticMembersAllowed(Class<?> c) {
        return allow.isModelClass(c)
                || c == Math.class
                || c == StrictMath.class
                || c == String.class
                || BOXED.contains(c)
                || MATH.contains(c);
    }

    // ---------------------------------------------------------------- method calls

    private T methodCall(MethodCallExpr mc) {
        String name = mc.getNameAsString();
        NodeList<Expression> args = mc.getArguments();
        if (mc.getTypeArguments().isPresent()) {
            reporter.report(mc, "EXPRESSION_NOT_ALLOWED", "explicit type arguments are not allowed");
        }
        if (mc.getScope().isEmpty()) {
            return unscopedCall(mc, name, args);
        }
        T scope = check(mc.getScope().get());
        List<T> argTypes = new ArrayList<>();
        args.forEach(a -> argTypes.add(check(a)));
        if (REFLECTION_METHODS.contains(name) && scope.kind() != Kind.BLOCKED) {
            reporter.report(mc, "REFLECTION_NOT_ALLOWED", "'" + name + "' (reflection) is not allowed in rules");
            return T.BLOCKED;
        }
        switch (scope.kind()) {
            case BLOCKED:
                return T.BLOCKED;
            case DROOLS:
                if (name.equals("getRule") && args.isEmpty()) {
                    return new T(Kind.RULE, null, null);
                }
                reporter.report(
                        mc,
                        "METHOD_NOT_ALLOWED",
                        "'drools." + name + "' is not allowed; only drools.getRule().getName() is");
                return T.BLOCKED;
            case RULE:
                if ((name.equals("getName") || name.equals("getPackageName")) && args.isEmpty()) {
                    return T.value(String.class);
                }
                reporter.report(
                        mc,
                        "METHOD_NOT_ALLOWED",
                        "'drools.getRule()." + name + "' is not allowed; only getName() and getPackageName() are");
                return T.BLOCKED;
            case PACKAGE:
                return forbiddenName(mc, scope.name() + "." + name);
            case CLASS:
                smallNumberArguments(mc, scope.cls(), name, args, argTypes);
                return staticCall(mc, scope.cls(), name, args.size());
            case VALUE:
                smallNumberArguments(mc, scope.cls(), name, args, argTypes);
                return instanceCall(mc, scope.cls(), name, args.size());
            default:
                return T.BLOCKED;
        }
    }

    private T unscopedCall(MethodCallExpr mc, String name, NodeList<Expression> args) {
        if (mode == Mode.CONSEQUENCE && HELPER_CALLS.contains(name) && args.size() == 1) {
            T arg = check(args.get(0));
            if (!name.equals("update")) {
                // facts are inserted by the engine only: a rule that inserts or deletes can grow working memory
                // without bound (issue 9: one insert per match of a join exhausted the heap)
                reporter.report(
                        mc,
                        "WORKING_MEMORY_NOT_ALLOWED",
                        "'" + name + "' is not allowed: rules may not"
                                + " insert or delete facts (the engine inserts them); use the facts' actions (award, support,"
                                + " report, setStars)");
                return T.BLOCKED;
            }
            if (arg.kind() == Kind.VALUE && arg.cls() != null && allow.isModifiable(arg.cls())) {
                return T.OPAQUE;
            }
            if (arg.kind() == Kind.VALUE && arg.cls() != null && allow.isModelClass(arg.cls())) {
                reporter.report(
                        mc,
                        "MODIFY_NOT_ALLOWED",
                        "'modify'/'update' of a " + arg.cls().getSimpleName()
                                + " is not allowed: only the council's result (Council: stars, average) may be modified");
                return T.BLOCKED;
            }
            if (arg.kind() != Kind.BLOCKED) {
                reporter.report(
                        mc, "METHOD_NOT_ALLOWED", "'" + name + "' is only allowed on the council's result (Council)");
            }
            return T.BLOCKED;
        }
        if (mode == Mode.CONSTRAINT && patternClass != null) {
            args.forEach(this::check);
            return instanceCall(mc, patternClass, name, args.size());
        }
        args.forEach(this::check);
        reporter.report(
                mc,
                "METHOD_NOT_ALLOWED",
                "'" + name + "(…)' is not an allowed call here"
                        + (mode == Mode.CONSEQUENCE
                                ? "; call the actions of a bound fact (award, support, report, setStars)"
                                : ""));
        return T.BLOCKED;
    }

    private T staticCall(Node at, Class<?> c, String name, int arity) {
        boolean allowed = staticMembersAllowed(c)
                && !DENIED_METHODS.contains(name)
                && (!BOXED.contains(c) || BOXED_STATIC_METHODS.contains(name));
        if (!allowed) {
            reporter.report(
                    at, "METHOD_NOT_ALLOWED", "'" + c.getSimpleName() + "." + name + "' is not allowed in rules");
            return T.BLOCKED;
        }
        return resolve(at, c, name, arity, true);
    }

    private T instanceCall(Node at, Class<?> c, String name, int arity) {
        if (c == null || c.isPrimitive()) {
            reporter.report(
                    at,
                    "METHOD_NOT_ALLOWED",
                    "'" + name + "' is called on a value whose type is not on the"
                            + " allow-list (only facts, String, numbers and java.math values have callable methods)");
            return T.BLOCKED;
        }
        boolean collection = Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c);
        boolean callable = allow.isModelClass(c)
                || c == String.class
                || BOXED.contains(c)
                || c == Number.class
                || MATH.contains(c)
                || collection;
        if (!callable) {
            reporter.report(
                    at,
                    "METHOD_NOT_ALLOWED",
                    "'" + name + "' is called on a " + c.getName() + ", which is not on the allow-list");
            return T.BLOCKED;
        }
        if (DENIED_METHODS.contains(name) || (collection && !COLLECTION_METHODS.contains(name))) {
            reporter.report(
                    at, "METHOD_NOT_ALLOWED", "'" + c.getSimpleName() + "." + name + "' is not allowed in rules");
            return T.BLOCKED;
        }
        if (allow.isModelClass(c)
                && !AllowList.isReader(name)
                && !(mode == Mode.CONSEQUENCE && allow.isAction(c, name))) {
            reporter.report(
                    at,
                    "ACTION_NOT_ALLOWED",
                    "'" + c.getSimpleName() + "." + name + "' is not allowed "
                            + (mode == Mode.CONSEQUENCE
                                    ? "in actions: only " + actionsOf(c)
                                    : "in conditions: conditions only read facts"));
            return T.BLOCKED;
        }
        return resolve(at, c, name, arity, false);
    }

    /** Finds public methods of that name and arity; the result type is their common return type, else opaque. */
    private T resolve(Node at, Class<?> c, String name, int arity, boolean wantStatic) {
        Class<?> result = null;
        boolean found = false;
        boolean mixed = false;
        for (Method m : c.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != wantStatic) {
                continue;
            }
            int n = m.getParameterCount();
            if (!(n == arity || (m.isVarArgs() && arity >= n - 1))) {
                continue;
            }
            if (m.getDeclaringClass() == Object.class
                    && !Set.of("equals", "hashCode", "toString").contains(name)) {
                continue;
            }
            if (!found) {
                result = m.getReturnType();
                found = true;
            } else if (result != m.getReturnType()) {
                mixed = true;
            }
        }
        if (!found) {
            reporter.report(
                    at,
                    "METHOD_NOT_ALLOWED",
                    "'" + c.getSimpleName() + "' has no " + (wantStatic ? "static " : "") + "method '" + name
                            + "' with " + arity + " argument(s) that rules may call");
            return T.BLOCKED;
        }
        return mixed ? T.OPAQUE : T.value(result);
    }

    // ---------------------------------------------------------------- new, assignment, declarations

    private T objectCreation(ObjectCreationExpr oc) {
        List<T> argTypes = new ArrayList<>();
        oc.getArguments().forEach(a -> argTypes.add(check(a)));
        if (oc.getAnonymousClassBody().isPresent()) {
            reporter.report(oc, "NEW_NOT_ALLOWED", "anonymous classes are not allowed in rules");
            return T.BLOCKED;
        }
        if (oc.getScope().isPresent()) {
            reporter.report(oc, "NEW_NOT_ALLOWED", "qualified 'new' is not allowed in rules");
            return T.BLOCKED;
        }
        Class<?> c = classOf(oc.getType());
        if (c == null
                || !(allow.isModelClass(c)
                        || c == BigDecimal.class
                        || c == BigInteger.class
                        || c == MathContext.class)) {
            reporter.report(
                    oc,
                    "NEW_NOT_ALLOWED",
                    "'new " + oc.getType().asString()
                            + "' is not allowed; only fact model classes, BigDecimal, BigInteger and MathContext may be created");
            return T.BLOCKED;
        }
        if (mode == Mode.CONSEQUENCE && allow.isModelClass(c)) {
            reporter.report(
                    oc,
                    "NEW_NOT_ALLOWED",
                    "'new " + oc.getType().asString() + "' is not allowed in actions:"
                            + " rules may not create facts (the engine creates them)");
            return T.BLOCKED;
        }
        smallNumberArguments(oc, c, "<init>", oc.getArguments(), argTypes);
        return T.value(c);
    }

    /**
     * BigDecimal/BigInteger/MathContext members whose int argument sizes the result (a scale, a precision, a shift):
     * a rule could otherwise ask for a number with a billion digits and exhaust the server's memory. Those
     * arguments must be int literals between -{@value #MAX_SCALE} and {@value #MAX_SCALE}; {@code new BigDecimal}
     * from text takes only a plain decimal literal (no exponent such as "1e999999999").
     */
    private void smallNumberArguments(Node at, Class<?> c, String name, NodeList<Expression> args, List<T> types) {
        List<Integer> sizeArgs = new ArrayList<>();
        if (c == BigDecimal.class) {
            switch (name) {
                case "setScale", "movePointLeft", "movePointRight", "scaleByPowerOfTen" -> sizeArgs.add(0);
                case "valueOf" -> {
                    if (args.size() == 2) {
                        sizeArgs.add(1);
                    }
                }
                case "divide" -> {
                    if (args.size() == 3) {
                        sizeArgs.add(1);
                    }
                }
                case "<init>" -> {
                    for (int i = 1; i < args.size(); i++) {
                        if (isInt(types.get(i))) {
                            sizeArgs.add(i);
                        }
                    }
                    if (!args.isEmpty() && !isNumber(types.get(0))) {
                        boolean plain = args.get(0) instanceof StringLiteralExpr sl
                                && PLAIN_DECIMAL.matcher(sl.getValue()).matches();
                        if (!plain) {
                            reporter.report(
                                    at,
                                    "ARGUMENT_NOT_ALLOWED",
                                    "new BigDecimal(…) takes a number or a plain"
                                            + " decimal literal such as \"12.5\" (no exponent); use BigDecimal.valueOf(…) for"
                                            + " values of facts");
                        }
                    }
                }
                default -> {}
            }
        } else if (c == BigInteger.class) {
            switch (name) {
                case "shiftLeft", "shiftRight", "setBit", "clearBit", "flipBit", "testBit" -> sizeArgs.add(0);
                case "<init>" -> {
                    if (!args.isEmpty() && isInt(types.get(0))) {
                        sizeArgs.add(0);
                    }
                }
                default -> {}
            }
        } else if (c == MathContext.class && name.equals("<init>") && !args.isEmpty()) {
            sizeArgs.add(0);
        }
        for (int index : sizeArgs) {
            Integer value = index < args.size() ? intLiteral(args.get(index)) : null;
            if (value == null || Math.abs(value) > MAX_SCALE) {
                reporter.report(
                        at,
                        "ARGUMENT_NOT_ALLOWED",
                        "'" + (name.equals("<init>") ? "new " + c.getSimpleName() : c.getSimpleName() + "." + name)
                                + "' needs a whole-number literal between -" + MAX_SCALE
                                + " and " + MAX_SCALE + " as its scale, precision or shift");
            }
        }
    }

    private static boolean isInt(T t) {
        return t.kind() == Kind.VALUE
                && (t.cls() == int.class
                        || t.cls() == Integer.class
                        || t.cls() == short.class
                        || t.cls() == byte.class
                        || t.cls() == char.class);
    }

    private static boolean isNumber(T t) {
        Class<?> c = t.cls();
        return t.kind() == Kind.VALUE
                && c != null
                && (c.isPrimitive() && c != boolean.class || Number.class.isAssignableFrom(c));
    }

    private static Integer intLiteral(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return intLiteral(en.getInner());
        }
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            Integer v = intLiteral(u.getExpression());
            return v == null ? null : u.getOperator() == UnaryExpr.Operator.MINUS ? -v : v;
        }
        if (e instanceof IntegerLiteralExpr i) {
            try {
                return i.asNumber().intValue();
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    private T assign(AssignExpr a) {
        if (mode != Mode.CONSEQUENCE) {
            reporter.report(a, "EXPRESSION_NOT_ALLOWED", "assignments are not allowed in conditions");
            return T.BLOCKED;
        }
        T value = check(a.getValue());
        if (a.getTarget() instanceof NameExpr n && locals.containsKey(n.getNameAsString())) {
            return T.value(locals.get(n.getNameAsString()));
        }
        reporter.report(
                a,
                "EXPRESSION_NOT_ALLOWED",
                "only local variables may be assigned; change facts by calling" + " their methods");
        return value.kind() == Kind.BLOCKED ? T.BLOCKED : T.BLOCKED;
    }

    private T declare(VariableDeclarationExpr v) {
        if (mode != Mode.CONSEQUENCE) {
            reporter.report(v, "EXPRESSION_NOT_ALLOWED", "variable declarations are not allowed in conditions");
            return T.BLOCKED;
        }
        if (!v.getAnnotations().isEmpty()) {
            reporter.report(v, "EXPRESSION_NOT_ALLOWED", "annotations are not allowed in rules");
        }
        for (VariableDeclarator d : v.getVariables()) {
            Class<?> declared;
            T init = d.getInitializer().map(this::check).orElse(null);
            if (d.getType().isVarType()) {
                declared = init == null || init.kind() != Kind.VALUE ? null : init.cls();
                if (init != null && init.kind() == Kind.VALUE && declared == null) {
                    reporter.report(d, "TYPE_NOT_ALLOWED", "'var' needs a value of an allowed type here");
                }
            } else {
                declared = allowedValueType(d.getType(), d.getType());
            }
            locals.put(d.getNameAsString(), declared);
        }
        return T.OPAQUE;
    }

    // ---------------------------------------------------------------- types

    /** The class of an allowed value type (primitive, boxed, String, java.math, fact model), or null after reporting. */
    private Class<?> allowedValueType(Type type, Node at) {
        if (type instanceof PrimitiveType p) {
            return switch (p.getType()) {
                case BOOLEAN -> boolean.class;
                case CHAR -> char.class;
                case BYTE -> byte.class;
                case SHORT -> short.class;
                case INT -> int.class;
                case LONG -> long.class;
                case FLOAT -> float.class;
                case DOUBLE -> double.class;
            };
        }
        Class<?> c = classOf(type);
        if (c != null
                && (allow.isModelClass(c)
                        || c == String.class
                        || BOXED.contains(c)
                        || c == Number.class
                        || MATH.contains(c))) {
            return c;
        }
        reporter.report(at, "TYPE_NOT_ALLOWED", "the type '" + type.asString() + "' is not on the allow-list");
        return null;
    }

    /** Resolves a (possibly qualified) class type against the allowed names only; null when not allowed. */
    private Class<?> classOf(Type type) {
        if (!(type instanceof ClassOrInterfaceType ct) || ct.getTypeArguments().isPresent()) {
            return null;
        }
        String name = ct.getNameWithScope();
        if (name.contains(".")) {
            return qualifiedClass(name).orElse(null);
        }
        return simpleClass(name).orElse(null);
    }

    private static String actionsOf(Class<?> c) {
        Set<String> actions = AllowList.ACTIONS.getOrDefault(c.getSimpleName(), Set.of());
        return actions.isEmpty()
                ? "reading (get…) is allowed on a " + c.getSimpleName()
                : String.join(", ", new java.util.TreeSet<>(actions)) + " and reading (get…) are allowed on a "
                        + c.getSimpleName();
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName().replace("Stmt", " statement").replace("Expr", " expression");
    }
}
