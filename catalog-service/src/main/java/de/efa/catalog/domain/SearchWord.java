package de.efa.catalog.domain;

/**
 * A word of a search query: letters and digits only, in lower case, as it is looked for in the services' names,
 * summaries and keywords.
 */
public record SearchWord(String text) {

    /** How many words of a query at most are looked for inside others; the rest as whole words. */
    public static final int MOST_INSIDE = 10;

    private static final int SHORTEST_INSIDE = 3;

    /**
     * Whether the word is also found inside a longer word ("antrag" in "Bauantrag"). Not with fewer than three
     * letters or digits: such a word is inside nearly every name, and the search would read every service.
     */
    public boolean foundInsideWords() {
        return text.codePointCount(0, text.length()) >= SHORTEST_INSIDE;
    }

    /**
     * The text search query for the word endings that begin with this word ({@code search_parts}), as typed: a stem
     * would find far more than was asked for ("Schule" as 'schul' in "Schulden"). It has letters and digits only, so
     * it is a lexeme as it stands, and nothing in it is an operator of the query.
     */
    public String partsQuery() {
        return text + ":*";
    }
}
