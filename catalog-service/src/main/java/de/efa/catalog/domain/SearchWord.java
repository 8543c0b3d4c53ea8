package de.efa.catalog.domain;

/**
 * A word of a search query: letters and digits only, in lower case, as it is looked for in the services' names,
 * summaries and keywords.
 */
public record SearchWord(String text) {

    private static final int SHORTEST_INSIDE = 3;

    /**
     * Whether the word is also found inside a longer word ("antrag" in "Bauantrag"). Not with fewer than three
     * letters or digits: such a word is inside nearly every name, and the search would read every service.
     */
    public boolean foundInsideWords() {
        return text.codePointCount(0, text.length()) >= SHORTEST_INSIDE;
    }

    /**
     * The text search query for the parts of words that begin with this word ({@code search_parts}): the word has
     * letters and digits only, so it is a lexeme as it stands.
     */
    public String partsQuery() {
        return text + ":*";
    }
}
