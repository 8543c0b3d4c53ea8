package de.efa.bench.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The searchable words of a German service name, and the inflected forms in which citizens type them. */
public final class SearchTerms {

    /** Genitive, plural and dative endings as they appear in queries ("Führerscheins", "Anträgen"). */
    private static final List<String> ENDINGS = List.of("", "", "s", "es", "e", "en", "n");

    private SearchTerms() {
    }

    /** Words of at least four letters; hyphenated and slashed compounds are split, punctuation dropped. */
    public static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s/(),;:.„“\"-]+"))
                .filter(word -> word.length() >= 4 && word.chars().allMatch(Character::isLetter))
                .toList();
    }

    /** The word with one of the common endings, sometimes lower-cased as people type. */
    public static String inflect(String word, int choice) {
        String ending = ENDINGS.get(Math.floorMod(choice, ENDINGS.size()));
        String inflected = word.endsWith("e") && ending.startsWith("e") ? word + ending.substring(1) : word + ending;
        return choice % 3 == 0 ? inflected.toLowerCase(Locale.GERMAN) : inflected;
    }
}
