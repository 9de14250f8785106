package io.tiergate.identity.screening.lists;

import java.util.Objects;

/** The loader of each {@link ListFormat}. Loaders hold no state, so one may be shared. */
public final class ListLoaders {

    private ListLoaders() {}

    public static ListLoader forFormat(ListFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case OFAC_SDN_XML -> new OfacSdnXmlLoader();
            case OFAC_SDN_CSV -> new OfacSdnCsvLoader();
            case UN_XML -> new UnConsolidatedXmlLoader();
            case EU_XML -> new EuFsfXmlLoader();
            case UK_OFSI_CSV -> new UkOfsiCsvLoader();
            case OPENSANCTIONS_FTM -> new OpenSanctionsFtmLoader();
        };
    }
}
