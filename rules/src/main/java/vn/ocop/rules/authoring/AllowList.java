package vn.ocop.rules.authoring;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What uploaded rules may refer to: the fact model (every public class directly in {@link #modelPackage()}),
 * java.lang.Math/StrictMath, java.math (BigDecimal, BigInteger, MathContext, RoundingMode), String and the
 * boxed primitives. Everything else is refused by {@link RuleSourceGuard}.
 *
 * @param modelPackage package of the fact model classes, {@code vn.ocop.rules.model}
 * @param classLoader  loader used to look the fact model classes up (never initialises them)
 */
public record AllowList(String modelPackage, ClassLoader classLoader) {

    public static final String MODEL_PACKAGE = "vn.ocop.rules.model";

    /** java.math classes that may be imported, named and used (besides java.lang's allowed classes). */
    static final Map<String, Class<?>> JAVA_MATH = Map.of(
            "java.math.BigDecimal", BigDecimal.class,
            "java.math.BigInteger", BigInteger.class,
            "java.math.MathContext", MathContext.class,
            "java.math.RoundingMode", RoundingMode.class);

    /** java.lang classes usable by their simple name (java.lang is implicitly imported in DRL). */
    static final Map<String, Class<?>> JAVA_LANG = Map.ofEntries(
            Map.entry("Math", Math.class),
            Map.entry("StrictMath", StrictMath.class),
            Map.entry("String", String.class),
            Map.entry("Integer", Integer.class),
            Map.entry("Long", Long.class),
            Map.entry("Double", Double.class),
            Map.entry("Float", Float.class),
            Map.entry("Short", Short.class),
            Map.entry("Byte", Byte.class),
            Map.entry("Boolean", Boolean.class),
            Map.entry("Character", Character.class),
            Map.entry("Number", Number.class));

    /** Types a pattern may have when its source is {@code accumulate}. */
    static final Set<Class<?>> ACCUMULATE_RESULT_TYPES =
            Set.of(Number.class, Integer.class, Long.class, Double.class, BigDecimal.class, BigInteger.class);
    /** Types a pattern may have when its source is {@code collect}. */
    static final Map<String, Class<?>> COLLECT_RESULT_TYPES = Map.of(
            "java.util.List",
            List.class,
            "java.util.Collection",
            Collection.class,
            "java.util.ArrayList",
            java.util.ArrayList.class,
            "java.util.Set",
            Set.class,
            "java.util.HashSet",
            java.util.HashSet.class);

    /**
     * What a consequence may change, per fact class (simple name → methods): the fact model's actions that the
     * shipped packs use (award points, support a self-assessed option, report a finding about a choice or the council,
     * record an unmet star minimum, set stars and average).
     * Every other method of a fact must be a reader ({@link #isReader}); rules never create, insert or delete facts.
     */
    static final Map<String, Set<String>> ACTIONS = Map.of(
            "Selection", Set.of("award", "report"),
            "Dossier", Set.of("support"),
            "Council", Set.of("report", "unmetMinimum", "setStars", "setStarsRule", "setAverageTotal"));
    /** Facts a consequence may {@code modify}/{@code update}: only the council's result (stars, average). */
    static final Set<String> MODIFIABLE = Set.of("Council");

    private static final Set<String> READERS = Set.of("pointsOf", "awardOf", "equals", "hashCode", "toString");

    public AllowList {
        if (modelPackage == null || modelPackage.isBlank()) {
            throw new IllegalArgumentException("modelPackage");
        }
        classLoader = classLoader == null ? AllowList.class.getClassLoader() : classLoader;
    }

    /** The OCOP fact model, {@code vn.ocop.rules.model}, looked up with this module's class loader. */
    public static AllowList ocopFactModel() {
        return new AllowList(MODEL_PACKAGE, AllowList.class.getClassLoader());
    }

    /**
     * The fact model class of that fully-qualified name, if it is a public class directly in the model package.
     * Looked up without initialising it (no static initialiser runs).
     */
    public Optional<Class<?>> modelClass(String qualifiedName) {
        if (qualifiedName == null || !qualifiedName.startsWith(modelPackage + ".")) {
            return Optional.empty();
        }
        String simple = qualifiedName.substring(modelPackage.length() + 1);
        if (simple.isEmpty() || !isJavaIdentifier(simple)) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(qualifiedName, false, classLoader);
            return Modifier.isPublic(c.getModifiers()) && modelPackage.equals(c.getPackageName())
                    ? Optional.of(c)
                    : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Whether {@code method} is one of the fact model's actions on {@code c} (see {@link #ACTIONS}). */
    public boolean isAction(Class<?> c, String method) {
        return isModelClass(c)
                && ACTIONS.getOrDefault(c.getSimpleName(), Set.of()).contains(method);
    }

    /** Whether rules may {@code modify}/{@code update} facts of class {@code c}. */
    public boolean isModifiable(Class<?> c) {
        return isModelClass(c) && MODIFIABLE.contains(c.getSimpleName());
    }

    /** A method that only reads a fact: a getter ({@code get…}, {@code is…}, {@code has…}) or a known query. */
    static boolean isReader(String method) {
        return READERS.contains(method) || prefixed(method, "get") || prefixed(method, "is") || prefixed(method, "has");
    }

    private static boolean prefixed(String method, String prefix) {
        return method.length() > prefix.length()
                && method.startsWith(prefix)
                && Character.isUpperCase(method.charAt(prefix.length()));
    }

    public boolean isModelClass(Class<?> c) {
        return c != null && modelPackage.equals(c.getPackageName()) && !c.isArray();
    }

    /** A java.math or java.lang class on the allow-list, by fully-qualified name. */
    Optional<Class<?>> libraryClass(String qualifiedName) {
        Class<?> c = JAVA_MATH.get(qualifiedName);
        if (c == null && qualifiedName.startsWith("java.lang.")) {
            c = JAVA_LANG.get(qualifiedName.substring("java.lang.".length()));
        }
        return Optional.ofNullable(c);
    }

    /** True when some allowed fully-qualified class name starts with {@code prefix + "."}. */
    boolean isPackagePrefix(String prefix) {
        String p = prefix + ".";
        if ((modelPackage + ".").startsWith(p)) {
            return true;
        }
        if ("java.lang.".startsWith(p)) {
            return true;
        }
        return JAVA_MATH.keySet().stream().anyMatch(n -> n.startsWith(p));
    }

    static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
