package io.tiergate.campaign.campaign;

import jakarta.persistence.EntityManager;

/**
 * One writer of campaigns at a time, across instances: the assembler finds and merges campaigns by what they hold,
 * and an officer's decision must not be overwritten by an assembly that read the campaign before it.
 */
final class CampaignLock {

    private static final long KEY = 7301;

    private CampaignLock() {}

    /** Held until the caller's transaction ends. */
    static void acquire(EntityManager em) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + KEY + ")").getSingleResult();
    }
}
