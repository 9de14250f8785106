package io.tiergate.campaign.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tiergate.campaign.detection.DetectionSettings;

/** campaign-service's own settings, under {@code tiergate.campaign}. */
@ConfigMapping(prefix = "tiergate.campaign")
public interface CampaignConfig {

    Detector detector();

    /** Partitions of the request topic and of the topology's partitioned topics: the most instances that share work. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** Key for account pseudonyms in shared indicators (HMAC-SHA256); no default outside dev and test. */
    String pseudonymKey();

    /** The containment policy: which level a campaign's score calls for (classpath or file path). */
    @WithDefault("containment-policy.json")
    String containmentPolicy();

    interface Detector {
        @WithDefault("48")
        int familySlots();

        @WithDefault("3")
        int heavyCount();

        @WithDefault("5000")
        int maxMembers();

        @WithDefault("4")
        int minMembers();

        @WithDefault("0.03")
        double minFocus();

        @WithDefault("0.5")
        double flagThreshold();
    }

    default DetectionSettings detection() {
        Detector d = detector();
        return new DetectionSettings(
                d.familySlots(), d.heavyCount(), d.maxMembers(), d.minMembers(), d.minFocus(), d.flagThreshold());
    }
}
