package io.tiergate.entitlement.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "tiergate.policy")
public interface PolicyConfig {

    /** Classpath resource or file path of the seed policy. */
    @WithDefault("policy/seed-policy.json")
    String seed();

    /**
     * ISO 3166-1 alpha-2 codes that '@countries-of-concern' in the policy expands to. The default follows
     * the countries most export-control regimes single out; set it from your own legal advice.
     */
    @WithDefault("CN,RU,BY,IR,KP,SY,CU")
    Set<String> countriesOfConcern();

    /** How often the publication log is checked, a safety net behind the announcement on tiergate.entitlement. */
    @WithDefault("5s")
    String reloadEvery();
}
