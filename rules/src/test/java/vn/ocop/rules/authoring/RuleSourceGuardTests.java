package vn.ocop.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.rules.api.RuleFileProblem;

/** Each attack from issue 4 is refused before compilation, with the file, line and column of the offending code. */
class RuleSourceGuardTests {

    private final RuleSourceGuard guard = new RuleSourceGuard();

    static String resource(String name) {
        try (InputStream in = RuleSourceGuardTests.class.getResourceAsStream("/authoring/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleFileProblem> inspect(String name) {
        return guard.inspect(name, resource(name));
    }

    @Test
    void aHarmlessRuleFilePassesCleanly() {
        assertThat(inspect("valid.drl")).isEmpty();
    }

    @Test
    void aDecisionTableInTheVerifiedLayoutPassesCleanly() {
        DecisionTableReader.Result table = new DecisionTableReader()
                .read(
                        "sheets/food-fresh-produce.csv",
                        resource("sheet-valid.csv").getBytes(StandardCharsets.UTF_8));
        assertThat(table.problems()).isEmpty();
        assertThat(guard.inspect(table.file(), table.drl())).isEmpty();
    }

    @Test
    void systemExitInAConsequenceIsRefused() {
        assertThat(inspect("system-exit.drl"))
                .extracting(
                        RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple("system-exit.drl", 10, 5, "NAME_NOT_ALLOWED"));
        assertThat(inspect("system-exit.drl").get(0).message())
                .contains("'System'")
                .contains("shut the server down");
    }

    @Test
    void readingAFileIsRefused() {
        List<RuleFileProblem> problems = inspect("read-file.drl");
        assertThat(problems)
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(
                        tuple(9, 21, "NAME_NOT_ALLOWED"), // java.nio.file.Files.readString
                        tuple(9, 52, "NAME_NOT_ALLOWED"), // java.nio.file.Path.of
                        tuple(10, 5, "TYPE_NOT_ALLOWED"), // java.io.File f
                        tuple(10, 22, "NEW_NOT_ALLOWED")); // new java.io.File(…)
        assertThat(problems.get(0).message()).contains("'java.nio.file.Files'");
        assertThat(problems.get(1).message()).contains("'java.nio.file.Path'");
        assertThat(problems.get(3).message()).contains("new java.io.File");
    }

    @Test
    void openingASocketIsRefused() {
        assertThat(inspect("socket.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(4, 1, "IMPORT_NOT_ALLOWED"), tuple(10, 5, "NEW_NOT_ALLOWED"));
    }

    @Test
    void anEndlessLoopInAConsequenceIsRefused() {
        assertThat(inspect("endless-loop.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(10, 5, "LOOP_NOT_ALLOWED"));
    }

    @Test
    void importOfJavaLangReflectAndGetClassAreRefused() {
        assertThat(inspect("reflection-import.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(4, 1, "REFLECTION_NOT_ALLOWED"), tuple(10, 5, "REFLECTION_NOT_ALLOWED"));
    }

    @Test
    void aGlobalIsRefused() {
        assertThat(inspect("global.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(5, 1, "GLOBAL_NOT_ALLOWED"));
    }

    @Test
    void aFunctionAndItsCallAreRefused() {
        assertThat(inspect("function.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple(5, "FUNCTION_NOT_ALLOWED"), tuple(13, "METHOD_NOT_ALLOWED"));
    }

    @Test
    void evalInAConditionIsRefused() {
        assertThat(inspect("eval.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(8, 5, "EVAL_NOT_ALLOWED"));
    }

    @Test
    void aConstraintCallingAStaticMethodOfANonAllowedClassIsRefused() {
        List<RuleFileProblem> problems = inspect("constraint-static.drl");
        assertThat(problems)
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(8, 21, "NAME_NOT_ALLOWED"));
        assertThat(problems.get(0).message()).contains("'Runtime'");
    }

    @Test
    void aDrlSyntaxErrorComesBackWithItsLine() {
        assertThat(inspect("syntax-error.drl"))
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple("syntax-error.drl", 8, "DRL_SYNTAX"));
    }

    @Test
    void unicodeEscapesThatCouldHideCodeInACommentAreRefused() {
        assertThat(inspect("unicode-escape.drl"))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(9, 29, "UNICODE_ESCAPE_NOT_ALLOWED"));
    }

    @Test
    void codeHiddenInADecisionTableActionIsRefusedAtItsRow() {
        DecisionTableReader reader = new DecisionTableReader();
        DecisionTableReader.Result table =
                reader.read("sheets/attack.csv", resource("sheet-attack.csv").getBytes(StandardCharsets.UTF_8));
        assertThat(table.problems()).isEmpty();
        List<RuleFileProblem> inDrl = guard.inspect(table.file(), table.drl());
        assertThat(inDrl).extracting(RuleFileProblem::code).containsExactly("NAME_NOT_ALLOWED");
        assertThat(DecisionTableReader.toTablePositions(table, inDrl))
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple("sheets/attack.csv", 10, "NAME_NOT_ALLOWED"));
    }

    private List<RuleFileProblem> inspectRule(String when, String then) {
        String drl = "package vn.ocop.editions.t;\n"
                + "import vn.ocop.rules.model.*;\n"
                + "rule \"r\"\n"
                + "when\n"
                + "    " + when + "\n"
                + "then\n"
                + "    " + then + "\n"
                + "end\n";
        return guard.inspect("t.drl", drl);
    }

    private List<String> codes(String when, String then) {
        return inspectRule(when, then).stream().map(RuleFileProblem::code).toList();
    }

    @Test
    void otherWaysOutAreRefusedToo() {
        String s = "$s : Selection( )";
        assertThat(codes(s, "Thread t = new Thread(); t.start();")).contains("TYPE_NOT_ALLOWED", "NEW_NOT_ALLOWED");
        assertThat(codes(s, "Runtime.getRuntime().exec(\"id\");")).containsExactly("NAME_NOT_ALLOWED");
        assertThat(codes(s, "java.lang.System.exit(1);")).containsExactly("NAME_NOT_ALLOWED");
        assertThat(codes(s, "Class.forName(\"x\");")).containsExactly("REFLECTION_NOT_ALLOWED");
        assertThat(codes(s, "$s.getClass().getClassLoader();")).containsExactly("REFLECTION_NOT_ALLOWED");
        assertThat(codes(s, "$s.getMember().getClass();")).containsExactly("REFLECTION_NOT_ALLOWED");
        assertThat(codes(s, "for (int i = 0; ; i++) { }")).containsExactly("LOOP_NOT_ALLOWED");
        assertThat(codes(s, "do { } while (true);")).containsExactly("LOOP_NOT_ALLOWED");
        assertThat(codes(s, "synchronized ($s) { $s.award(1, \"x\"); }")).containsExactly("SYNCHRONIZED_NOT_ALLOWED");
        assertThat(codes(s, "Runnable r = () -> {};")).contains("LAMBDA_NOT_ALLOWED");
        assertThat(codes(s, "try { $s.award(1, \"x\"); } catch (Exception e) { }"))
                .containsExactly("STATEMENT_NOT_ALLOWED");
        assertThat(codes(s, "throw new RuntimeException();")).containsExactly("STATEMENT_NOT_ALLOWED");
        assertThat(codes(s, "kcontext.getKieRuntime().halt();")).containsExactly("NAME_NOT_ALLOWED");
        assertThat(codes(s, "drools.halt();")).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(codes(s, "insert(new java.util.ArrayList());")).contains("NEW_NOT_ALLOWED");
        assertThat(codes(s, "String x = \"a\".repeat(1000000000);")).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(codes(s, "Integer.getInteger(\"user.home\");")).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(codes(s, "int[] a = new int[2000000000];")).isNotEmpty();
        assertThat(codes("$c : Council( )", "modify($c) { setStarsRule(System.getenv(\"SECRET\")) }"))
                .containsExactly("NAME_NOT_ALLOWED");
        assertThat(codes(
                        "$s : Selection( criterion == java.lang.System.getProperty(\"user.home\") )",
                        "$s.award(1, \"x\");"))
                .containsExactly("NAME_NOT_ALLOWED");
        assertThat(codes(
                        "$s : Selection( )\n    $f : java.io.File( ) from new java.io.File(\"/\").listFiles()",
                        "$s.award(1, \"x\");"))
                .contains("PATTERN_TYPE_NOT_ALLOWED", "NEW_NOT_ALLOWED");
        assertThat(codes("$t : Object( )", "$s.award(1, \"x\");")).contains("PATTERN_TYPE_NOT_ALLOWED");
        assertThat(codes("groupby( $g : Selection( $p : option ); $g.getClass() ; $t : sum( $p ) )", "int i = 0;"))
                .contains("SOURCE_NOT_ALLOWED");
        assertThat(codes("$g : Selection() over window:length(10)", "int i = 0;"))
                .contains("CONDITION_NOT_ALLOWED");
        assertThat(codes(
                        "$s : Selection( ) from accumulate( Selection( ), init( int x = 0; ), action( x++; ),"
                                + " result( x ) )",
                        "int i = 0;"))
                .contains("ACCUMULATE_NOT_ALLOWED");
    }

    /** Issue 9: one insert per match of a join filled the heap; nothing in an action may grow working memory. */
    @Test
    void theBombOfIssue9IsRefusedAtItsLine() {
        String bomb = "rule \"b\" ruleflow-group \"aggregate\" when $a: MemberScore() $b: MemberScore() then"
                + " insert(new MemberScore(\"x\",0)); end";
        List<RuleFileProblem> problems = guard.inspect(
                "council/bomb.drl",
                "package vn.ocop.editions.t;\nimport vn.ocop.rules.model.MemberScore;\n" + bomb + "\n");
        assertThat(problems)
                .extracting(RuleFileProblem::file, RuleFileProblem::line, RuleFileProblem::code)
                .contains(
                        tuple("council/bomb.drl", 3, "WORKING_MEMORY_NOT_ALLOWED"),
                        tuple("council/bomb.drl", 3, "NEW_NOT_ALLOWED"));
        assertThat(problems).allSatisfy(p -> assertThat(p.column()).isPositive());
    }

    @Test
    void actionsMayOnlyUseTheFactModelsActions() {
        String s = "$s : Selection( )\n    $m : MemberScore( )\n    $c : Council( )\n    $d : Dossier( )";
        assertThat(codes(s, "insertLogical(new Selection(\"m\", \"s\", \"c\", 1));"))
                .contains("WORKING_MEMORY_NOT_ALLOWED");
        assertThat(codes(s, "delete($s);")).containsExactly("WORKING_MEMORY_NOT_ALLOWED");
        assertThat(codes(s, "retract($m);")).containsExactly("WORKING_MEMORY_NOT_ALLOWED");
        assertThat(codes(s, "update($s);")).containsExactly("MODIFY_NOT_ALLOWED");
        assertThat(codes(s, "modify($s) { award(1, \"x\") }")).containsExactly("MODIFY_NOT_ALLOWED");
        assertThat(codes(s, "modify($d) { support(\"A1.1\", 1, \"x\") }")).containsExactly("MODIFY_NOT_ALLOWED");
        assertThat(codes(s, "Council other = new Council();")).containsExactly("NEW_NOT_ALLOWED");
        assertThat(codes(s, "$m.getAwards().clear();")).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(inspectRule(s, "$m.record(\"A1.1\", 1, 1, \"x\");"))
                .extracting(RuleFileProblem::code)
                .containsAnyOf("ACTION_NOT_ALLOWED", "METHOD_NOT_ALLOWED");
        // conditions only read: an action called from a constraint is refused
        assertThat(codes("$s : Selection( award(1, \"x\") == null )", "int i = 0;"))
                .contains("ACTION_NOT_ALLOWED");
        List<RuleFileProblem> p = inspectRule(s, "update($m);");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(10);
            assertThat(x.message()).contains("MemberScore").contains("Council");
        });
    }

    @Test
    void positionsStayRightWhenDroolsRewritesAModifyBlock() {
        String drl = "package vn.ocop.editions.t;\nimport vn.ocop.rules.model.Council;\nrule \"r\"\nwhen\n"
                + "    $s : Council( )\nthen\n    $s.setStars(1);\n    modify($s) {\n"
                + "        setStarsRule(System.getenv(\"SECRET\"))\n    }\n    while (true) { }\nend\n";
        assertThat(guard.inspect("m.drl", drl))
                .extracting(RuleFileProblem::line, RuleFileProblem::column, RuleFileProblem::code)
                .containsExactly(tuple(9, 22, "NAME_NOT_ALLOWED"), tuple(11, 5, "LOOP_NOT_ALLOWED"));
    }

    @Test
    void javaMathCannotBeAskedForABillionDigits() {
        String s = "$s : Selection( )";
        assertThat(codes(s, "String t = new java.math.BigDecimal(\"1e999999999\").toPlainString();"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.BigDecimal x = java.math.BigDecimal.ONE.setScale(999999999);"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.BigDecimal x = java.math.BigDecimal.valueOf(1, -999999999);"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.BigDecimal x = new java.math.BigDecimal($s.getMember());"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.MathContext m = new java.math.MathContext(999999999);"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.BigInteger b = java.math.BigInteger.ONE.shiftLeft(2000000000);"))
                .containsExactly("ARGUMENT_NOT_ALLOWED");
        assertThat(codes(s, "java.math.BigInteger b = java.math.BigInteger.TEN.pow(999999999);"))
                .containsExactly("METHOD_NOT_ALLOWED");
        // rounding as officers write it stays allowed
        assertThat(
                        codes(
                                s,
                                "java.math.BigDecimal x = java.math.BigDecimal.valueOf($s.getOption())"
                                        + ".divide(java.math.BigDecimal.TEN, 2, java.math.RoundingMode.HALF_UP).setScale(1, java.math.RoundingMode.HALF_UP);"))
                .isEmpty();
    }

    @Test
    void whatPolicyOfficersNeedIsAllowed() {
        String s = "$s : Selection( criterion == \"A1.1\", $o : option )";
        assertThat(inspectRule(s, "$s.award(Math.min($o, 3), drools.getRule().getName());"))
                .isEmpty();
        assertThat(inspectRule(
                        s,
                        "java.math.BigDecimal x = java.math.BigDecimal.ONE.add(new java.math.BigDecimal(\"0.5\"));"
                                + " if (x.compareTo(java.math.BigDecimal.TEN) < 0) { $s.award(x.intValue(), \"x\"); }"))
                .isEmpty();
        assertThat(inspectRule(s, "String n = $s.getMember().trim(); $s.award(n.length() > 3 ? 2 : 1, n + \"!\");"))
                .isEmpty();
        assertThat(inspectRule(
                        "$s : Selection( member matches \"N.*\", option in (1, 2), points == null || points < 3 )",
                        "$s.award(1, \"x\");"))
                .isEmpty();
        assertThat(inspectRule(
                        "$c : Council( averageTotal >= 70 )",
                        "modify($c) { setStars(4), setStarsRule(drools.getRule().getName()) }"))
                .isEmpty();
        assertThat(inspectRule(
                        "$c : Council( )\n    $d : Dossier( )\n    $m : MemberScore( pointsOf(\"A1.1\") > 2 )",
                        "$d.support(\"A1.1\", 2, \"x\"); $c.report(\"X\", \"WARNING\", \"A1.1\", $m.getMember(), \"m\");"
                                + " $c.setAverageTotal(Council.exactAverage($m.getTotal(), 1));"))
                .isEmpty();
        assertThat(inspectRule(
                        "$n : Number( doubleValue > 10.5 ) from accumulate( Selection( $p : option ), average( $p ) )",
                        "int n = $n.intValue();"))
                .isEmpty();
        assertThat(inspectRule("$s : Selection( criterion str[startsWith] \"A\" )", "$s.award(1, \"x\");"))
                .isEmpty();
        assertThat(inspectRule(
                        "accumulate( Selection( $p : option ); $t : sum( $p ), $c : count() )",
                        "int n = $t.intValue() + $c.intValue();"))
                .isEmpty();
        assertThat(inspectRule(
                        "not( Selection( criterion == \"A1.1\" ) )\n    exists( Selection( option > 1 ) )",
                        "int n = 1;"))
                .isEmpty();
    }

    @Test
    void theFileStructureIsRestricted() {
        String head = "package vn.ocop.editions.t;\nimport vn.ocop.rules.model.Selection;\n";
        assertThat(guard.inspect("a.drl", "package java.lang;\nrule \"r\" when then end\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("PACKAGE_NOT_ALLOWED");
        assertThat(guard.inspect("a.drl", head + "declare Foo\n  x : java.io.File\nend\n"))
                .extracting(RuleFileProblem::line, RuleFileProblem::code)
                .containsExactly(tuple(3, "DECLARE_NOT_ALLOWED"));
        assertThat(guard.inspect("a.drl", head + "import function java.lang.System.exit;\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("IMPORT_NOT_ALLOWED");
        assertThat(guard.inspect(
                        "a.drl",
                        head + "rule \"r\" dialect \"mvel\" when $s : Selection() then $s.award(1, \"x\"); end\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("DIALECT_NOT_ALLOWED");
        assertThat(guard.inspect(
                        "a.drl", head + "rule \"r\" salience ( System.exit(0) ) when $s : Selection() then end\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("ATTRIBUTE_NOT_ALLOWED");
        assertThat(guard.inspect("a.drl", head + "rule \"r\" @meta( System.exit(0) ) when $s : Selection() then end\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("ANNOTATION_NOT_ALLOWED");
        assertThat(guard.inspect("a.drl", head + "query \"q\" (String c)\n  Selection( criterion == c )\nend\n"))
                .isEmpty();
        assertThat(guard.inspect("a.drl", head + "query \"q\"\n  java.io.File( )\nend\n"))
                .extracting(RuleFileProblem::code)
                .containsExactly("PATTERN_TYPE_NOT_ALLOWED");
    }
}
