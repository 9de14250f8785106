package io.tiergate.identity.screening.lists;

import java.util.Locale;

/** The list layouts Tiergate reads, each in its publisher's official layout. */
public enum ListFormat {

    /** US Treasury OFAC {@code sdn.xml}. */
    OFAC_SDN_XML,
    /** US Treasury OFAC {@code sdn.csv} (optionally with {@code alt.csv}, see {@link OfacSdnCsvLoader}). */
    OFAC_SDN_CSV,
    /** UN Security Council consolidated list, {@code consolidated.xml}. */
    UN_XML,
    /** EU Financial Sanctions Files, full list XML ({@code xmlFullSanctionsList_1_1}). */
    EU_XML,
    /** UK OFSI consolidated list of asset freeze targets, {@code ConList.csv} (2022 format). */
    UK_OFSI_CSV,
    /** OpenSanctions FollowTheMoney JSON lines ({@code entities.ftm.json} or {@code targets.nested.json}). */
    OPENSANCTIONS_FTM;

    /** The token in configuration: {@code ofac-sdn-xml}, {@code un-xml}, ... */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses "ofac-sdn-xml", "ofac-sdn-csv", "un-xml", "eu-xml", "uk-ofsi-csv", "opensanctions-ftm"
     * (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ListFormat parse(String token) {
        if (token != null) {
            for (ListFormat format : values()) {
                if (format.token().equalsIgnoreCase(token.strip())) {
                    return format;
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (ListFormat format : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(format.token());
        }
        throw new IllegalArgumentException("unknown list format \"" + token + "\"; expected one of " + known);
    }
}
