package vn.ocop.rules.model;

/** The option the dossier's declared facts support on an objective criterion, with its points on the sheet. */
public record SupportedOption(String criterion, int option, int points, String rule) {
    public String getCriterion() {
        return criterion;
    }

    public int getOption() {
        return option;
    }

    public int getPoints() {
        return points;
    }
}
