package de.efa.portal.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One way to put a text a service wrote in English into German: a pattern of the whole text, and its German. */
record TextRule(Pattern pattern, Function<Matcher, String> german) {

    static TextRule of(String regex, Function<Matcher, String> german) {
        return new TextRule(pattern(regex), german);
    }

    /** The pattern of a rule's text: a whole text, line breaks included. */
    static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.DOTALL);
    }

    /** The German of the first rule that matches the whole text; empty when none does. */
    static Optional<String> german(List<TextRule> rules, String text) {
        for (TextRule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return Optional.of(rule.german().apply(matcher));
            }
        }
        return Optional.empty();
    }
}
