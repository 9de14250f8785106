package io.tiergate.identity.verification;

import io.tiergate.commons.country.IsoCountries;
import io.tiergate.identity.config.JurisdictionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict rules of the first thread: valid ISO country codes, an adult, and residence outside the
 * embargo list. Each failed rule is a reason; no reason means verified.
 */
@ApplicationScoped
public class VerificationRules {

    public static final String INVALID_COUNTRY_CODE = "INVALID_COUNTRY_CODE";
    public static final String UNDERAGE = "UNDERAGE";
    public static final String DATE_OF_BIRTH_IN_FUTURE = "DATE_OF_BIRTH_IN_FUTURE";
    public static final String EMBARGOED_RESIDENCE = "EMBARGOED_RESIDENCE";
    public static final String EMBARGOED_NATIONALITY = "EMBARGOED_NATIONALITY";
    public static final String COUNTRY_OF_CONCERN = "COUNTRY_OF_CONCERN";

    @Inject
    JurisdictionConfig jurisdiction;

    Clock clock = Clock.systemUTC();

    public List<Reason> evaluate(VerificationRequest claims) {
        List<Reason> reasons = new ArrayList<>();
        for (String nationality : claims.nationalities()) {
            if (!IsoCountries.isAlpha2(nationality)) {
                reasons.add(new Reason(
                        INVALID_COUNTRY_CODE, "nationality '" + nationality + "' is not an ISO 3166-1 alpha-2 code"));
            }
        }
        if (!IsoCountries.isAlpha2(claims.residenceCountry())) {
            reasons.add(new Reason(
                    INVALID_COUNTRY_CODE,
                    "residence country '" + claims.residenceCountry() + "' is not an ISO 3166-1 alpha-2 code"));
        }
        LocalDate today = LocalDate.now(clock);
        if (claims.dateOfBirth().isAfter(today)) {
            reasons.add(new Reason(DATE_OF_BIRTH_IN_FUTURE, "date of birth is in the future"));
        } else if (Period.between(claims.dateOfBirth(), today).getYears() < jurisdiction.minimumAge()) {
            reasons.add(new Reason(UNDERAGE, "applicant is younger than " + jurisdiction.minimumAge()));
        }
        for (String nationality : claims.nationalities()) {
            if (jurisdiction.embargoedResidence().contains(nationality)) {
                reasons.add(new Reason(
                        EMBARGOED_NATIONALITY,
                        "nationality " + nationality + " is under embargo (rule: embargoed-nationality)"));
            }
        }
        if (jurisdiction.embargoedResidence().contains(claims.residenceCountry())) {
            reasons.add(new Reason(
                    EMBARGOED_RESIDENCE,
                    "residence country " + claims.residenceCountry()
                            + " is under embargo (rule: embargoed-residence)"));
        }
        return reasons;
    }

    /** Reasons to send an otherwise acceptable applicant to review: nationality or residence of concern. */
    public List<Reason> reviewReasons(VerificationRequest claims) {
        List<Reason> reasons = new ArrayList<>();
        for (String country : claims.nationalities()) {
            if (jurisdiction.countriesOfConcern().contains(country)) {
                reasons.add(new Reason(
                        COUNTRY_OF_CONCERN,
                        "nationality " + country + " is a country of concern (rule: country-of-concern)"));
            }
        }
        if (jurisdiction.countriesOfConcern().contains(claims.residenceCountry())) {
            reasons.add(new Reason(
                    COUNTRY_OF_CONCERN,
                    "residence " + claims.residenceCountry() + " is a country of concern (rule: country-of-concern)"));
        }
        return reasons;
    }
}
