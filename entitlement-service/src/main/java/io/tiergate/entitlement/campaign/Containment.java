package io.tiergate.entitlement.campaign;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What holds one account: every campaign containing it and at which level, with the strictest worked out once per
 * change so that a decision reads it without a loop. Immutable; a change makes a new one.
 */
public record Containment(Map<UUID, ContainmentLevel> campaigns, UUID campaignId, ContainmentLevel level) {

    public Containment {
        campaigns = Map.copyOf(campaigns);
    }

    static Containment of(Map<UUID, ContainmentLevel> campaigns) {
        if (campaigns.isEmpty()) {
            return null;
        }
        Map.Entry<UUID, ContainmentLevel> strictest = null;
        for (Map.Entry<UUID, ContainmentLevel> entry : campaigns.entrySet()) {
            if (strictest == null || entry.getValue().compareTo(strictest.getValue()) > 0) {
                strictest = entry;
            }
        }
        return new Containment(campaigns, strictest.getKey(), strictest.getValue());
    }

    /** This containment with {@code campaign} at {@code level} (null: not contained any more). */
    static Containment with(Containment current, UUID campaign, ContainmentLevel level) {
        Map<UUID, ContainmentLevel> campaigns = new HashMap<>(current == null ? Map.of() : current.campaigns());
        campaigns.put(campaign, level);
        return of(campaigns);
    }

    static Containment without(Containment current, UUID campaign) {
        if (current == null || !current.campaigns().containsKey(campaign)) {
            return current;
        }
        Map<UUID, ContainmentLevel> campaigns = new HashMap<>(current.campaigns());
        campaigns.remove(campaign);
        return of(campaigns);
    }
}
