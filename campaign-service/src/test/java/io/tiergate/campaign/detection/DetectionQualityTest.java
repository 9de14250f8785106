package io.tiergate.campaign.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.campaign.sim.Population;
import io.tiergate.campaign.sim.Simulator;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection quality measured like performance: recall per campaign style and false-positive rate per legitimate
 * population (the hard negatives among them), on 100,000+ simulated legitimate accounts, with every flag raised
 * online. Figures are printed; docs/campaigns.md records them.
 */
class DetectionQualityTest {

    static final int LEGIT = Integer.getInteger("tiergate.quality.accounts", 100_000);
    static final int DAYS = Integer.getInteger("tiergate.quality.days", 2);
    /** Another seed is another population and campaigns: the figures must hold for it too, not only for this one. */
    static final long SEED = Long.getLong("tiergate.quality.seed", 20261201L);
    /** Campaign sizes; by default they scale with the population (Simulator.Config.of). */
    static final int LOUD = Integer.getInteger("tiergate.quality.loud", -1);

    static final int STEALTHY = Integer.getInteger("tiergate.quality.stealthy", -1);

    static Simulator simulator;
    static LocalPipeline pipeline;
    static final Map<Population, int[]> byPopulation = new EnumMap<>(Population.class); // {accounts, flagged}
    static final Map<String, Long> firstRequest = new HashMap<>();

    @BeforeAll
    static void run() {
        Simulator.Config config = Simulator.Config.of(SEED, LEGIT, DAYS);
        if (LOUD >= 0 || STEALTHY >= 0) {
            config = config.withCampaigns(
                    LOUD >= 0 ? LOUD : config.loudAccounts(), STEALTHY >= 0 ? STEALTHY : config.stealthyAccounts());
        }
        simulator = new Simulator(config);
        pipeline = new LocalPipeline(DetectionSettings.defaults());
        long started = System.nanoTime();
        simulator.run(line -> pipeline.accept(line));
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Simulator.Label label : simulator.labels().values()) {
            int[] counts = byPopulation.computeIfAbsent(label.population(), p -> new int[2]);
            counts[0]++;
            if (pipeline.firstFlags.containsKey(label.accountId())) {
                counts[1]++;
            }
        }
        System.out.printf(
                "detection quality: %,d records (%,d rejected), %,d accounts, %d days, %,d deltas, "
                        + "%,d summaries, %.1f s (%,.0f records/s in one thread, simulation included)%n",
                pipeline.records,
                pipeline.rejected,
                simulator.labels().size(),
                DAYS,
                pipeline.deltas,
                pipeline.summaries,
                seconds,
                pipeline.records / seconds);
        Map<String, Map<Population, Integer>> mix = new HashMap<>();
        pipeline.campaignOf.forEach((account, key) -> mix.computeIfAbsent(key, k -> new EnumMap<>(Population.class))
                .merge(simulator.labels().get(account).population(), 1, Integer::sum));
        mix.forEach((key, populations) ->
                System.out.printf("  campaign %s: %s%n    %s%n", key, populations, pipeline.evidence.get(key)));
        byPopulation.forEach((p, c) -> System.out.printf(
                "  %-18s %,7d accounts  %,6d flagged  %6.2f%%%n", p, c[0], c[1], 100.0 * c[1] / c[0]));
    }

    private static double rate(Population p) {
        int[] c = byPopulation.getOrDefault(p, new int[] {0, 0});
        return c[0] == 0 ? 0 : (double) c[1] / c[0];
    }

    @Test
    void findsAtLeast95PercentOfEachCampaignStyle() {
        assertTrue(rate(Population.CAMPAIGN_LOUD) >= 0.95, "loud recall " + rate(Population.CAMPAIGN_LOUD));
        assertTrue(rate(Population.CAMPAIGN_STEALTHY) >= 0.95, "stealthy recall " + rate(Population.CAMPAIGN_STEALTHY));
    }

    @Test
    void flagsAtMostHalfAPercentOfLegitimateAccounts() {
        int accounts = 0, flagged = 0;
        for (Map.Entry<Population, int[]> e : byPopulation.entrySet()) {
            if (!e.getKey().campaign()) {
                accounts += e.getValue()[0];
                flagged += e.getValue()[1];
            }
        }
        assertTrue(accounts >= LEGIT * 0.99, "legitimate accounts simulated: " + accounts);
        double fpr = (double) flagged / accounts;
        System.out.printf("  false-positive rate among %,d legitimate accounts: %.3f%%%n", accounts, 100 * fpr);
        assertTrue(fpr <= 0.005, "false-positive rate " + fpr);
    }

    @Test
    void noHardNegativeKindIsFlaggedAsAGroup() {
        for (Population p : Population.values()) {
            if (!p.campaign()) {
                assertTrue(rate(p) <= 0.02, p + " flagged at " + rate(p));
            }
        }
    }

    @Test
    void eachCampaignIsFirstFlaggedWithin24SimulatedHoursOfItsFirstRequest() {
        for (String campaign : new String[] {"loud", "stealthy"}) {
            long first = Long.MAX_VALUE;
            long firstFlag = Long.MAX_VALUE;
            for (Simulator.Label label : simulator.labels().values()) {
                if (campaign.equals(label.campaign())) {
                    CampaignSignal.Flagged f = pipeline.firstFlags.get(label.accountId());
                    if (f != null) {
                        first = Math.min(first, f.firstSeen());
                        firstFlag = Math.min(firstFlag, pipeline.flaggedAt.get(label.accountId()));
                    }
                }
            }
            assertTrue(firstFlag != Long.MAX_VALUE, campaign + " never flagged");
            Duration latency = Duration.ofMillis(firstFlag - first);
            System.out.printf(
                    "  %s: first flag %.1f simulated hours after its first request%n",
                    campaign, latency.toMinutes() / 60.0);
            assertTrue(latency.compareTo(Duration.ofHours(24)) <= 0, campaign + " first flagged after " + latency);
        }
    }

    @Test
    void flagsAreRaisedOnlineAtTheEventTimeOfTheirEvidence() {
        long end = simulator.start().plus(Duration.ofDays(DAYS)).toEpochMilli();
        pipeline.flaggedAt.forEach((account, at) -> {
            CampaignSignal.Flagged f = pipeline.firstFlags.get(account);
            assertTrue(at >= f.firstSeen() && at <= end, account + " flagged at " + at + " outside its activity");
        });
    }
}
