package io.tiergate.commons.config;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service whose keys are not set. Only the dev and test profiles carry keys (public ones, in the
 * repository); production's properties name the environment variable, so a missing one is caught here, at startup,
 * with the variable named, rather than at the first request that needs the key.
 */
public final class RequiredSecrets {

    private RequiredSecrets() {}

    public static void require(String service, Config config, List<RequiredSecret> secrets) {
        List<RequiredSecret> missing = missing(
                property -> {
                    try {
                        return config.getOptionalValue(property, String.class);
                    } catch (NoSuchElementException unexpandable) {
                        return Optional.empty(); // ${TIERGATE_...} with the variable unset
                    }
                },
                secrets);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(message(service, missing));
        }
    }

    static List<RequiredSecret> missing(Function<String, Optional<String>> lookup, List<RequiredSecret> secrets) {
        return secrets.stream()
                .filter(secret -> lookup.apply(secret.property())
                        .filter(value -> !value.isBlank())
                        .isEmpty())
                .toList();
    }

    static String message(String service, List<RequiredSecret> missing) {
        return service + " cannot start without its own keys: set "
                + missing.stream()
                        .map(secret -> secret.environmentVariable() + " (" + secret.format() + ")")
                        .collect(Collectors.joining(", "));
    }
}
