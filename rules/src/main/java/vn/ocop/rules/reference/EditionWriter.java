package vn.ocop.rules.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an edition's rule files from the shipped sheets: {@code edition.yaml}, one decision table per sheet
 * ({@code sheets/NN-id.csv}), the star thresholds, the council spread rule, the star-minimum rules and the
 * conditional-criterion rule. Pure: the same input gives byte-identical output.
 */
public final class EditionWriter {
    static final String HEADER_NOTE =
            "SINH TỰ ĐỘNG từ rules/src/main/reference/qd26-2026 bởi vn.ocop.rules.reference.EditionGenerator; không sửa tay (docs/design-notes.md).";
    public static final String MINIMUMS_FILE = "minimums/star-minimums.drl";
    public static final String CONDITIONS_FILE = "conditions/cau-chuyen-san-pham.drl";
    private static final String SEP = " | ";

    private final Reading reading;
    private final List<ShippedSheet> sheets;
    private final String editionId;
    private final String pkg;

    public EditionWriter(Reading reading, List<ShippedSheet> sheets) {
        this.reading = reading;
        this.sheets = List.copyOf(sheets);
        this.editionId = reading.edition().get("id");
        this.pkg = "vn.ocop.editions." + editionId.replace("-", "");
    }

    /** pack path → content. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("edition.yaml", manifest());
        for (ShippedSheet s : sheets) files.put(sheetFile(s), sheetTable(s));
        files.put("stars/thresholds.csv", thresholds());
        files.put("council/spread.drl", spread());
        files.put(MINIMUMS_FILE, minimums());
        files.put(CONDITIONS_FILE, conditions());
        return files;
    }

    static String sheetFile(ShippedSheet s) {
        return String.format(
                "sheets/%02d-%s.csv", s.source().number(), s.source().id());
    }

    // ---------------------------------------------------------------- edition.yaml

    private String manifest() {
        Map<String, String> e = reading.edition();
        StringBuilder y = new StringBuilder();
        y.append("# ")
                .append(e.get("name"))
                .append(": ")
                .append(e.get("legalBasis"))
                .append(", Phụ lục I và II.\n");
        y.append("# ").append(HEADER_NOTE).append('\n');
        y.append("id: ").append(editionId).append('\n');
        y.append("name: ").append(q(e.get("name"))).append('\n');
        y.append("legalBasis: ").append(q(e.get("legalBasis"))).append('\n');
        y.append("effectiveFrom: ").append(q(e.get("effectiveFrom"))).append('\n');
        y.append("effectiveTo: null\n");
        y.append("version: ").append(q(e.get("version"))).append('\n');
        y.append("extends: null\n");
        y.append("province: null\n");
        y.append("partMaxima: {A: 40, B: 25, C: 35}\n");
        y.append(
                "# Dấu sao là yêu cầu tối thiểu: basis COUNCIL_AVERAGE (điểm trung bình chính xác của hội đồng trên tiêu chí)\n");
        y.append("# hoặc EVERY_SCORING_MEMBER (mọi thành viên chấm đều phải đạt). Quy tắc: ")
                .append(MINIMUMS_FILE)
                .append('\n');
        y.append("starMinimums: {basis: ").append(e.get("starMinimumBasis")).append("}\n");
        y.append(
                "# Shared engine rules (rules/src/main/resources/engine) this edition uses: the council average. claims.drl is left\n");
        y.append(
                "# out: the 2026 sheets have no self-assessment rules from declared facts, so no claim can exceed them.\n");
        y.append("engineRules: [average.drl]\n");
        y.append("rules: [")
                .append(MINIMUMS_FILE)
                .append(", ")
                .append(CONDITIONS_FILE)
                .append("]\n");
        y.append("groups:\n");
        for (Reading.Group g : reading.groups())
            y.append("  ").append(g.code()).append(": ").append(q(g.name())).append('\n');
        y.append("gates: []\n");
        y.append(
                "# Phụ lục I: ngành → nhóm → phân nhóm (null: nhóm không chia phân nhóm), cơ quan chủ trì quản lý, phiếu chấm.\n");
        y.append("classification:\n");
        for (ShippedSheet s : sheets) {
            ReferenceSheet r = s.source();
            y.append("  - {number: ")
                    .append(r.number())
                    .append(", sector: ")
                    .append(q(r.sector()))
                    .append(", group: ")
                    .append(q(r.group()))
                    .append(", subgroup: ")
                    .append(qn(r.subgroup()))
                    .append(", ministry: ")
                    .append(q(r.ministry()))
                    .append(", sheet: ")
                    .append(r.id())
                    .append("}\n");
        }
        y.append("# Chỗ in sai hoặc thiếu của phụ lục và giá trị bộ tiêu chí dùng thay: không sửa lặng lẽ.\n");
        y.append("errata:\n");
        for (ShippedSheet s : sheets) {
            for (Reading.Erratum er : s.errata()) {
                y.append("  - {sheet: ")
                        .append(s.source().id())
                        .append(", criterion: ")
                        .append(q(er.criterion()))
                        .append(er.option() == null ? "" : ", option: " + er.option())
                        .append(", field: ")
                        .append(er.field())
                        .append(", printed: ")
                        .append(q(er.printed()))
                        .append(", used: ")
                        .append(q(er.used()))
                        .append(", reason: ")
                        .append(q(er.reason()))
                        .append("}\n");
            }
        }
        y.append("sheets:\n");
        for (ShippedSheet s : sheets) {
            ReferenceSheet r = s.source();
            y.append("  - id: ").append(r.id()).append('\n');
            y.append("    number: ").append(r.number()).append('\n');
            y.append("    group: ").append(s.group()).append('\n');
            y.append("    name: ").append(q(sheetName(r))).append('\n');
            y.append("    file: ").append(sheetFile(s)).append('\n');
            y.append("    subgroups: [")
                    .append(q(r.subgroup() != null ? r.subgroup() : r.group()))
                    .append("]\n");
            y.append("    source: ")
                    .append(q(e.get("decision") + ", " + e.get("annex") + ", phiếu số " + r.number() + ": «" + r.title()
                            + "»"))
                    .append('\n');
            y.append("    sourceRef: {decision: ")
                    .append(q(e.get("decision")))
                    .append(", annex: ")
                    .append(q(e.get("annex")))
                    .append(", number: ")
                    .append(r.number())
                    .append("}\n");
            y.append("    checkedAgainstAnnex: true\n");
            y.append(s.exclusions().isEmpty() ? "    exclusions: []\n" : "    exclusions:\n");
            for (ShippedSheet.Exclusion x : s.exclusions()) {
                y.append("      - {code: ")
                        .append(x.code())
                        .append(", criterion: ")
                        .append(qn(x.criterion()))
                        .append(", text: ")
                        .append(q(x.text()))
                        .append("}\n");
            }
        }
        return y.toString();
    }

    /** The sheet's name: its title without the number and "Bộ sản phẩm:". */
    static String sheetName(ReferenceSheet r) {
        return r.title()
                .replaceFirst("^\\d+\\.\\s*", "")
                .replaceFirst("^Bộ sản phẩm:\\s*", "")
                .strip();
    }

    // ---------------------------------------------------------------- sheet decision table

    private String sheetTable(ShippedSheet s) {
        ReferenceSheet r = s.source();
        String id = r.id();
        StringBuilder t = new StringBuilder();
        t.append("RuleSet,")
                .append(pkg)
                .append(".sheets.s")
                .append(String.format("%02d", r.number()))
                .append('\n');
        t.append("Import,vn.ocop.rules.model.Selection\n");
        t.append("RULEFLOW-GROUP,").append(id).append('\n');
        t.append("Notes,")
                .append(c(sheetName(r) + " — nguồn: " + reading.edition().get("decision") + ", "
                        + reading.edition().get("annex")
                        + ", phiếu số " + r.number()
                        + "; đã đối chiếu phụ lục: có. Cột «Sao tối thiểu»: phương án in dấu *** / **** / ***** (yêu cầu tối thiểu của hạng sao). "
                        + HEADER_NOTE))
                .append("\n\n");
        t.append("RuleTable ").append(id).append('\n');
        t.append(
                "NAME,CONDITION,CONDITION,ACTION,METADATA,METADATA,METADATA,METADATA,METADATA,METADATA,METADATA,METADATA,METADATA,METADATA\n");
        t.append(",$s : Selection...,$s : Selection...,,,,,,,,,,,\n");
        t.append(",\"criterion == \"\"$param\"\"\",option == $param,\"$s.award($param, drools.getRule().getName());\",")
                .append(
                        "\"part(\"\"$param\"\")\",\"criterionGroup(\"\"$param\"\")\",\"criterionName(\"\"$param\"\")\",")
                .append(
                        "\"optionLabel(\"\"$param\"\")\",minStars($param),\"headings(\"\"$param\"\")\",\"notes(\"\"$param\"\")\",")
                .append(
                        "\"readingNote(\"\"$param\"\")\",\"alternativeOf(\"\"$param\"\")\",\"caseLabel(\"\"$param\"\")\"\n");
        t.append(
                        "Quy tắc,Mã tiêu chí,Phương án,Điểm,Phần,Nhóm tiêu chí,Tên tiêu chí,Nội dung phương án,Sao tối thiểu,Các đề mục,Ghi chú,")
                .append("Cách đọc của sản phẩm,Thuộc tiêu chí,Trường hợp\n");
        for (ShippedSheet.Criterion cr : s.criteria()) {
            ReferenceSheet.Criterion src = cr.source();
            boolean first = true;
            for (ReferenceSheet.Option o : cr.options()) {
                List<String> cells = new ArrayList<>();
                cells.add(ruleName(cr, o));
                cells.add(src.code());
                cells.add(String.valueOf(o.n()));
                cells.add(String.valueOf(o.points()));
                cells.add(first ? src.part() : "");
                cells.add(
                        first
                                ? nz(
                                        src.headings().isEmpty()
                                                ? null
                                                : src.headings()
                                                        .get(src.headings().size() - 1))
                                : "");
                cells.add(first ? src.name() : "");
                cells.add(o.label());
                cells.add(o.minStars() == null ? "" : o.minStars().toString());
                cells.add(first ? String.join(SEP, src.headings()) : "");
                cells.add(first ? String.join(SEP, src.notes()) : "");
                cells.add(first ? nz(cr.readingNote()) : "");
                cells.add(first ? nz(src.alternativeOf()) : "");
                cells.add(first ? nz(src.caseLabel()) : "");
                t.append(cells.stream().map(EditionWriter::c).collect(Collectors.joining(",")))
                        .append('\n');
                first = false;
            }
        }
        return t.toString();
    }

    /** What the rule awards, in Vietnamese: "1.5 Liên kết sản xuất: phương án 3 «Có hợp đồng…» → 2 điểm". */
    static String ruleName(ShippedSheet.Criterion cr, ReferenceSheet.Option o) {
        ReferenceSheet.Criterion src = cr.source();
        StringBuilder n = new StringBuilder(src.code()).append(' ').append(shorten(src.name(), 50));
        if (src.caseLabel() != null)
            n.append(" (").append(shorten(src.caseLabel(), 40)).append(')');
        n.append(": phương án ")
                .append(o.n())
                .append(" «")
                .append(shorten(o.label(), 60))
                .append("» → ")
                .append(o.points())
                .append(" điểm");
        Reading.Erratum fix = cr.corrected().get(o.n());
        if (fix != null) n.append(" (phụ lục in ").append(fix.printed()).append(", xem errata)");
        if (cr.readingNote() != null) n.append(" (cách đọc của sản phẩm: phụ lục không in phương án)");
        return n.toString();
    }

    static String shorten(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max);
        return s.substring(0, cut > max / 2 ? cut : max).replaceAll("[,;:]$", "") + "…";
    }

    // ---------------------------------------------------------------- edition-wide rules

    private String thresholds() {
        StringBuilder t = new StringBuilder();
        t.append("RuleSet,").append(pkg).append(".stars\n");
        t.append("Import,vn.ocop.rules.model.Council\n");
        t.append("RULEFLOW-GROUP,stars\n");
        t.append("Notes,")
                .append(c("Phân hạng sao theo điểm trung bình chính xác của hội đồng ("
                        + reading.edition().get("decision")
                        + "; 69.99 → 3 sao, 70 → 4 sao). Ô trống: không có giới hạn. " + HEADER_NOTE))
                .append("\n\n");
        t.append("RuleTable thresholds\n");
        t.append("NAME,CONDITION,CONDITION,ACTION\n");
        t.append(",$c : Council...,$c : Council...,\n");
        t.append(
                ",averageTotal >= $param,averageTotal < $param,\"modify($c) { setStars($param), setStarsRule(drools.getRule().getName()) }\"\n");
        t.append("Quy tắc,Từ điểm,Dưới điểm,Số sao\n");
        for (Reading.Threshold th : reading.thresholds()) {
            String name = th.stars() + " sao: điểm trung bình "
                    + (th.from() == null
                            ? "dưới " + th.below()
                            : th.below() == null ? "từ " + th.from() : "từ " + th.from() + " đến dưới " + th.below());
            t.append(c(name))
                    .append(',')
                    .append(th.from() == null ? "" : th.from())
                    .append(',')
                    .append(th.below() == null ? "" : th.below())
                    .append(',')
                    .append(th.stars())
                    .append('\n');
        }
        return t.toString();
    }

    private String spread() {
        int n = reading.councilSpreadWarning();
        return "package " + pkg + ".council\n\n"
                + "import vn.ocop.rules.model.Council\n"
                + "import vn.ocop.rules.model.MemberScore\n\n"
                + "// Council practice carried over from the earlier editions (not in the decision): members' totals that differ\n"
                + "// by " + n
                + " points or more must be discussed and scored again. WARNING; a province may make it ERROR.\n"
                + "// Fires once: the highest and the lowest total, ties broken by the order of the sheets.\n"
                + "// " + HEADER_NOTE + "\n"
                + "rule \"Tổng điểm các thành viên chênh nhau từ " + n + " điểm trở lên → COUNCIL_SPREAD (cảnh báo)\"\n"
                + "    ruleflow-group \"aggregate\"\n"
                + "when\n"
                + "    $c : Council()\n"
                + "    $hi : MemberScore( $top : total )\n"
                + "    not MemberScore( total > $top )\n"
                + "    not MemberScore( total == $top, index < $hi.index )\n"
                + "    $lo : MemberScore( $bottom : total, total <= $top - " + n + " )\n"
                + "    not MemberScore( total < $bottom )\n"
                + "    not MemberScore( total == $bottom, index < $lo.index )\n"
                + "then\n"
                + "    $c.report( \"COUNCIL_SPREAD\", \"WARNING\", null, null,\n"
                + "        \"Tổng điểm của \" + $hi.getMember() + \" (\" + $top + \") và \" + $lo.getMember() + \" (\" + $bottom\n"
                + "        + \") chênh nhau \" + ($top - $bottom) + \" điểm, từ " + n
                + " điểm trở lên: hội đồng cần thảo luận và chấm lại.\" );\n"
                + "end\n";
    }

    private String minimums() {
        return "package " + pkg + ".minimums\n\n"
                + "import vn.ocop.rules.model.Council\n"
                + "import vn.ocop.rules.model.CriterionPoints\n"
                + "import vn.ocop.rules.model.StarMinimum\n\n"
                + "// Phiếu in: \"Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)\".\n"
                + "// Cách đọc của sản phẩm: để được k sao, ở mọi tiêu chí có phương án đánh dấu cho hạng từ k sao trở xuống, hội đồng\n"
                + "// phải đạt ít nhất số điểm của phương án đó. Mỗi phương án có dấu sao là một StarMinimum (cột «Sao tối thiểu» của\n"
                + "// phiếu); điểm của hội đồng trên một tiêu chí là CriterionPoints: điểm trung bình chính xác của các thành viên chấm,\n"
                + "// hoặc điểm thấp nhất của họ khi edition.yaml chọn starMinimums.basis: EVERY_SCORING_MEMBER.\n"
                + "// Chạy sau khi đã xếp sao theo điểm trung bình (nhóm \"stars\"): trước \"minimums\", rồi \"minimum-stars\".\n"
                + "// " + HEADER_NOTE + "\n\n"
                + "rule \"Tiêu chí chưa đạt điểm của phương án có dấu sao → ghi nhận yêu cầu tối thiểu chưa đạt (cho lộ trình lên hạng)\"\n"
                + "    ruleflow-group \"minimums\"\n"
                + "when\n"
                + "    $c : Council()\n"
                + "    $m : StarMinimum( $code : criterion, $required : requiredPoints )\n"
                + "    $p : CriterionPoints( criterion == $code, points < $required )\n"
                + "then\n"
                + "    $c.unmetMinimum( $m, $p );\n"
                + "end\n\n"
                + "// Only minimums of a level the average reaches cost stars: those are reported.\n"
                + "rule \"Điểm trung bình đủ hạng sao nhưng tiêu chí chưa đạt phương án có dấu sao của hạng đó → STAR_MINIMUM_NOT_MET (cảnh báo)\"\n"
                + "    ruleflow-group \"minimums\"\n"
                + "when\n"
                + "    $c : Council( stars != null, $stars : stars )\n"
                + "    $m : StarMinimum( stars <= $stars, $code : criterion, $required : requiredPoints )\n"
                + "    $p : CriterionPoints( criterion == $code, points < $required )\n"
                + "then\n"
                + "    $c.report( \"STAR_MINIMUM_NOT_MET\", \"WARNING\", $code, null,\n"
                + "        \"Hạng \" + $m.getStars() + \" sao cần tiêu chí \" + $code + \" đạt ít nhất \" + $m.getRequiredPointsText()\n"
                + "        + \" điểm (phương án \" + $m.getOption() + \" «\" + $m.getOptionLabel() + \"» in dấu \" + $m.getStarsMark()\n"
                + "        + \"); \" + $p.getBasisText() + \" là \" + $p.getPointsText() + \" điểm.\" );\n"
                + "end\n\n"
                + "// Fires for the lowest level whose minimum is not reached; the modify makes every other match false.\n"
                + "rule \"Chưa đạt yêu cầu tối thiểu của hạng k sao → xếp (k − 1) sao\"\n"
                + "    ruleflow-group \"minimum-stars\"\n"
                + "when\n"
                + "    $c : Council( stars != null, $stars : stars )\n"
                + "    $m : StarMinimum( stars <= $stars, $level : stars, $code : criterion, $required : requiredPoints )\n"
                + "    CriterionPoints( criterion == $code, points < $required )\n"
                + "    not ( StarMinimum( stars < $level, $lower : criterion, $lowerRequired : requiredPoints )\n"
                + "          and CriterionPoints( criterion == $lower, points < $lowerRequired ) )\n"
                + "then\n"
                + "    modify( $c ) { setStars( $level - 1 ), setStarsRule( drools.getRule().getName() ) }\n"
                + "end\n";
    }

    private String conditions() {
        Reading.Conditional cond = reading.conditional();
        Map<String, List<String>> sheetsByOptions = new LinkedHashMap<>();
        for (ShippedSheet s : sheets) {
            ShippedSheet.Criterion target = s.criteria().stream()
                    .filter(x -> x.code().equals(cond.criterion()))
                    .findFirst()
                    .orElse(null);
            ShippedSheet.Criterion when = s.criteria().stream()
                    .filter(x -> x.code().equals(cond.whenCriterion()))
                    .findFirst()
                    .orElse(null);
            if (target == null
                    || when == null
                    || target.source().notes().stream().noneMatch(n -> n.contains(cond.note()))) continue;
            ReferenceSheet.Option none = when.options().stream()
                    .filter(o -> o.label().equals(cond.whenOptionLabel()))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("sheet " + s.source().number() + ": " + cond.whenCriterion()
                                    + " has no option «" + cond.whenOptionLabel() + "»"));
            ReferenceSheet.Option zero = target.options().stream()
                    .filter(o -> o.points() == 0)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "sheet " + s.source().number() + ": " + cond.criterion() + " has no 0-point option"));
            sheetsByOptions
                    .computeIfAbsent(none.n() + "/" + zero.n(), k -> new ArrayList<>())
                    .add(s.source().id());
        }
        StringBuilder d = new StringBuilder();
        d.append("package ").append(pkg).append(".conditions\n\n");
        d.append("import vn.ocop.rules.model.Selection\n\n");
        d.append("// Tiêu chí ")
                .append(cond.criterion())
                .append(" ghi: \"")
                .append(cond.note())
                .append("\". Thành viên chọn ")
                .append(cond.whenCriterion())
                .append(" «")
                .append(cond.whenOptionLabel())
                .append("»\n");
        d.append("// thì ")
                .append(cond.criterion())
                .append(" được 0 điểm; chọn phương án khác ở ")
                .append(cond.criterion())
                .append(" là cảnh báo CRITERION_NOT_APPLICABLE (phương án đó không được tính).\n");
        d.append("// Nhóm \"conditions\" chạy sau các quy tắc cho điểm của phiếu. Chỉ các phiếu in ghi chú này.\n");
        d.append("// ").append(HEADER_NOTE).append("\n");
        for (Map.Entry<String, List<String>> e : sheetsByOptions.entrySet()) {
            String[] n = e.getKey().split("/");
            d.append("\nrule \"")
                    .append(cond.criterion())
                    .append(" chỉ áp dụng khi có câu chuyện sản phẩm: ")
                    .append(cond.whenCriterion())
                    .append(" «")
                    .append(cond.whenOptionLabel())
                    .append("» → ")
                    .append(cond.criterion())
                    .append(" được 0 điểm (cảnh báo nếu chọn phương án khác)\"\n");
            d.append("    ruleflow-group \"conditions\"\n");
            d.append("when\n");
            d.append("    $story : Selection( criterion == \"")
                    .append(cond.whenCriterion())
                    .append("\", option == ")
                    .append(n[0])
                    .append(",\n");
            d.append("        sheet in ( ")
                    .append(e.getValue().stream()
                            .map(id -> "\"" + id + "\"")
                            .collect(Collectors.joining(",\n                   ")))
                    .append(" ) )\n");
            d.append("    $structure : Selection( member == $story.member, sheet == $story.sheet, criterion == \"")
                    .append(cond.criterion())
                    .append("\", option != ")
                    .append(n[1])
                    .append(" )\n");
            d.append("then\n");
            d.append("    $structure.award( 0, drools.getRule().getName() );\n");
            d.append("    $structure.report( \"CRITERION_NOT_APPLICABLE\", \"WARNING\",\n");
            d.append("        \"Tiêu chí ")
                    .append(cond.criterion())
                    .append(" chỉ áp dụng khi có câu chuyện sản phẩm: \" + $structure.getMember() + \" chọn ")
                    .append(cond.whenCriterion())
                    .append(" «")
                    .append(cond.whenOptionLabel())
                    .append("» nên ")
                    .append(cond.criterion())
                    .append(" được 0 điểm, phương án \" + $structure.getOption() + \" không được tính.\" );\n");
            d.append("end\n");
        }
        return d.toString();
    }

    // ---------------------------------------------------------------- quoting

    /** A CSV cell: quoted when it holds a comma, a quote or leading/trailing space. */
    static String c(String s) {
        if (s == null) return "";
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || !s.equals(s.strip());
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String qn(String s) {
        return s == null ? "null" : q(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
