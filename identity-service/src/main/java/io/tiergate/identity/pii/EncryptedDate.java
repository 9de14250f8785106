package io.tiergate.identity.pii;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;

/** A date of birth encrypted at rest as its ISO-8601 text (see {@link EncryptedString}). */
@Converter
public class EncryptedDate implements AttributeConverter<LocalDate, String> {

    private final EncryptedString text = new EncryptedString();

    @Override
    public String convertToDatabaseColumn(LocalDate date) {
        return date == null ? null : text.convertToDatabaseColumn(date.toString());
    }

    @Override
    public LocalDate convertToEntityAttribute(String stored) {
        return stored == null ? null : LocalDate.parse(text.convertToEntityAttribute(stored));
    }
}
