package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one list file into normalized entries. The seam a deployment swaps to add a list format.
 * Implementations stream the input, skip values they cannot parse (a date like "circa early 1970s"), and reject
 * a file that is not in their format with an {@link IOException} saying what they expected. The caller owns the
 * stream and closes it.
 */
public interface ListLoader {

    List<ListEntry> load(InputStream in, String listId) throws IOException;
}
