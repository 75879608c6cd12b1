package vn.ocop.service.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.api.model.Sheet;

/**
 * A criteria sheet from the catalogue laid out for the scoring form: parts, groups of criteria, criteria with their
 * options and points. Read from the catalogue's JSON form, so fields the contract gains later — an option's star
 * minimum {@code minStars}, a criterion's {@code notes} — appear on the form as soon as the catalogue has them.
 */
record SheetView(String id, String name, String edition, String group, List<Part> parts, int criteriaCount) {
    /** Display names of the parts (the decisions' headings); the catalogue names only their letters. */
    static final Map<String, String> PART_NAMES =
            Map.of("A", "Sản phẩm và sức mạnh của cộng đồng", "B", "Khả năng tiếp thị", "C", "Chất lượng sản phẩm");

    record Part(String code, String name, Integer maxPoints, List<Group> groups) {}

    record Group(String name, List<Criterion> criteria) {}

    record Criterion(String code, String name, int maxPoints, List<String> notes, List<Option> options) {
        /** The field name of this criterion's choice in the form. */
        public String field() {
            return "c:" + code;
        }
    }

    /** One option; {@code minStars} 3–5 when the sheet marks it as a star level's minimum, else null. */
    record Option(int number, String label, int points, Integer minStars) {}

    static SheetView of(Sheet sheet, JsonMapper json) {
        JsonNode tree = json.valueToTree(sheet);
        JsonNode maxima = tree.path("partMaxima");
        Map<String, Map<String, List<Criterion>>> byPart = new LinkedHashMap<>();
        int count = 0;
        for (JsonNode c : tree.path("criteria")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : c.path("options")) {
                JsonNode min = o.path("minStars");
                options.add(new Option(
                        o.path("number").asInt(),
                        o.path("label").asString(""),
                        o.path("points").asInt(),
                        min.isNumber() ? Integer.valueOf(min.asInt()) : null));
            }
            List<String> notes = new ArrayList<>();
            c.path("notes").forEach(n -> notes.add(n.asString("")));
            if (c.path("note").isString()) notes.add(c.path("note").asString());
            String part = c.path("part").asString("?");
            String group = c.path("group").asString("");
            byPart.computeIfAbsent(part, p -> new LinkedHashMap<>())
                    .computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new Criterion(
                            c.path("code").asString(),
                            c.path("name").asString(""),
                            c.path("maxPoints").asInt(),
                            notes,
                            options));
            count++;
        }
        List<Part> parts = new ArrayList<>();
        byPart.forEach((code, groups) -> {
            List<Group> gs = new ArrayList<>();
            groups.forEach((name, criteria) -> gs.add(new Group(name, criteria)));
            JsonNode max = maxima.path(code);
            parts.add(new Part(code, PART_NAMES.getOrDefault(code, ""), max.isNumber() ? max.asInt() : null, gs));
        });
        return new SheetView(sheet.getId(), sheet.getName(), sheet.getEdition(), sheet.getGroup(), parts, count);
    }
}
