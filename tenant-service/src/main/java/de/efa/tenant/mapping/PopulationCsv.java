package de.efa.tenant.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.tenant.domain.Ags;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Population figures in the format of the municipality directory extract ({@code gemeinden.csv}): the header
 * {@code ags,name,land_code,population,source_year}, then one line per municipality, RFC 4180 quoting (names such as
 * {@code "Leipzig, Stadt"} have commas). A file is taken whole or not at all: every bad line is named with its reason,
 * by its number in the file (the header is line 1), before anything is used.
 */
public final class PopulationCsv {

    public static final String HEADER = "ags,name,land_code,population,source_year";

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private PopulationCsv() {
    }

    /** One municipality's population, as the file gives it. */
    public record Figure(Ags ags, long population) {
    }

    /**
     * @return the figures in the order of the file
     * @throws ProblemException 400 {@code malformed-csv}, listing each bad line
     */
    public static List<Figure> read(String text) {
        List<Violation> problems = new ArrayList<>();
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
                            check(line, row, lineOf, figures, problems);
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                // A quote left open or a character after one: what follows cannot be told apart any more.
                problems.add(new Violation("line " + Math.max(line, 1), "is not CSV: " + e.getOriginalMessage()));
            }
            if (header && problems.isEmpty()) {
                problems.add(new Violation("line 1", "must be the header " + HEADER + ", but the file is empty"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (!problems.isEmpty()) {
            throw malformed(problems);
        }
        return figures;
    }

    private static void check(int line, List<String> row, Map<Ags, Integer> lineOf, List<Figure> figures,
            List<Violation> problems) {
        String where = "line " + line;
        if (row.size() != COLUMNS.size()) {
            problems.add(new Violation(where, "has " + row.size() + " columns, not the " + COLUMNS.size() + " of "
                    + HEADER));
            return;
        }
        int before = problems.size();
        Ags ags = null;
        try {
            ags = Ags.of(row.get(0));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(where, "ags '" + row.get(0) + "' " + e.getMessage()));
        }
        if (row.get(1).isBlank()) {
            problems.add(new Violation(where, "name must not be blank"));
        }
        if (ags != null && !ags.land().code().equals(row.get(2))) {
            problems.add(new Violation(where, "land_code '" + row.get(2) + "' is not the Land of AGS " + ags
                    + " (" + ags.land().code() + ")"));
        }
        if (!WHOLE_NUMBER.matcher(row.get(3)).matches()) {
            problems.add(new Violation(where, "population '" + row.get(3) + "' is not a whole number of 0 or more"));
        }
        if (!YEAR.matcher(row.get(4)).matches()) {
            problems.add(new Violation(where, "source_year '" + row.get(4) + "' is not a year"));
        }
        if (ags != null) {
            Integer first = lineOf.putIfAbsent(ags, line);
            if (first != null) {
                problems.add(new Violation(where, "AGS " + ags + " is on line " + first + " already"));
            }
        }
        if (problems.size() == before) {
            figures.add(new Figure(ags, Long.parseLong(row.get(3))));
        }
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
