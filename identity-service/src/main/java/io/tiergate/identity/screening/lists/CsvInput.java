package io.tiergate.identity.screening.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a list CSV (UTF-8, an optional byte-order mark, RFC 4180 quoting) record by record. */
final class CsvInput {

    interface RecordHandler {
        void accept(CSVRecord record) throws IOException;
    }

    private CsvInput() {}

    /**
     * Hands every record to {@code handler}; a quoting error becomes an {@link IOException} naming the line and
     * {@code expected}. The stream is not closed.
     */
    static void forEach(InputStream in, String expected, RecordHandler handler) throws IOException {
        BufferedReader reader = utf8(in);
        CSVParser parser = CSVFormat.DEFAULT.parse(reader);
        try {
            for (CSVRecord record : parser) {
                handler.accept(record);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IOException(
                    "malformed CSV near line " + parser.getCurrentLineNumber() + "; expected " + expected + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The value at {@code index}, stripped; empty when the record is shorter. */
    static String value(CSVRecord record, int index) {
        return index >= 0 && index < record.size() ? record.get(index).strip() : "";
    }

    /** A UTF-8 reader past any byte-order mark, which Excel-made files start with. */
    static BufferedReader utf8(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
