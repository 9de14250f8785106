package io.tiergate.campaign.detection;

import java.util.List;

/**
 * Why a set of accounts looks like one extraction campaign, in the terms an officer reviews: each kind of evidence
 * as a share or rate, the component scores and the overall score.
 *
 * @param accounts          estimated accounts (members over families per member)
 * @param families          prompt families the group works together
 * @param coverage          families covered by the group per family a member works (a capability sweep when high)
 * @param focus             share of a member's traffic its campaign families hold
 * @param cotRate           chain-of-thought elicitation rate in the group's family traffic
 * @param familyCotRate     the median family's elicitation rate: what the campaign's typical template elicits, which
 *                          the largest family (a system prompt the templates embed) does not dilute
 * @param sweep             capability-sweep evidence, 0..1
 * @param identityShare     share of members in a duplicate-identity cluster with another member (identity-service)
 * @param infrastructure    shared devices, payment fingerprints, identities and networks, 0..1
 * @param registrationBurst share of members registered within hours of many others
 * @param intent            extraction intent (elicitation, sweep), 0..1
 * @param coordination      coordination (sweep, infrastructure, registration), 0..1
 */
public record CampaignEvidence(
        double score,
        int accounts,
        int families,
        double coverage,
        double focus,
        double cotRate,
        double familyCotRate,
        double sweep,
        double deviceShare,
        double paymentShare,
        double identityShare,
        double prefixShare,
        double infrastructure,
        double registrationBurst,
        double organizationShare,
        double intent,
        double coordination,
        List<String> prefixes,
        List<String> asns,
        List<String> userAgents) {}
