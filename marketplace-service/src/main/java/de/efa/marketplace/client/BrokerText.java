package de.efa.marketplace.client;

/**
 * Text a broker sent, made storable. PostgreSQL's text cannot hold U+0000: a broker that sends it, as a raw byte or
 * escaped in its JSON, would make every write of its job fail, and the job would be taken up again and again without
 * ever ending. The character becomes U+FFFD, the replacement character, so that an operator still sees where it was.
 */
public final class BrokerText {

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private BrokerText() {
    }

    /** The text with every U+0000 replaced; null stays null. */
    public static String storable(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }
}
