package io.tiergate.entitlement.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiergate.commons.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The accounts campaign-service contains, in memory: account id to the campaigns containing it. Decisions read it
 * with one map lookup. Built from {@code tiergate.campaign} (read from the beginning by every instance), so a
 * restarted instance contains the same accounts again. An account contained by two campaigns stays contained, at the
 * stricter level, until both let it go.
 */
@ApplicationScoped
public class ContainedAccounts {

    private static final Logger LOG = Logger.getLogger(ContainedAccounts.class);

    public static final String ACCOUNT_CONTAINED = "tiergate.campaign.account.contained";
    public static final String ACCOUNT_RELEASED = "tiergate.campaign.account.released";
    public static final String ACCOUNT_CONFIRMED = "tiergate.campaign.account.confirmed";

    private final ConcurrentHashMap<String, Containment> accounts = new ConcurrentHashMap<>();

    /** The account's containment, or null when no campaign contains it. The decision path's only call. */
    public Containment of(String account) {
        return account == null ? null : accounts.get(account);
    }

    public int size() {
        return accounts.size();
    }

    public void contain(String account, UUID campaign, ContainmentLevel level) {
        accounts.compute(account, (a, current) -> Containment.with(current, campaign, level));
    }

    /** The campaign was dismissed: its containment is lifted; another campaign's stays. */
    public void release(String account, UUID campaign) {
        accounts.computeIfPresent(account, (a, current) -> Containment.without(current, campaign));
    }

    /**
     * The campaign was confirmed: the account stays contained at its level. A confirmation of a containment never
     * seen (the topic's retention ran out) contains the account at DENY: an officer found it in a campaign.
     */
    public void confirm(String account, UUID campaign) {
        accounts.compute(
                account,
                (a, current) -> current != null && current.campaigns().containsKey(campaign)
                        ? current
                        : Containment.with(current, campaign, ContainmentLevel.DENY));
    }

    /** Applies one campaign event; campaign-level events and unknown types change no account. */
    public void apply(CloudEvent event) {
        String type = event.type();
        if (!ACCOUNT_CONTAINED.equals(type) && !ACCOUNT_RELEASED.equals(type) && !ACCOUNT_CONFIRMED.equals(type)) {
            return;
        }
        JsonNode data = event.data();
        UUID campaign;
        try {
            campaign =
                    UUID.fromString(data == null ? "" : data.path("campaignId").asText(""));
        } catch (IllegalArgumentException e) {
            LOG.warnf("campaign event %s of type %s skipped: no campaignId", event.id(), type);
            return;
        }
        if (event.subject() == null || event.subject().isBlank()) {
            LOG.warnf("campaign event %s of type %s skipped: no subject", event.id(), type);
            return;
        }
        switch (type) {
            case ACCOUNT_CONTAINED ->
                contain(
                        event.subject(),
                        campaign,
                        levelOf(event, data.path("level").asText("")));
            case ACCOUNT_RELEASED -> release(event.subject(), campaign);
            default -> confirm(event.subject(), campaign);
        }
    }

    /** A level this version does not know fails closed: the account is denied rather than let through. */
    private static ContainmentLevel levelOf(CloudEvent event, String level) {
        try {
            return ContainmentLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            LOG.warnf("campaign event %s names an unknown containment level; containing at DENY", event.id());
            return ContainmentLevel.DENY;
        }
    }
}
