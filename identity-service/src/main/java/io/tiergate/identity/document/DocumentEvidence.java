package io.tiergate.identity.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The identity document a customer presents: its data and, if read from the document, its machine-readable zone
 * (2 lines of 44 characters for a passport, 3 of 30 for an ID card). Stored only as a keyed hash of the number
 * plus its last 4 characters.
 */
public record DocumentEvidence(
        @NotNull DocumentType type,

        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9<-]+", message = "letters, digits, '<' and '-' only")
        String number,

        @NotBlank @Size(min = 2, max = 2) String issuingCountry,
        @NotNull LocalDate expiryDate,

        @Size(max = 3)
        List<
                        @NotNull @Size(max = 44)
                        @Pattern(regexp = "[A-Z0-9<]*", message = "MRZ characters are A-Z, 0-9 and '<'") String>
                mrz) {}
