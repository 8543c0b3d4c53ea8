package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal in real headless Chromium against the running stack, as people use it: a visitor searches, Leipzig
 * registers, an operator approves it, Leipzig subscribes through the form generated from the plan's schema (a wrong
 * postcode is shown at its input) and sees its subscription ACTIVE, and the operator retries a failed job. Leipzig
 * then gives its invoice address and a mandate to the bundler KISA, which sees it among its clients and declares
 * Leipzig's interest in a plan reused by offer; the provider's staff answer it with an offer, and KISA concludes it.
 * KISA rolls a service out to its client and follows the rollout to its end, and Leipzig finds it in its list.
 * Last, the provider's staff look through their services and forms, and an operator through the figures, dead
 * letters, reconciliation, audit trail and the upload forms, so that nearly every page of the portal is opened once;
 * each confirmation page (a cancellation, an interest's withdrawal, a tenant's suspension) is opened and left by its
 * "Abbrechen". Every page opened is checked with axe-core; the README's screenshots are taken here.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalInTheBrowserIT {

    private static final String LEIPZIG = "14713000";
    /** The head of a municipality directory file (gemeinden.csv), as the import and the population upload read it. */
    private static final String DIRECTORY_HEADER = "ags,name,land_code,population,source_year\n";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Stack stack;
    private static Accounts accounts;
    private static String portal;
    private static String serviceId;
    private static String failingServiceId;
    private static String interestServiceId;
    private static String rolloutServiceId;
    private static Chromium leipzig;
    private static Chromium operator;
    private static Chromium kisa;
    private static String interestPage;

    @BeforeAll
    static void aPublishedServiceWithAConfigurationSchema(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        portal = stack.url(Service.PORTAL);
        Providers.registered(stack, accounts);
        serviceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(gewerbeanmeldung("gewerbeanmeldung-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
        as(stack, Service.CATALOG, accounts.client("provider-akdb")).post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200);
        failingServiceId = Providers.publishedByAkdb(stack, accounts, "portal-scheitert");
        interestServiceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(ServiceFixture.withInterestPlan("bauantrag-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
        as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .post("/api/v1/services/" + interestServiceId + "/publish").then().statusCode(200);
        rolloutServiceId = Providers.publishedByAkdb(stack, accounts, "portal-rollout");
        Bundlers.kisaRegistered(stack, accounts);
        leipzig = Chromium.start();
        operator = Chromium.start();
    }

    @AfterAll
    static void browsersClosed() {
        for (Chromium browser : new Chromium[] {leipzig, operator, kisa}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void aVisitorFindsTheServiceByGermanFullTextSearchAndReadsItsPage() {
        try (Chromium visitor = Chromium.start()) {
            visitor.open(portal + "/");
            visitor.driver().findElement(By.id("q")).sendKeys("Gewerbeanmeldungen");
            visitor.driver().findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
            visitor.waitForText(By.id("treffer-titel"), "1 Leistung gefunden");
            assertThat(visitor.driver().findElement(By.cssSelector(".facets")).getText())
                    .contains("Unternehmensführung & -entwicklung (1)");
            visitor.checked().screenshot("schaufenster");

            visitor.driver().findElement(By.linkText("Gewerbeanmeldung digital")).click();
            visitor.waitFor(By.cssSelector("h1"));
            String facts = visitor.checked().driver().findElement(By.cssSelector("dl.facts")).getText();
            assertThat(facts).contains("10294", "99050012104000", "Sachsen", "allen Ländern", "EfA-Marktplatz");
            visitor.screenshot("leistung");
        }
    }

    @Test
    @Order(2)
    void leipzigRegistersAndAnOperatorApprovesIt() {
        leipzig.open(portal + "/").driver().findElement(By.linkText("Anmelden")).click();
        leipzig.logInAs("leipzig");
        leipzig.waitFor(By.id("f-name")).sendKeys("Leipzig, Stadt");
        new Select(leipzig.driver().findElement(By.id("f-kind"))).selectByVisibleText("Kreisfreie Stadt");
        leipzig.driver().findElement(By.id("f-population")).sendKeys("628718");
        leipzig.driver().findElement(By.id("f-contactEmail")).sendKeys("onlinedienste@leipzig.example");
        leipzig.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        leipzig.waitForText(By.cssSelector("main"), "Wartet auf Freigabe");
        leipzig.checked();

        operator.open(portal + "/betrieb/kommunen");
        operator.logInAs("operator");
        operator.driver().findElement(By.cssSelector("button[aria-label='Leipzig, Stadt freigeben']")).click();
        operator.waitFor(By.cssSelector("main h1"));
        operator.checked();
        assertThat(operator.driver().findElement(By.tagName("main")).getText()).doesNotContain("Leipzig, Stadt");

        leipzig.open(portal + "/kommune");
        assertThat(leipzig.driver().findElement(By.tagName("main")).getText()).contains("Freigegeben");
    }

    @Test
    @Order(3)
    void leipzigSubscribesThroughTheGeneratedFormAndSeesItActive() {
        leipzig.open(portal + "/leistungen/" + serviceId);
        assertThat(leipzig.driver().findElement(By.tagName("main")).getText())
                .contains("Für Leipzig, Stadt:", "im Jahr");
        leipzig.driver().findElement(By.linkText("Plan „Standard“ abonnieren")).click();
        leipzig.waitFor(By.id("f-parameters-zustaendigeStelle-name"));
        leipzig.checked();
        fillIn(leipzig, "04A09");
        leipzig.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement postcode = leipzig.waitFor(By.id("f-parameters-zustaendigeStelle-anschrift-plz"));
        WebElement message = leipzig.driver().findElement(By.id("f-parameters-zustaendigeStelle-anschrift-plz-fehler"));
        assertThat(message.getText()).contains("genau 5 Ziffern");
        assertThat(postcode.getAttribute("aria-describedby")).contains(message.getAttribute("id"));
        assertThat(postcode.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(leipzig.driver().findElement(By.cssSelector(".error-summary")).getText()).contains("genau 5 Ziffern");
        leipzig.checked().screenshot("abonnieren");

        postcode.clear();
        postcode.sendKeys("04109");
        leipzig.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        leipzig.waitForText(By.id("abonnement-status"), "Aktiv");
        leipzig.checked();
        assertThat(leipzig.driver().findElement(By.linkText("Zur eigenen Instanz beim Anbieter")).getAttribute("href"))
                .startsWith(stack.url(Service.DEMO_PROVIDER));
        assertThat(leipzig.driver().findElement(By.tagName("main")).getText()).contains("Beantragt", "Wird eingerichtet");

        leipzig.driver().findElement(By.xpath("//button[text()='Abonnement kündigen']")).click();
        leipzig.waitFor(By.xpath("//button[text()='Ja, Abonnement kündigen']"));
        leipzig.checked().driver().findElement(By.linkText("Abbrechen, nichts kündigen")).click();
        leipzig.waitForText(By.id("abonnement-status"), "Aktiv");
    }

    @Test
    @Order(4)
    void anOperatorSeesTheFailedJobWithItsAttemptsAndRetriesIt() {
        // The tenant-service learns of the new service from the catalog topic; until then it answers 404.
        String failed = await().atMost(PATIENCE).until(PortalInTheBrowserIT::failingSubscription, id -> id != null);
        String jobId = await().atMost(PATIENCE).until(() -> failedJobOf(failed), id -> id != null);

        operator.open(portal + "/betrieb/auftraege?status=FAILED&ags=" + LEIPZIG);
        operator.driver().findElement(By.cssSelector("a[href='/betrieb/auftraege/" + jobId + "']")).click();
        operator.waitForText(By.id("auftrag-status"), "Fehlgeschlagen");
        int attempts = operator.checked().driver().findElements(By.cssSelector("main table tbody tr")).size();
        assertThat(attempts).isPositive();
        operator.screenshot("auftrag");

        operator.driver().findElement(By.xpath("//button[text()='Auftrag wiederholen']")).click();
        operator.waitFor(By.id("auftrag-status"));
        operator.checked();
        await().atMost(PATIENCE).until(() -> attemptsOf(jobId) > attempts);
    }

    @Test
    @Order(5)
    void leipzigGivesItsInvoiceAddressAndAMandateAndTheBundlerSeesItsClient() {
        leipzig.open(portal + "/kommune").driver().findElement(By.linkText("Rechnungsadresse ändern")).click();
        leipzig.waitFor(By.id("f-leitwegId")).sendKeys("14713000-LEIPZIG-85");
        leipzig.checked().driver().findElement(By.id("f-ars")).sendKeys("147130000000");
        leipzig.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        leipzig.waitForText(By.cssSelector("dl.facts"), "14713000-LEIPZIG-85");
        leipzig.checked().driver().findElement(By.linkText("Mandate für Bündler")).click();
        leipzig.waitFor(By.id("f-bundlerId")).sendKeys("kisa");
        leipzig.checked().driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        leipzig.waitFor(By.cssSelector("button[aria-label='Mandat für kisa widerrufen']"));
        leipzig.checked();

        kisa = Chromium.start();
        kisa.open(portal + "/").driver().findElement(By.linkText("Anmelden")).click();
        kisa.logInAs("kisa");
        assertThat(kisa.driver().findElement(By.cssSelector("main table")).getText())
                .contains("Leipzig, Stadt", LEIPZIG, "14713000-LEIPZIG-85");
    }

    @Test
    @Order(6)
    void theBundlerDeclaresLeipzigsInterestAndTheProviderAnswersItWithAnOffer() {
        kisa.open(portal + "/leistungen/" + interestServiceId);
        new Select(kisa.driver().findElement(By.id("f-fuer"))).selectByVisibleText("Leipzig, Stadt");
        kisa.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        kisa.waitFor(By.linkText("Interesse am Plan „Nachnutzung“ bekunden")).click();
        kisa.waitFor(By.id("f-parameters-zustaendigeStelle")).sendKeys("Stadt Leipzig, Bauaufsichtsamt");
        kisa.checked().driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        kisa.waitForText(By.id("abonnement-status"), "Interesse bekundet");
        interestPage = kisa.checked().driver().getCurrentUrl();

        try (Chromium akdb = Chromium.start()) {
            akdb.open(portal + "/anbieter/interessen");
            akdb.logInAs("akdb-redaktion");
            akdb.driver().findElement(By.cssSelector("a[aria-label^='Interessenbekundung von Leipzig, Stadt']")).click();
            akdb.waitFor(By.id("f-conditions-note")).sendKeys("Nachnutzung nach EfA-Mustervertrag, Anbindung an "
                    + "das Fachverfahren inklusive");
            akdb.checked().driver().findElement(By.id("f-conditions-setupFeeCents")).sendKeys("0");
            akdb.driver().findElement(By.id("f-conditions-annualCents")).sendKeys("3.600,00");
            akdb.screenshot("interesse");
            akdb.driver().findElement(By.xpath("//button[text()='Angebot senden']")).click();
            akdb.waitForText(By.cssSelector("main h1"), "Interessenbekundungen");
            assertThat(akdb.checked().driver()
                    .findElements(By.cssSelector("a[aria-label^='Interessenbekundung von Leipzig, Stadt']")))
                    .as("answered, the interest is no longer open").isEmpty();
        }
    }

    @Test
    @Order(7)
    void theBundlerConcludesTheOfferForLeipzigAndItBecomesActive() {
        kisa.open(interestPage);
        assertThat(kisa.driver().findElement(By.id("abonnement-status")).getText()).isEqualTo("Angebot liegt vor");
        assertThat(kisa.driver().findElement(By.id("angebot")).getText()).contains("3.600,00 €", "von Anbieter akdb");
        kisa.driver().findElement(By.xpath("//button[text()='Interessenbekundung zurückziehen']")).click();
        kisa.waitFor(By.xpath("//button[text()='Ja, Interessenbekundung zurückziehen']"));
        assertThat(kisa.checked().driver().findElement(By.tagName("main")).getText())
                .contains("Das Angebot des Anbieters verfällt");
        kisa.driver().findElement(By.linkText("Abbrechen, nichts zurückziehen")).click();
        kisa.waitForText(By.id("abonnement-status"), "Angebot liegt vor");
        kisa.driver().findElement(By.id("f-acceptedTerms")).click();
        kisa.screenshot("angebot");
        kisa.driver().findElement(By.xpath("//button[text()='Angebot annehmen']")).click();

        kisa.waitForText(By.id("abonnement-status"), "Aktiv");
        assertThat(kisa.checked().driver().findElement(By.cssSelector("ol.history")).getText())
                .contains("Interesse bekundet – von Bündler kisa", "von Anbieter akdb",
                        "Beantragt – von Bündler kisa");
    }

    @Test
    @Order(8)
    void theBundlerRollsAServiceOutToItsClientAndLeipzigFindsItAmongItsSubscriptions() {
        // The tenant-service learns of the new service from the catalog topic; until then a rollout would be refused.
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, accounts.user("leipzig"))
                .body(Map.of("serviceId", rolloutServiceId, "planId", "standard", "parameters", Map.of()))
                .post("/api/v1/tenants/" + LEIPZIG + "/subscriptions").statusCode() == 422);

        kisa.open(portal + "/rollouts").driver().findElement(By.id("neuer-rollout")).click();
        new Select(kisa.waitFor(By.id("f-angebot"))).selectByValue(rolloutServiceId + "/standard");
        kisa.checked().driver().findElement(By.xpath("//button[text()='Weiter']")).click();
        kisa.waitFor(By.id("f-select-ags-" + LEIPZIG)).click();
        assertThat(kisa.checked().driver().findElements(By.id("f-select-all"))).as("all municipalities").isEmpty();
        kisa.driver().findElement(By.id("f-parameters-zustaendigeStelle")).sendKeys("Stadt Leipzig, Fahrerlaubnisbehörde");
        kisa.driver().findElement(By.xpath("//button[text()='Rollout starten']")).click();

        kisa.waitForText(By.id("rollout-status"), "Abgeschlossen");
        assertThat(kisa.checked().driver().findElement(By.id("fortschritt-text")).getText())
                .contains("1 von 1 Kommune abgeschlossen (100 %)");
        assertThat(kisa.driver().findElement(By.id("kommunen")).getText()).contains("Leipzig, Stadt", "Aktiv");
        kisa.screenshot("rollout");

        String rolledOut = as(stack, Service.TENANT, accounts.user("leipzig")).queryParam("size", 100)
                .get("/api/v1/tenants/" + LEIPZIG + "/subscriptions").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.serviceId == '" + rolloutServiceId + "' }.id");
        leipzig.open(portal + "/kommunen/" + LEIPZIG + "/abonnements");
        assertThat(leipzig.driver().findElement(By.cssSelector("main table")).getText())
                .contains("Gewerbeanmeldung digital", "Digitaler Bauantrag");
        assertThat(leipzig.driver().findElement(By.xpath("//a[contains(@href, '/abonnements/" + rolledOut
                + "')]/ancestor::tr")).getText()).contains("Aktiv");
    }

    @Test
    @Order(9)
    void theProviderLooksThroughItsServicesAndTheirForms() {
        try (Chromium akdb = Chromium.start()) {
            akdb.open(portal + "/").driver().findElement(By.linkText("Anmelden")).click();
            akdb.logInAs("akdb-redaktion");
            assertThat(heading(akdb)).isEqualTo("Meine Leistungen");
            assertThat(akdb.driver().findElement(By.cssSelector("main table")).getText())
                    .contains("Gewerbeanmeldung digital", "Veröffentlicht");

            akdb.driver().findElement(By.cssSelector("a[href='/anbieter/leistungen/" + serviceId + "']")).click();
            akdb.waitForText(By.cssSelector("main h1"), "Leistung bearbeiten");
            assertThat(akdb.checked().driver().findElement(By.id("f-name")).getAttribute("value"))
                    .isEqualTo("Gewerbeanmeldung digital");

            // An empty new service is refused by the catalog: the form shows what is missing, at its inputs.
            akdb.open(portal + "/anbieter/leistungen/neu");
            akdb.driver().findElement(By.xpath("//button[text()='Speichern']")).click();
            akdb.waitForText(By.cssSelector(".error-summary"), "Pflichtangabe");
            assertThat(heading(akdb.checked())).isEqualTo("Neue Leistung anlegen");

            // A link to a service that is not (or no longer) there ends on the portal's error page.
            akdb.open(portal + "/anbieter/leistungen/" + UUID.randomUUID());
            assertThat(heading(akdb)).isEqualTo("Nicht gefunden");
        }
    }

    @Test
    @Order(10)
    void anOperatorLooksThroughTheFiguresDeadLettersReconciliationAuditTrailAndUploadForms() {
        operator.open(portal + "/betrieb");
        assertThat(heading(operator)).isEqualTo("Kennzahlen der Bereitstellung");
        assertThat(operator.driver().findElement(By.id("dauer")).getText())
                .contains("Dauer vom Antrag bis „Aktiv“");

        operator.open(portal + "/betrieb/kommunen?status=ACTIVE").driver()
                .findElement(By.cssSelector("button[aria-label='Leipzig, Stadt sperren']")).click();
        operator.waitFor(By.xpath("//button[text()='Ja, Leipzig, Stadt sperren']"));
        operator.checked().driver().findElement(By.linkText("Abbrechen, nichts sperren")).click();
        operator.waitFor(By.cssSelector("button[aria-label='Leipzig, Stadt sperren']"));

        operator.open(portal + "/betrieb/unzustellbar");
        assertThat(heading(operator)).isEqualTo("Unlesbare Nachrichten");

        // A run is started here so that its live result, not only the empty list of findings, is checked too.
        operator.open(portal + "/betrieb/abgleich").driver()
                .findElement(By.xpath("//button[text()='Abgleich jetzt starten']")).click();
        operator.waitForText(By.id("lauf-status"), "Abgeschlossen");
        assertThat(operator.checked().driver().findElement(By.id("lauf-zahlen")).getText()).contains("Instanzen");

        operator.open(portal + "/betrieb/protokoll?target=tenant:" + LEIPZIG);
        assertThat(operator.driver().findElement(By.cssSelector("main table")).getText())
                .contains("tenant.register", "tenant.approve");

        // Files that change nothing, so that the result pages are checked without touching the shared stack's
        // tenants: Leipzig is registered already and the second line is refused; no tenant has the AGS 16999999.
        operator.open(portal + "/betrieb/import");
        assertThat(heading(operator)).isEqualTo("Kommunen importieren");
        upload(operator, DIRECTORY_HEADER + LEIPZIG + ",\"Leipzig, Stadt\",14,628718,2024\n123,Irgendwo,14,100,2024\n",
                "Kommunen importieren");
        assertThat(operator.driver().findElement(By.id("vorhanden")).getText()).isEqualTo("1 Kommune");
        assertThat(operator.driver().findElement(By.id("angelegt")).getText()).isEqualTo("0 Kommunen");
        assertThat(operator.driver().findElement(By.cssSelector("#abgelehnt tbody")).getText()).startsWith("3 ");

        operator.open(portal + "/betrieb/einwohnerzahlen");
        assertThat(heading(operator)).isEqualTo("Einwohnerzahlen");
        upload(operator, DIRECTORY_HEADER + "16999999,Niemandsdorf,16,100,2024\n", "Einwohnerzahlen übernehmen");
        assertThat(operator.driver().findElement(By.id("unbekannt")).getAttribute("textContent")).isEqualTo("16999999");
    }

    /** Chooses a file with this content in the page's upload form, sends it and checks the page that answers. */
    private static void upload(Chromium browser, String csv, String button) {
        Path file = null;
        try {
            file = Files.createTempFile("gemeinden", ".csv");
            Files.writeString(file, csv);
            browser.driver().findElement(By.cssSelector("input#f-datei[type=file]"))
                    .sendKeys(file.toAbsolutePath().toString());
            browser.driver().findElement(By.xpath("//button[text()='" + button + "']")).click();
            browser.waitFor(By.id("ergebnis"));
            browser.checked();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static void fillIn(Chromium browser, String postcode) {
        Map<String, String> inputs = Map.of(
                "f-parameters-zustaendigeStelle-name", "Stadt Leipzig, Ordnungsamt, Gewerbeangelegenheiten",
                "f-parameters-zustaendigeStelle-anschrift-strasse", "Martin-Luther-Ring 4-6",
                "f-parameters-zustaendigeStelle-anschrift-plz", postcode,
                "f-parameters-zustaendigeStelle-anschrift-ort", "Leipzig",
                "f-parameters-zustaendigeStelle-email", "gewerbe@leipzig.de",
                "f-parameters-postfach-adresse", "fit-connect:zustellpunkt:14713000");
        inputs.forEach((id, value) -> browser.driver().findElement(By.id(id)).sendKeys(value));
        new Select(browser.driver().findElement(By.id("f-parameters-postfach-art"))).selectByVisibleText("FIT_CONNECT");
    }

    private static String heading(Chromium browser) {
        return browser.driver().findElement(By.cssSelector("main h1")).getText();
    }

    private static String failingSubscription() {
        var answer = as(stack, Service.TENANT, accounts.user("leipzig"))
                .body(Map.of("serviceId", failingServiceId, "planId", "standard-fails",
                        "parameters", ServiceFixture.parametersOfHalle()))
                .post("/api/v1/tenants/" + LEIPZIG + "/subscriptions");
        return answer.statusCode() == 202 ? answer.path("id") : null;
    }

    private static String failedJobOf(String subscriptionId) {
        List<Map<String, Object>> jobs = as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .queryParam("ags", LEIPZIG).queryParam("status", "FAILED").get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return jobs.stream().filter(job -> subscriptionId.equals(job.get("subscriptionId")))
                .map(job -> (String) job.get("id")).findFirst().orElse(null);
    }

    private static int attemptsOf(String jobId) {
        return as(stack, Service.MARKETPLACE, accounts.user("operator")).get("/api/v1/provisioning/jobs/" + jobId)
                .then().statusCode(200).extract().jsonPath().getList("attempts").size();
    }

    /** An EfA service whose plans ask for nested configuration: the Zuständigkeit with its address, the Postfach. */
    private static String gewerbeanmeldung(String slug) {
        String pricing = """
                {"setupFeeCents": 80000, "annualBaseCents": 150000, "annualPerInhabitantCents": 1}""";
        String parameters = """
                {"type": "object", "required": ["zustaendigeStelle", "postfach"], "properties": {
                  "zustaendigeStelle": {"type": "object", "title": "Zuständige Stelle",
                    "description": "Die Stelle der Kommune, die die Anzeigen bearbeitet",
                    "required": ["name", "anschrift", "email"], "properties": {
                      "name": {"type": "string", "minLength": 1, "examples": ["Stadt Leipzig, Ordnungsamt"]},
                      "anschrift": {"type": "object", "required": ["strasse", "plz", "ort"], "properties": {
                        "strasse": {"type": "string", "title": "Straße und Hausnummer", "minLength": 1},
                        "plz": {"type": "string", "title": "Postleitzahl", "pattern": "^[0-9]{5}$"},
                        "ort": {"type": "string", "minLength": 1}}},
                      "email": {"type": "string", "title": "E-Mail-Adresse", "format": "email"}}},
                  "postfach": {"type": "object", "title": "Behördenpostfach", "required": ["art", "adresse"],
                    "properties": {
                      "art": {"type": "string", "enum": ["BUNDID", "FIT_CONNECT", "OSCI_XTA"]},
                      "adresse": {"type": "string", "minLength": 1}}}}}""";
        return """
                {"slug": "%s", "name": "Gewerbeanmeldung digital",
                 "summary": "Gewerbe online anmelden, ummelden und abmelden",
                 "description": "Anzeige nach § 14 GewO an die zuständige Stelle der Kommune.",
                 "keywords": ["Gewerbe", "Gewerbeanzeige"], "leikaKeys": ["99050012104000"], "ozgId": "10294",
                 "themenfeld": "unternehmensfuehrung", "leadLand": "14", "availableIn": [],
                 "reuseModels": ["EFA_MARKTPLATZ"], "languages": ["de"],
                 "plans": [{"id": "standard", "name": "Standard", "description": "Betrieb als SaaS",
                            "pricing": %s, "parameters": %s}]}""".formatted(slug, pricing, parameters);
    }
}
