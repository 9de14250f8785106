package io.tiergate.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

class CheckpointFuzzTest {

    /** Any checkpoint file an auditor is handed is a checkpoint or an IllegalArgumentException. */
    @FuzzTest(maxDuration = "10s")
    void anyBodyIsACheckpointOrARefusal(String body) {
        if (body == null) {
            return; // Jazzer tries null; callers never pass it
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(body);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(checkpoint.treeSize(), Checkpoint.parse(checkpoint.body()).treeSize());
    }
}
