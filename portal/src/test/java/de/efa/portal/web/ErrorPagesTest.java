package de.efa.portal.web;

import de.efa.portal.client.Problem;
import de.efa.portal.client.ServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Leistungskatalog | Der Leistungskatalog erlaubt | im Leistungskatalog | Der Leistungskatalog hat den Schritt | vom Leistungskatalog",
            "Kommunenverwaltung | Die Kommunenverwaltung erlaubt | in der Kommunenverwaltung | Die Kommunenverwaltung hat den Schritt | von der Kommunenverwaltung",
            "Bereitstellung | Die Bereitstellung erlaubt | in der Bereitstellung | Die Bereitstellung hat den Schritt | von der Bereitstellung"})
    void eachServiceIsNamedWithTheArticleOfItsGender(String service, String forbidden, String notFound,
                                                      String conflict, String unauthorized) {
        assertThat(page(service, 403, null).message()).startsWith(forbidden);
        assertThat(page(service, 404, null).message()).contains(notFound + " nicht");
        assertThat(page(service, 409, null).message()).startsWith(conflict);
        assertThat(page(service, 401, null).message()).contains(unauthorized + " nicht anerkannt");
        assertThat(page(service, 400, null).message()).startsWith(forbidden.replace("erlaubt", "hat die Angaben"));
        assertThat(page(service, 500, null).title()).startsWith(forbidden.replace(" erlaubt", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403 | You may act only for your own municipality, or as a bundler for a municipality that gave you a mandate | Sie dürfen nur für Ihre eigene Kommune handeln oder als Bündler für eine Kommune, die Ihnen ein Mandat erteilt hat.",
            "403 | You may act only for your own municipality | Sie dürfen nur für Ihre eigene Kommune handeln.",
            "404 | There is no service 9444ab8a-1b2c-4d5e-8f90-0a1b2c3d4e5f | Eine Leistung mit der Kennung 9444ab8a-1b2c-4d5e-8f90-0a1b2c3d4e5f gibt es hier nicht.",
            "404 | No tenant with AGS 15002000 is registered | Unter dem Gemeindeschlüssel 15002000 ist keine Kommune registriert.",
            "409 | Service 9444ab8a-1b2c-4d5e-8f90-0a1b2c3d4e5f is not offered in Nordrhein-Westfalen | Die Leistung 9444ab8a-1b2c-4d5e-8f90-0a1b2c3d4e5f ist für Nordrhein-Westfalen nicht zur Nachnutzung freigegeben.",
            "409 | something new | something new"})
    void theServicesHintReadsGerman(int status, String english, String german) {
        assertThat(page("Kommunenverwaltung", status, english).detail()).isEqualTo(german);
    }

    private static ErrorPages.ErrorPage page(String service, int status, String detail) {
        return ErrorPages.pageFor(new ServiceException(service, status, new Problem(null, null, status, detail, null)));
    }
}
