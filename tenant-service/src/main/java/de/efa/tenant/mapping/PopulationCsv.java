package de.efa.tenant.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Tenant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The municipality directory extract ({@code gemeinden.csv}): the header {@code ags,name,land_code,population,
 * source_year}, then one line per municipality, RFC 4180 quoting (names such as {@code "Leipzig, Stadt"} have
 * commas). Read for two uses: new populations, where a file is taken whole or not at all ({@link #read}), and the
 * import of tenants, where each bad line is refused on its own ({@link #parse}). Either way every bad line is named
 * with its reasons, by its number in the file (the header is line 1).
 */
public final class PopulationCsv {

    public static final String HEADER = "ags,name,land_code,population,source_year";

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private PopulationCsv() {
    }

    /** One municipality as the file gives it. */
    public record Figure(Ags ags, String name, long population) {
    }

    /** A line that cannot be used, by its number in the file, and everything wrong with it. */
    public record Rejection(int line, List<String> reasons) {
    }

    /** The good lines of a file in its order, and the bad ones. */
    public record Lines(List<Figure> figures, List<Rejection> rejections) {
    }

    /**
     * The file's text, in the charset it was declared in, UTF-8 when none was (a byte order mark before it is fine).
     * Decoded strictly: a file in another encoding than the one it names (a spreadsheet's Windows-1252 export sent as
     * UTF-8) would otherwise give names with replacement characters, which importing the right file later cannot mend,
     * since a tenant that exists is left as it is.
     *
     * @throws ProblemException 400 {@code malformed-csv} naming an unknown charset, or the first line that is not in
     *                          the charset
     */
    public static String text(byte[] file, Optional<String> declared) {
        Charset charset = declared.map(PopulationCsv::charset).orElse(StandardCharsets.UTF_8);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(file);
        CharBuffer text = CharBuffer.allocate((int) Math.ceil(file.length * (double) decoder.maxCharsPerByte()));
        CoderResult result = decoder.decode(bytes, text, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < bytes.position(); i++) {
                if (file[i] == '\n') {
                    line++;
                }
            }
            throw malformed(List.of(new Violation("line " + line, "is not " + charset.name() + " (byte "
                    + (bytes.position() + 1) + " of the file); save the file as UTF-8, or name its charset")));
        }
        decoder.flush(text);
        return text.flip().toString();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw malformed(List.of(new Violation("Content-Type", "names the charset '" + name
                    + "', which is not known; send the file as UTF-8")));
        }
    }

    /**
     * @return the figures in the order of the file
     * @throws ProblemException 400 {@code malformed-csv}, listing each bad line
     */
    public static List<Figure> read(String text) {
        Lines lines = parse(text);
        if (!lines.rejections().isEmpty()) {
            throw malformed(violations(lines.rejections()));
        }
        return lines.figures();
    }

    /**
     * The good lines and the bad ones, each bad line with its reasons.
     *
     * @throws ProblemException 400 {@code malformed-csv} when the file is no municipality directory at all: another
     *                          header, no header, or text that is not CSV (a quote left open), after which no line
     *                          can be told from the next
     */
    public static Lines parse(String text) {
        List<Rejection> rejections = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        Map<Ags, Integer> lineOf = new HashMap<>();
        try (JsonParser parser = CSV.getFactory().createParser(text == null ? "" : text)) {
            boolean header = true;
            int line = 0;
            List<String> row = new ArrayList<>();
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_ARRAY) {
                        line = parser.currentLocation().getLineNr();
                        row = new ArrayList<>();
                    } else if (token == JsonToken.VALUE_STRING) {
                        row.add(parser.getText());
                    } else if (token == JsonToken.END_ARRAY && !row.isEmpty()) {
                        if (header) {
                            header = false;
                            if (!isHeader(row)) {
                                throw malformed(List.of(new Violation("line " + line, "must be the header " + HEADER
                                        + ", not " + String.join(",", row))));
                            }
                        } else {
                            check(line, row, lineOf, figures, rejections);
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                // A quote left open or a character after one: what follows cannot be told apart any more.
                List<Violation> violations = new ArrayList<>(violations(rejections));
                violations.add(new Violation("line " + Math.max(line, 1), "is not CSV: " + e.getOriginalMessage()));
                throw malformed(violations);
            }
            if (header) {
                throw malformed(List.of(new Violation("line 1", "must be the header " + HEADER
                        + ", but the file is empty")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new Lines(figures, rejections);
    }

    private static void check(int line, List<String> row, Map<Ags, Integer> lineOf, List<Figure> figures,
            List<Rejection> rejections) {
        if (row.size() != COLUMNS.size()) {
            rejections.add(new Rejection(line, List.of("has " + row.size() + " columns, not the " + COLUMNS.size()
                    + " of " + HEADER)));
            return;
        }
        List<String> problems = new ArrayList<>();
        Ags ags = null;
        try {
            ags = Ags.of(row.get(0));
        } catch (IllegalArgumentException e) {
            problems.add("ags '" + row.get(0) + "' " + e.getMessage());
        }
        if (row.get(1).isBlank()) {
            problems.add("name must not be blank");
        }
        if (ags != null && !ags.land().code().equals(row.get(2))) {
            problems.add("land_code '" + row.get(2) + "' is not the Land of AGS " + ags + " (" + ags.land().code()
                    + ")");
        }
        if (!WHOLE_NUMBER.matcher(row.get(3)).matches()) {
            problems.add("population '" + row.get(3) + "' is not a whole number of 0 or more");
        } else if (!Tenant.isPopulation(Long.parseLong(row.get(3)))) {
            problems.add("population " + row.get(3) + " is more than " + Tenant.MAX_POPULATION);
        }
        if (!YEAR.matcher(row.get(4)).matches()) {
            problems.add("source_year '" + row.get(4) + "' is not a year");
        }
        // A later line of the same AGS is refused only after a usable one: a bad first line does not cost the good.
        Integer first = ags == null ? null : lineOf.get(ags);
        if (first != null) {
            problems.add("AGS " + ags + " is on line " + first + " already");
        }
        if (problems.isEmpty()) {
            lineOf.put(ags, line);
            figures.add(new Figure(ags, row.get(1).strip(), Long.parseLong(row.get(3))));
        } else {
            rejections.add(new Rejection(line, List.copyOf(problems)));
        }
    }

    private static List<Violation> violations(List<Rejection> rejections) {
        return rejections.stream().flatMap(rejection -> rejection.reasons().stream()
                .map(reason -> new Violation("line " + rejection.line(), reason))).toList();
    }

    /** The header as written, also after a byte order mark, which spreadsheet programs put before UTF-8. */
    private static boolean isHeader(List<String> row) {
        List<String> names = new ArrayList<>(row);
        names.set(0, names.get(0).replace("\uFEFF", ""));
        return names.equals(COLUMNS);
    }

    private static ProblemException malformed(List<Violation> problems) {
        return new ProblemException(400, "malformed-csv", "Malformed CSV file", (problems.size() == 1
                ? "1 problem" : problems.size() + " problems") + " in the file; nothing was changed", problems);
    }
}
