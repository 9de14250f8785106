package io.tiergate.identity.screening;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Sanctions and denied-party screening, under {@code tiergate.screening}. */
@ConfigMapping(prefix = "tiergate.screening")
public interface ScreeningConfig {

    /** The lists, each as format:location ({@link ListSource}). */
    List<String> sources();

    /** A hit at or above this score goes to an officer's review. */
    @WithDefault("0.88")
    double reviewThreshold();

    /** How often the sources are read again (a Quarkus scheduler period; {@link SanctionsLists}). */
    @WithDefault("60s")
    String refreshInterval();
}
