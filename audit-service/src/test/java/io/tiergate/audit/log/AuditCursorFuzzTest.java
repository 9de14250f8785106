package io.tiergate.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tiergate.commons.problem.ApiProblem;

class AuditCursorFuzzTest {

    /**
     * Any cursor a client sends is an index this API could have returned, or 400 INVALID_CURSOR: never another
     * exception (a 500), never a negative index, and an index read back names the same page.
     */
    @FuzzTest(maxDuration = "10s")
    void anyCursorIsAnIndexOrARefusal(String cursor) {
        if (cursor == null) {
            return; // no cursor is the first page, decided before parsing
        }
        long index;
        try {
            index = AuditCursor.parse(cursor);
        } catch (ApiProblem refused) {
            assertEquals("INVALID_CURSOR", refused.toProblem().code());
            assertEquals(400, refused.toProblem().status());
            return;
        }
        assertTrue(index >= 0, "a leaf index: " + index);
        assertEquals(index, AuditCursor.parse(AuditCursor.after(index)));
    }
}
