package io.tiergate.identity.screening;

import io.tiergate.identity.screening.lists.ListFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One configured list: {@code format:location}, where location is {@code classpath:path}, a file path, or an
 * http(s) URL; for example {@code ofac-sdn-xml:/var/lib/tiergate/sdn.xml} or
 * {@code uk-ofsi-csv:https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv}.
 */
public record ListSource(ListFormat format, String location) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public static ListSource parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("a list source is format:location, got \"" + spec + "\"");
        }
        return new ListSource(
                ListFormat.parse(spec.substring(0, colon).strip()),
                spec.substring(colon + 1).strip());
    }

    /** The list's id in hits: the format and the file name, e.g. OFAC_SDN_XML/sample-sdn.xml. */
    public String listId() {
        String name = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf(':')) + 1);
        return format.name() + "/" + name;
    }

    public byte[] read() throws IOException {
        if (location.startsWith("classpath:")) {
            try (InputStream in = ListSource.class.getClassLoader().getResourceAsStream(location.substring(10))) {
                if (in == null) {
                    throw new IOException("no resource " + location);
                }
                return in.readAllBytes();
            }
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                HttpResponse<byte[]> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(location))
                                .timeout(Duration.ofMinutes(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException(location + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + location, e);
            }
        }
        return Files.readAllBytes(Path.of(location));
    }
}
