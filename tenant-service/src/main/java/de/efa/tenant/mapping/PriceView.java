package de.efa.tenant.mapping;

import de.efa.tenant.domain.PriceSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PriceSnapshot", description = "What the plan costs this tenant, in euro cents, with the rates and the "
        + "population it was computed from: `annualCents` = `annualBaseCents` + `population` × "
        + "`annualPerInhabitantCents`. Fixed when subscribing (or the offered prices, an offered annual price as a "
        + "flat base); a new population is priced with these rates, a later price change of the plan never")
public record PriceView(
        @Schema(example = "50000") long setupFeeCents,
        @Schema(example = "1343700") long annualCents,
        @Schema(example = "120000") long annualBaseCents,
        @Schema(example = "2") long annualPerInhabitantCents,
        @Schema(example = "611850") long population) {

    static PriceView of(PriceSnapshot price) {
        return new PriceView(price.setupFeeCents(), price.annualCents(), price.annualBaseCents(),
                price.annualPerInhabitantCents(), price.population());
    }
}
