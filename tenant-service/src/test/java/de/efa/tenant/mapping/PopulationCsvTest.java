package de.efa.tenant.mapping;

import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.tenant.domain.Ags;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The population file is read as CSV, quotes and all, and refused as a whole with every bad line named. */
class PopulationCsvTest {

    private static final String HEADER = "ags,name,land_code,population,source_year\n";

    @Test
    void theMunicipalityDirectoryOfTheBenchmarksIsReadWhole() throws Exception {
        String directory = Files.readString(Path.of("../deploy/bench/src/main/resources/data/gemeinden.csv"),
                StandardCharsets.UTF_8);

        List<PopulationCsv.Figure> figures = PopulationCsv.read(directory);

        assertThat(figures).hasSize(10_751);
        assertThat(figures.get(0))
                .isEqualTo(new PopulationCsv.Figure(Ags.of("01001000"), "Flensburg, Stadt", 96_326));
    }

    @Test
    void quotedNamesWithCommasAndLineBreaksABomAndBlankLinesAreFine() {
        List<PopulationCsv.Figure> figures = PopulationCsv.read("\uFEFF" + HEADER
                + "14713000,\"Leipzig, Stadt\",14,628718,2024\n"
                + "\n"
                + "05315000,\"Köln,\nStadt\",05,1024621,2024\r\n"
                + "15002000,Halle (Saale),15,0,2024");

        assertThat(figures).containsExactly(new PopulationCsv.Figure(Ags.of("14713000"), "Leipzig, Stadt", 628_718),
                new PopulationCsv.Figure(Ags.of("05315000"), "Köln,\nStadt", 1_024_621),
                new PopulationCsv.Figure(Ags.of("15002000"), "Halle (Saale)", 0));
        assertThat(PopulationCsv.read(HEADER)).isEmpty();
    }

    @Test
    void parsingKeepsTheGoodLinesAndNamesTheBadOnesEachWithAllItsReasons() {
        PopulationCsv.Lines lines = PopulationCsv.parse(HEADER
                + "14713000,\"Leipzig, Stadt\",14,628718,2024\n"
                + "1234,,14,viele,2024\n"
                + "14713000,Leipzig,14,1,2024\n"
                + "14729010,Bad Lausick,14,8000,2024\n");

        assertThat(lines.figures()).containsExactly(
                new PopulationCsv.Figure(Ags.of("14713000"), "Leipzig, Stadt", 628_718),
                new PopulationCsv.Figure(Ags.of("14729010"), "Bad Lausick", 8_000));
        assertThat(lines.rejections()).containsExactly(
                new PopulationCsv.Rejection(3, List.of("ags '1234' must be 8 digits", "name must not be blank",
                        "population 'viele' is not a whole number of 0 or more")),
                new PopulationCsv.Rejection(4, List.of("AGS 14713000 is on line 2 already")));
    }

    @Test
    void aLaterLineOfAnAgsIsImportedWhenItsFirstLineWasBad() {
        PopulationCsv.Lines lines = PopulationCsv.parse(HEADER
                + "14713000,Leipzig,14,abc,2024\n"
                + "14713000,\"Leipzig, Stadt\",14,628718,2024\n"
                + "14713000,Leipzig,14,1,2024\n");

        assertThat(lines.figures()).containsExactly(
                new PopulationCsv.Figure(Ags.of("14713000"), "Leipzig, Stadt", 628_718));
        assertThat(lines.rejections()).containsExactly(
                new PopulationCsv.Rejection(2, List.of("population 'abc' is not a whole number of 0 or more")),
                new PopulationCsv.Rejection(4, List.of("AGS 14713000 is on line 3 already")));
    }

    @Test
    void aPopulationOfMoreThanAHundredMillionIsATypo() {
        PopulationCsv.Lines lines = PopulationCsv.parse(HEADER
                + "14713000,Leipzig,14,100000000,2024\n"
                + "05315000,Köln,05,100000001,2024\n"
                + "15002000,Halle,15,999999999999999999,2024\n");

        assertThat(lines.figures()).containsExactly(
                new PopulationCsv.Figure(Ags.of("14713000"), "Leipzig", 100_000_000));
        assertThat(lines.rejections()).containsExactly(
                new PopulationCsv.Rejection(3, List.of("population 100000001 is more than 100000000")),
                new PopulationCsv.Rejection(4, List.of("population 999999999999999999 is more than 100000000")));
    }

    @Test
    void aFileIsReadInTheCharsetItNamesOrUtf8AndOneInAnotherEncodingIsRefusedNamingTheLine() {
        String directory = HEADER + "05315000,Köln,05,1024621,2024\n";

        assertThat(PopulationCsv.text(directory.getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .isEqualTo(directory);
        assertThat(PopulationCsv.text(("\uFEFF" + directory).getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .isEqualTo("\uFEFF" + directory);
        assertThat(PopulationCsv.text(directory.getBytes(StandardCharsets.ISO_8859_1), Optional.of("windows-1252")))
                .isEqualTo(directory);

        ProblemException notUtf8 = refusedText(directory.getBytes(StandardCharsets.ISO_8859_1), Optional.empty());
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.typeSlug()).isEqualTo("malformed-csv");
        assertThat(notUtf8.violations()).containsExactly(new Violation("line 2",
                "is not UTF-8 (byte 53 of the file); save the file as UTF-8, or name its charset"));
        assertThat(refusedText(directory.getBytes(StandardCharsets.UTF_8), Optional.of("klingonisch")).violations())
                .containsExactly(new Violation("Content-Type",
                        "names the charset 'klingonisch', which is not known; send the file as UTF-8"));
    }

    @Test
    void everyBadLineIsNamedWithItsReason() {
        ProblemException problem = refused(HEADER
                + "14713000,\"Leipzig, Stadt\",14,628718,2024\n"
                + "14713000,Leipzig,14,628719,2024\n"
                + "1471300,Kurz,14,1,2024\n"
                + "17000000,Nirgendwo,17,1,2024\n"
                + "05315000,Köln,14,1,2024\n"
                + "14729010,Bad Lausick,14,-5,2024\n"
                + "14729020,Belgershain,14,3.5,2024\n"
                + "14729030,Bennewitz,14,5000\n"
                + "14729040,,14,5000,24\n"
                + "14729050,\"Borsdorf\",14,8000,2024,extra\n");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.typeSlug()).isEqualTo("malformed-csv");
        assertThat(problem.getMessage()).isEqualTo("10 problems in the file; nothing was changed");
        assertThat(problem.violations()).containsExactly(
                new Violation("line 3", "AGS 14713000 is on line 2 already"),
                new Violation("line 4", "ags '1471300' must be 8 digits"),
                new Violation("line 5", "ags '17000000' must start with a Land code from 01 to 16, not 17"),
                new Violation("line 6", "land_code '14' is not the Land of AGS 05315000 (05)"),
                new Violation("line 7", "population '-5' is not a whole number of 0 or more"),
                new Violation("line 8", "population '3.5' is not a whole number of 0 or more"),
                new Violation("line 9", "has 4 columns, not the 5 of ags,name,land_code,population,source_year"),
                new Violation("line 10", "name must not be blank"),
                new Violation("line 10", "source_year '24' is not a year"),
                new Violation("line 11", "has 6 columns, not the 5 of ags,name,land_code,population,source_year"));
    }

    @Test
    void anotherHeaderAnEmptyFileAndAnOpenQuoteAreRefused() {
        assertThat(refused("ags;name;land_code;population;source_year\n14713000;Leipzig;14;1;2024\n").violations())
                .containsExactly(new Violation("line 1", "must be the header ags,name,land_code,population,"
                        + "source_year, not ags;name;land_code;population;source_year"));
        assertThat(refused("").violations()).containsExactly(new Violation("line 1",
                "must be the header ags,name,land_code,population,source_year, but the file is empty"));
        List<Violation> openQuote = refused(HEADER + "14713000,\"Leipzig, Stadt,14,628718,2024\n"
                + "05315000,Köln,05,1,2024\n").violations();
        assertThat(openQuote).containsExactly(new Violation("line 2", "is not CSV: Missing closing quote for value"));
    }

    private static ProblemException refusedText(byte[] file, Optional<String> charset) {
        Throwable thrown = catchThrowable(() -> PopulationCsv.text(file, charset));
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }

    private static ProblemException refused(String csv) {
        Throwable thrown = catchThrowable(() -> PopulationCsv.read(csv));
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }
}
