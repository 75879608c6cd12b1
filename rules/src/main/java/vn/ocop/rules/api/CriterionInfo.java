package vn.ocop.rules.api;

import java.util.List;

/** One criterion of a sheet with its options, numbered from 1 in sheet order. */
public record CriterionInfo(String code, String part, String group, String name, List<OptionInfo> options) {
    public int maxPoints() {
        return options.stream().mapToInt(OptionInfo::points).max().orElse(0);
    }
}
