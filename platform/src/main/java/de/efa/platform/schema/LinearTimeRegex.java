package de.efa.platform.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The regular expressions of providers' JSON Schemas ({@code pattern}, {@code patternProperties}, {@code format:
 * regex}), run by RE2 in time linear in the input and without recursion. The JDK's backtracking engine overflows its
 * stack on {@code ^(a|aa)+$} against 5,000 characters and takes exponential time on other patterns; a municipality's
 * configuration must never be able to do either to a service. RE2 has no lookaround and no backreferences: a
 * pattern that uses them is refused when the provider publishes it.
 */
public final class LinearTimeRegex implements RegularExpressionFactory {

    public static final LinearTimeRegex INSTANCE = new LinearTimeRegex();

    private LinearTimeRegex() {
    }

    /** @throws IllegalArgumentException naming what RE2 cannot compile */
    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = compile(regex);
        // JSON Schema's pattern is not anchored: it matches anywhere in the value unless it says ^…$.
        return value -> pattern.matcher(value).find();
    }

    /** @throws IllegalArgumentException naming what RE2 cannot compile */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " (lookaround and backreferences are not supported)",
                    e);
        }
    }
}
