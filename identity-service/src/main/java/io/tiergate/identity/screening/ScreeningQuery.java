package io.tiergate.identity.screening;

import java.time.LocalDate;
import java.util.List;

/** Who is screened: a person (with date of birth) or an organization; nationalities and identifiers if known. */
public record ScreeningQuery(
        String name,
        boolean organization,
        LocalDate dateOfBirth,
        List<String> nationalities,
        List<String> identifiers) {

    public ScreeningQuery {
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    public static ScreeningQuery person(String name, LocalDate dateOfBirth, List<String> nationalities) {
        return new ScreeningQuery(name, false, dateOfBirth, nationalities, List.of());
    }

    public static ScreeningQuery organization(String name, String country) {
        return new ScreeningQuery(name, true, null, country == null ? List.of() : List.of(country), List.of());
    }

    public ScreeningQuery withIdentifiers(List<String> numbers) {
        return new ScreeningQuery(name, organization, dateOfBirth, nationalities, numbers);
    }
}
