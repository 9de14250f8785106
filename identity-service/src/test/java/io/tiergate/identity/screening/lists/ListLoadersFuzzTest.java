package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class ListLoadersFuzzTest {

    static final ListFormat[] FORMATS = ListFormat.values();

    /**
     * Any bytes, read by any of the six loaders, are a list of entries or an IOException saying what the loader
     * expected (the loaders' contract): never another exception, which would fail a list refresh unexplained.
     */
    @FuzzTest(maxDuration = "10s")
    void anyFileIsAListOrAnIoException(FuzzedDataProvider data) {
        ListFormat format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        try {
            for (ListEntry entry : ListLoaders.forFormat(format).load(new ByteArrayInputStream(file), "fuzz")) {
                assertNotNull(entry);
            }
        } catch (IOException refused) {
            // not in the format: the loader says what it expected
        }
    }
}
