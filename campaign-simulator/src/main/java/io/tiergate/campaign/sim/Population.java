package io.tiergate.campaign.sim;

/** Who an account really is: what the detector must find (campaigns) and what it must leave alone (the rest). */
public enum Population {
    /** People using the API for their own work. */
    ORDINARY(false),
    /** Users of one popular coding agent: thousands share its system prompt and user agent. */
    CODING_AGENT(false),
    /** Cron-synchronised service accounts of one company, behind one egress IP, one template per job. */
    ENTERPRISE_BATCH(false),
    /** Campus, corporate and carrier NATs: many unrelated people behind a few addresses. */
    NAT(false),
    /** Unrelated researchers running the same public benchmark suites (reasoning prompts, verbatim). */
    BENCHMARK(false),
    /** A hackathon or launch-day rush: registered within hours, one venue network, one starter prompt. */
    HACKATHON(false),
    /** Households: a few accounts sharing an address, a card and sometimes a device. */
    HOUSEHOLD(false),
    /** Commercial VPN users exiting on the same hosting networks that proxies use. */
    VPN(false),
    /** A loud extraction campaign: proxy pools, registration bursts, a curriculum sharded across accounts. */
    CAMPAIGN_LOUD(true),
    /**
     * A stealthy one: aged accounts, sticky residential exits, business hours, paraphrased templates inside a coding
     * agent's system prompt, small cohorts reshuffled daily, benign traffic mixed in.
     */
    CAMPAIGN_STEALTHY(true);

    private final boolean campaign;

    Population(boolean campaign) {
        this.campaign = campaign;
    }

    public boolean campaign() {
        return campaign;
    }
}
