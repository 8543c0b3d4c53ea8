package de.efa.marketplace.client;

/**
 * Text a broker sent, made storable. PostgreSQL's text cannot hold U+0000: a broker that sends it, as a raw byte or
 * escaped in its JSON, would make every write of its job fail, and the job would be taken up again and again without
 * ever ending. The character becomes U+FFFD, the replacement character, so that an operator still sees where it was.
 * Where a broker's text is passed on (a failure reason in a result event, whose size the outbox bounds) it is
 * {@linkplain #cut cut}, for the same reason.
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

    /**
     * The text's first {@code max} characters and "…" when it is longer, never ending between the two halves of a
     * surrogate pair; null stays null.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
