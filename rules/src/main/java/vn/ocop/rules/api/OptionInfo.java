package vn.ocop.rules.api;

/**
 * One option of a criterion; {@code rule} is the name of the rule that awards it.
 *
 * @param minStars 3, 4 or 5 when the sheet prints the option with ***, **** or ***** (a star minimum:
 *                 that level needs at least this option's points on the criterion), else null
 */
public record OptionInfo(int number, String label, int points, String rule, Integer minStars) {
    public OptionInfo(int number, String label, int points, String rule) {
        this(number, label, points, rule, null);
    }
}
