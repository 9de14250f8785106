package io.tiergate.identity.screening;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameNormalizerTest {

    @Test
    void namesBecomeLowerCaseAsciiTokens() {
        assertEquals(List.of("helene", "dubois", "marchand"), NameNormalizer.tokens("Hélène DUBOIS-MARCHAND"));
        assertEquals(List.of("jorgen", "strasse"), NameNormalizer.tokens("Jørgen Straße"));
    }

    @Test
    void otherScriptsAreTransliterated() {
        assertEquals(List.of("ivan", "sidorov"), NameNormalizer.tokens("Иван Сидоров"));
        assertTrue(!NameNormalizer.tokens("王力").isEmpty());
    }

    @Test
    void apostrophesJoinAndPunctuationSplits() {
        assertEquals(List.of("obrien"), NameNormalizer.tokens("O'Brien"));
        assertEquals(List.of("smith", "john"), NameNormalizer.tokens("SMITH, John"));
    }

    @Test
    void legalFormsAndParticlesAreDropped() {
        assertEquals(NameNormalizer.tokens("Northwind Trading Limited"), NameNormalizer.tokens("Northwind Trading Ltd."));
        assertEquals(List.of("northwind", "trading"), NameNormalizer.tokens("Northwind Trading GmbH & Co. KG"));
        assertEquals(List.of("mohammed", "rashid"), NameNormalizer.tokens("Mohammed al-Rashid"));
    }

    @Test
    void digitsStayInTokens() {
        assertEquals(List.of("unit", "8200"), NameNormalizer.tokens("Unit 8200"));
    }

    @Test
    void aNameOfPunctuationOnlyHasNoTokens() {
        assertEquals(List.of(), NameNormalizer.tokens(" - ., "));
    }

    @Test
    void identifiersKeepLettersAndDigitsInUpperCase() {
        assertEquals("AB1234567", NameNormalizer.identifier("ab 123-45.67"));
        assertEquals("7100123456", NameNormalizer.identifier("7100 123 456"));
    }
}
