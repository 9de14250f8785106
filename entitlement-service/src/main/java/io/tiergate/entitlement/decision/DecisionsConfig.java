package io.tiergate.entitlement.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Decisions: how long they wait for the projection, how stale it may be, how they are logged. */
@ConfigMapping(prefix = "tiergate.decisions")
public interface DecisionsConfig {

    /** How long a decision carrying a consistency token may wait for the projection before failing closed. */
    @WithDefault("PT2S")
    Duration consistencyWait();

    /**
     * Without a consistency token, decisions fail closed once the projection has not been known to be caught up for
     * this long ({@code ProjectionFreshness}).
     */
    @WithDefault("PT5S")
    Duration stalenessBound();

    Events events();

    /** The decision log ({@link DecisionEventWriter}). */
    interface Events {
        /** Decisions queued for the log at most; beyond, they are dropped and counted. */
        @WithDefault("100000")
        int queueCapacity();

        @WithDefault("500")
        int batchSize();

        /** ALLOWs are logged as one count per subject, capability and window. */
        @WithDefault("PT1M")
        Duration allowWindow();
    }
}
