package io.tiergate.campaign.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.campaign.sim.Population;
import io.tiergate.campaign.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's population (1,500 legitimate accounts, a loud campaign of 200 and a stealthy one of 80): far from a real
 * ratio, and hard for another reason. The coding agent's system prompt, which the stealthy campaign's templates embed,
 * is then a family no larger than the campaign's own, so it is no hub; its users must still not be flagged through it.
 * Bounds are looser than at 100,000 accounts, where one account is 0.001%: here one is 0.07%.
 */
class SmallPopulationQualityTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theDemoPopulationIsFoundWithoutFlaggingTheAgentsUsers(long seed) {
        Simulator simulator = new Simulator(Simulator.Config.of(seed, 1_500, 2).withCampaigns(200, 80));
        LocalPipeline pipeline = new LocalPipeline(DetectionSettings.defaults());
        simulator.run(pipeline::accept);
        int legit = 0, falsePositives = 0, agentUsers = 0, agentFlagged = 0;
        int[] loud = new int[2], stealthy = new int[2];
        for (Simulator.Label label : simulator.labels().values()) {
            boolean flagged = pipeline.firstFlags.containsKey(label.accountId());
            int[] style = label.population() == Population.CAMPAIGN_LOUD
                    ? loud
                    : label.population() == Population.CAMPAIGN_STEALTHY ? stealthy : null;
            if (style != null) {
                style[0]++;
                style[1] += flagged ? 1 : 0;
                continue;
            }
            legit++;
            falsePositives += flagged ? 1 : 0;
            if (label.population() == Population.CODING_AGENT) {
                agentUsers++;
                agentFlagged += flagged ? 1 : 0;
            }
        }
        System.out.printf(
                "seed %d: loud %d/%d, stealthy %d/%d, legitimate flagged %d/%d (coding agent %d/%d)%n",
                seed, loud[1], loud[0], stealthy[1], stealthy[0], falsePositives, legit, agentFlagged, agentUsers);
        assertTrue(loud[1] >= 0.9 * loud[0], "loud recall " + loud[1] + "/" + loud[0]);
        assertTrue(stealthy[1] >= 0.9 * stealthy[0], "stealthy recall " + stealthy[1] + "/" + stealthy[0]);
        assertTrue(falsePositives <= 0.01 * legit, "legitimate accounts flagged: " + falsePositives + "/" + legit);
    }
}
