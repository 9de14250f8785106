package io.tiergate.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Jurisdiction rules as configuration: changing the embargo list needs no code change. */
@ConfigMapping(prefix = "tiergate.jurisdiction")
public interface JurisdictionConfig {

    /** ISO 3166-1 alpha-2 codes under embargo: their residents and nationals are rejected outright. */
    @WithDefault("CU,IR,KP,SY")
    Set<String> embargoedResidence();

    /** ISO 3166-1 alpha-2 codes whose nationals or residents are verified only after an officer's review. */
    @WithDefault("RU,BY,VE,MM")
    Set<String> countriesOfConcern();

    @WithDefault("18")
    int minimumAge();
}
