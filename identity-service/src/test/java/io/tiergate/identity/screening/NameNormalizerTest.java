package io.tiergate.identity.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                NameNormalizer.tokens("Northwind Trading Limited"), NameNormalizer.tokens("Northwind Trading Ltd."));
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

    @Test
    void eachScriptHasItsStandardRomanisation() {
        assertEquals(
                List.of("leyla", "farzane", "karimpur"), NameNormalizer.tokens("Лейла Фарзане Каримпур"), "BGN/PCGN");
        assertEquals(
                List.of("leila", "farzane", "karimpour"), NameNormalizer.tokens("Λεϊλά Φαρζανέ Καριμπούρ"), "UNGEGN");
        assertEquals(
                List.of("lyla", "frzanh", "krympwr"),
                NameNormalizer.tokens("لیلا فرزانه کریم\u200Cپور"),
                "the ZWNJ shapes letters and does not split the word");
        assertEquals(List.of("zhao", "xiaoming"), NameNormalizer.tokens("赵晓明"), "family name, then given name");
        assertEquals(List.of("xiaoming", "zhao"), NameNormalizer.tokens("晓明 赵"), "given and family name apart");
        assertEquals(List.of("rshyd"), NameNormalizer.tokens("الرشيد"), "the joined Arabic article goes");
        assertEquals(List.of("khalil"), NameNormalizer.tokens("Χαλίλ"), "Greek χ as kh");
    }

    @Test
    void hebrewLettersAreReadByTheirPlaceInTheWord() {
        assertEquals(
                List.of("ivan", "ptrovich", "sidorov"),
                NameNormalizer.tokens("איוואן פטרוביץ' סידורוב"),
                "double vav v, single vav o, final bet v, tsadi with geresh ch");
        assertEquals(List.of("viktoria"), NameNormalizer.tokens("ויקטוריה"), "vav first in the word v, final he a");
        assertEquals(List.of("ylna"), NameNormalizer.tokens("ילנה"), "yod first in the word y");
        assertEquals(List.of("ava"), NameNormalizer.tokens("אווה"), "alef before a consonant vav a");
        assertEquals(List.of("olgovna"), NameNormalizer.tokens("אולגובנה"), "alef carries the vowel vav writes");
        assertEquals(List.of("alksndr"), NameNormalizer.tokens("אלכסנדר"), "kaf after a consonant k");
        assertEquals(List.of("mikhal"), NameNormalizer.tokens("מיכאל"), "kaf after a vowel kh");
        assertEquals(List.of("zhorbliova"), NameNormalizer.tokens("ז'ורבליובה"));
        assertEquals(
                NameNormalizer.tokens("פטרוביץ'"), NameNormalizer.tokens("פטרוביץ׳"), "a geresh as apostrophe or as ׳");
        assertEquals(List.of("rshid"), NameNormalizer.tokens("אל־רשיד"), "the maqaf is a hyphen");
        assertEquals(List.of("sra"), NameNormalizer.tokens("שָׂרָה"), "points dropped, sin is s");
    }

    @Test
    void onlyTokensFromOtherScriptsAreMarkedTransliterated() {
        assertEquals(
                List.of(false, false),
                NameNormalizer.romanisedTokens("Wang Li").stream()
                        .map(NameNormalizer.Token::transliterated)
                        .toList());
        assertEquals(
                List.of(false, false),
                NameNormalizer.romanisedTokens("王力").stream()
                        .map(NameNormalizer.Token::transliterated)
                        .toList(),
                "pinyin is what lists write");
        assertEquals(
                List.of(true, true),
                NameNormalizer.romanisedTokens("Иван Сидоров").stream()
                        .map(NameNormalizer.Token::transliterated)
                        .toList());
    }

    @Test
    void spellingsOfOneNameShareASkeleton() {
        for (List<String> spellings : List.of(
                List.of("karimpour", "krympwr", "karimpur", "karimbur"),
                List.of("farzaneh", "frzanh", "farzane"),
                List.of("sidorov", "sintorof", "sydwrwf"),
                List.of("petrovich", "btrwfytsh", "petrovits"),
                List.of("nourbakhshi", "nwrbhsy", "nurbakhshi"),
                List.of("belkacemi", "blqasmy"),
                List.of("ivan", "ayfan"),
                List.of("dawood", "daoud", "dawwd"))) {
            for (String spelling : spellings) {
                assertEquals(
                        NameNormalizer.skeleton(spellings.get(0)),
                        NameNormalizer.skeleton(spelling),
                        spellings.toString());
            }
        }
        assertEquals("krbr", NameNormalizer.skeleton("karimpour"));
        assertTrue(!NameNormalizer.skeleton("smirnov").equals(NameNormalizer.skeleton("sidorov")));
    }
}
