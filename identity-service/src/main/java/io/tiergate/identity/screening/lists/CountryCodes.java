package io.tiergate.identity.screening.lists;

import io.tiergate.commons.country.IsoCountries;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the country names and codes lists use ("Iran", "Korea, North", "Democratic People's Republic of Korea",
 * "Côte d'Ivoire", "ru", "IRN") to ISO 3166-1 alpha-2. Names come from the English display names of the
 * platform's one alpha-2 list ({@link IsoCountries}) plus the official and colloquial forms those lists use; anything
 * else (a former state like "Soviet Union", a region) is unknown rather than guessed.
 */
final class CountryCodes {

    /** Names lists use that differ from the JDK's English display names, already in {@link #key} form. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("russian federation", "RU"),
            Map.entry("iran islamic republic of", "IR"),
            Map.entry("islamic republic of iran", "IR"),
            Map.entry("syrian arab republic", "SY"),
            Map.entry("korea north", "KP"),
            Map.entry("democratic peoples republic of korea", "KP"),
            Map.entry("korea democratic peoples republic of", "KP"),
            Map.entry("dprk", "KP"),
            Map.entry("korea south", "KR"),
            Map.entry("republic of korea", "KR"),
            Map.entry("korea republic of", "KR"),
            Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("great britain", "GB"),
            Map.entry("uk", "GB"),
            Map.entry("united states of america", "US"),
            Map.entry("usa", "US"),
            Map.entry("burma", "MM"),
            Map.entry("myanmar", "MM"),
            Map.entry("viet nam", "VN"),
            Map.entry("lao peoples democratic republic", "LA"),
            Map.entry("venezuela bolivarian republic of", "VE"),
            Map.entry("bolivia plurinational state of", "BO"),
            Map.entry("democratic republic of the congo", "CD"),
            Map.entry("congo democratic republic of the", "CD"),
            Map.entry("republic of the congo", "CG"),
            Map.entry("congo", "CG"),
            Map.entry("ivory coast", "CI"),
            Map.entry("turkey", "TR"),
            Map.entry("turkiye", "TR"),
            Map.entry("palestine", "PS"),
            Map.entry("state of palestine", "PS"),
            Map.entry("czech republic", "CZ"),
            Map.entry("macedonia", "MK"),
            Map.entry("the former yugoslav republic of macedonia", "MK"),
            Map.entry("swaziland", "SZ"),
            Map.entry("cabo verde", "CV"),
            Map.entry("united republic of tanzania", "TZ"),
            Map.entry("tanzania united republic of", "TZ"),
            Map.entry("republic of moldova", "MD"),
            Map.entry("moldova republic of", "MD"),
            Map.entry("libyan arab jamahiriya", "LY"),
            Map.entry("hong kong", "HK"),
            Map.entry("macao", "MO"),
            Map.entry("macau", "MO"),
            Map.entry("china peoples republic of", "CN"),
            Map.entry("peoples republic of china", "CN"),
            Map.entry("brunei darussalam", "BN"),
            Map.entry("micronesia federated states of", "FM"),
            Map.entry("holy see", "VA"),
            Map.entry("east timor", "TL"),
            Map.entry("the gambia", "GM"),
            Map.entry("the bahamas", "BS"),
            Map.entry("netherlands the", "NL"));

    private static final Map<String, String> BY_NAME = byName();

    private CountryCodes() {}

    /** The alpha-2 code of a country name, alpha-2 or alpha-3 code (any case), or empty when unknown. */
    static Optional<String> toAlpha2(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String trimmed = country.strip();
        if (trimmed.length() == 2) {
            String code = trimmed.toUpperCase(Locale.ROOT);
            return IsoCountries.isAlpha2(code) ? Optional.of(code) : Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(trimmed)));
    }

    /**
     * A name reduced to what tells countries apart: no accents, lower case, "&amp;" as "and", "St." as "saint",
     * apostrophes dropped (so "d'Ivoire" and "d’Ivoire" agree), other punctuation as spaces.
     */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String key = plain.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['’`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return key.startsWith("st ") ? "saint " + key.substring(3) : key.replace(" st ", " saint ");
    }

    private static Map<String, String> byName() {
        Map<String, String> names = new HashMap<>();
        for (String code : IsoCountries.ALPHA2) {
            Locale country = new Locale("", code);
            String english = country.getDisplayCountry(Locale.ENGLISH);
            names.put(key(english), code);
            // "Myanmar (Burma)", "Hong Kong SAR China": also without the qualifier
            int paren = english.indexOf(" (");
            if (paren > 0) {
                names.putIfAbsent(key(english.substring(0, paren)), code);
            }
            try {
                names.putIfAbsent(key(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException ignored) {
                // no alpha-3 code known for this one: the name and alpha-2 still map
            }
        }
        ALIASES.forEach(names::put);
        return Map.copyOf(names);
    }
}
