package de.efa.catalog.domain;

import java.util.regex.Pattern;

/** A word of a search query in lower case, as it is looked for in the services' names, summaries and keywords. */
public record SearchWord(String text) {

    private static final Pattern THREE_IN_A_ROW = Pattern.compile("[\\p{L}\\p{N}]{3}");

    /**
     * Whether the word is also found inside a longer word ("antrag" in "Bauantrag"). Not with fewer than three
     * letters or digits in a row: such a word is inside nearly every name, and the trigram index has nothing to
     * look up for it, so the search would read every service.
     */
    public boolean foundInsideWords() {
        return THREE_IN_A_ROW.matcher(text).find();
    }
}
