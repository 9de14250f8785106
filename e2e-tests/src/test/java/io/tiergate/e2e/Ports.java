package io.tiergate.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The platform's ports as deploy/ports.properties defines them, for the dev and the test environment. */
public final class Ports {

    static final Path FILE = Path.of(System.getProperty("tiergate.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("deploy/ports.properties");
    private static final Properties DEFINED = load();

    private Ports() {}

    /** The port of a component (a service's module name, console, keycloak, kafka, postgres) in development. */
    public static int dev(String component) {
        String port = DEFINED.getProperty(component);
        if (port == null) {
            throw new IllegalArgumentException(FILE + " names no port for " + component);
        }
        return Integer.parseInt(port.strip());
    }

    /** The same component's port in the test environment that deploy/tiergate test starts. */
    public static int test(String component) {
        return dev(component)
                + Integer.parseInt(DEFINED.getProperty("test-offset").strip());
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        return properties;
    }
}
