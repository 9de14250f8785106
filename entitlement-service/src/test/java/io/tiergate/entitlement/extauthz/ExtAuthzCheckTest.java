package io.tiergate.entitlement.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiergate.commons.problem.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capability a check's path names, read without a regular expression, as the regular expression read it. */
class ExtAuthzCheckTest {

    /** How the capability was read from the path before. */
    private static String before(String path) {
        String[] segments = path.replaceAll("^/+", "").split("/");
        if (segments.length < 2 || segments[0].isBlank() || segments[1].isBlank()) {
            return "refused";
        }
        return segments[0] + ":" + segments[1];
    }

    private static String now(String path) {
        try {
            return ExtAuthzCheck.capability(path, null);
        } catch (ApiProblem refused) {
            assertEquals("CAPABILITY_REQUIRED", refused.toProblem().code());
            return "refused";
        }
    }

    @Test
    void everyPathShapeGivesTheCapabilityItGaveBefore() {
        for (String path : List.of(
                "/mythos-5/chat/completions",
                "mythos-5/chat",
                "//mythos-5/chat",
                "/mythos-5/chat/",
                "/mythos-5/chat//x",
                "/mythos-5",
                "/mythos-5/",
                "/mythos-5//chat",
                "/",
                "",
                "///",
                "/ /chat",
                "/mythos-5/ /x",
                "/a/b/c/d",
                "a/b")) {
            assertEquals(before(path), now(path), path);
        }
        assertEquals("fable-5:chat", ExtAuthzCheck.capability("/x/y", " fable-5:chat "));
    }
}
