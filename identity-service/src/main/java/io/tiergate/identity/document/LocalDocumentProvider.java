package io.tiergate.identity.document;

import io.tiergate.commons.country.IsoCountries;
import io.tiergate.identity.verification.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in document check for local use: the number's format, the issuing country, expiry, and, when the MRZ
 * is given, its ICAO 9303 check digits and its agreement with the document data and the claimed identity.
 * It cannot tell a forged document from a real one; a vendor adapter behind {@link DocumentProvider} does that.
 */
@ApplicationScoped
public class LocalDocumentProvider implements DocumentProvider {

    public static final String DOCUMENT_EXPIRED = "DOCUMENT_EXPIRED";
    public static final String DOCUMENT_NUMBER_INVALID = "DOCUMENT_NUMBER_INVALID";
    public static final String MRZ_MALFORMED = "MRZ_MALFORMED";
    public static final String MRZ_CHECK_DIGIT = "MRZ_CHECK_DIGIT";
    public static final String MRZ_MISMATCH = "MRZ_MISMATCH";
    public static final String INVALID_COUNTRY_CODE = "INVALID_COUNTRY_CODE";

    /** MRZ nationality (ISO alpha-3; "D" for Germany) to alpha-2. */
    private static final Map<String, String> ALPHA3 = IsoCountries.ALPHA2.stream()
            .collect(Collectors.toMap(c -> new Locale("", c).getISO3Country(), c -> c, (a, b) -> a));

    Clock clock = Clock.systemUTC();

    @Override
    public List<Reason> check(
            DocumentEvidence document, LocalDate claimedDateOfBirth, List<String> claimedNationalities) {
        List<Reason> reasons = new ArrayList<>();
        String number = document.number().replace("-", "").toUpperCase(Locale.ROOT);
        if (number.length() < 5) {
            reasons.add(new Reason(DOCUMENT_NUMBER_INVALID, "a document number has at least 5 characters"));
        }
        String issuer = IsoCountries.upperCase(document.issuingCountry());
        if (!IsoCountries.isAlpha2(issuer)) {
            reasons.add(new Reason(
                    INVALID_COUNTRY_CODE, "issuing country '" + issuer + "' is not an ISO 3166-1 alpha-2 code"));
        }
        if (document.expiryDate().isBefore(LocalDate.now(clock))) {
            reasons.add(new Reason(DOCUMENT_EXPIRED, "the document expired on " + document.expiryDate()));
        }
        if (document.mrz() != null && !document.mrz().isEmpty()) {
            mrz(document, number, claimedDateOfBirth, claimedNationalities, reasons);
        }
        return reasons;
    }

    private static void mrz(
            DocumentEvidence document,
            String number,
            LocalDate claimedDateOfBirth,
            List<String> claimedNationalities,
            List<Reason> reasons) {
        Mrz mrz;
        try {
            mrz = Mrz.parse(document.mrz());
        } catch (IllegalArgumentException e) {
            reasons.add(new Reason(MRZ_MALFORMED, e.getMessage()));
            return;
        }
        if (!mrz.failedCheckDigits().isEmpty()) {
            reasons.add(new Reason(MRZ_CHECK_DIGIT, "MRZ check digit(s) do not verify: " + mrz.failedCheckDigits()));
        }
        if (!number.equals(mrz.documentNumber())) {
            reasons.add(new Reason(MRZ_MISMATCH, "the MRZ's document number differs from the one given"));
        }
        if (!claimedDateOfBirth.equals(mrz.dateOfBirth())) {
            reasons.add(new Reason(MRZ_MISMATCH, "the MRZ's date of birth differs from the claimed one"));
        }
        if (!document.expiryDate().equals(mrz.expiryDate())) {
            reasons.add(new Reason(MRZ_MISMATCH, "the MRZ's expiry date differs from the one given"));
        }
        String nationality = "D".equals(mrz.nationality()) ? "DE" : ALPHA3.get(mrz.nationality());
        if (nationality == null || !claimedNationalities.contains(nationality)) {
            reasons.add(new Reason(MRZ_MISMATCH, "the MRZ's nationality is not among the claimed ones"));
        }
    }
}
