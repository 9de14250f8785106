package io.tiergate.identity.screening.lists;

import java.util.List;
import java.util.Locale;

/**
 * The Remarks column of OFAC's {@code sdn.csv}, where the facts the XML gives as elements are written as
 * sentences separated by semicolons: "DOB 01 Jan 1970; alt. DOB 1971; POB Tehran, Iran; nationality Iran;
 * Passport A1234567 (Iran); a.k.a. 'NORTHWIND'." Clauses it does not know (POB, Gender, Website, ...) are ignored.
 */
final class OfacRemarks {

    /** Identity documents as OFAC names them in remarks; longer names first so the longest prefix wins. */
    private static final List<String> DOCUMENTS = List.of(
            "Unified Social Credit Code (USCC)",
            "Aircraft Manufacturer's Serial Number (MSN)",
            "Vessel Registration Identification",
            "Public Security and Immigration No.",
            "Business Registration Number",
            "Business Registration Document #",
            "Commercial Registry Number",
            "Birth Certificate Number",
            "Chamber of Commerce Number",
            "Government Gazette Number",
            "Stateless Person Passport",
            "Diplomatic Passport",
            "Identification Number",
            "Registration Number",
            "Residency Number",
            "Personal ID Card",
            "Driver's License No.",
            "Trade License No.",
            "National ID No.",
            "Electoral Registry No.",
            "Refugee ID Card",
            "Registration ID",
            "Company Number",
            "Tax ID No.",
            "Cedula No.",
            "Aircraft Tail Number",
            "Passport",
            "C.U.R.P.",
            "C.U.I.T.",
            "R.F.C.",
            "D.N.I.",
            "NIT #",
            "SSN",
            "MMSI",
            "IMO");

    private OfacRemarks() {}

    static void apply(String remarks, EntryBuilder entry) {
        if (remarks == null || remarks.isBlank()) {
            return;
        }
        for (String raw : remarks.split(";")) {
            String clause = raw.strip();
            if (clause.endsWith(".")) {
                clause = clause.substring(0, clause.length() - 1).strip(); // the remarks' closing full stop
            }
            if (clause.startsWith("alt. ")) {
                clause = clause.substring(5).strip();
            }
            clause(clause, entry);
        }
    }

    private static void clause(String clause, EntryBuilder entry) {
        String lower = clause.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dob ")) {
            entry.dateOfBirth(ListDates.ofac(clause.substring(4)));
        } else if (lower.startsWith("nationality ")) {
            entry.nationality(clause.substring(12));
        } else if (lower.startsWith("citizen ")) {
            entry.nationality(clause.substring(8));
        } else if (lower.startsWith("a.k.a. ") || lower.startsWith("f.k.a. ") || lower.startsWith("n.k.a. ")) {
            entry.alias(unquote(clause.substring(7)));
        } else {
            for (String document : DOCUMENTS) {
                if (clause.startsWith(document + " ")) {
                    entry.identifier(documentNumber(clause.substring(document.length())));
                    return;
                }
            }
        }
    }

    /** "A1234567 (Iran) expires 2030" is A1234567: the number ends where the issuing country or dates begin. */
    static String documentNumber(String rest) {
        String number = rest.strip();
        for (String end : List.of(" (", " issued", " expires", " valid")) {
            int at = number.indexOf(end);
            if (at >= 0) {
                number = number.substring(0, at);
            }
        }
        return number.strip();
    }

    private static String unquote(String value) {
        String alias = value.strip();
        if (alias.length() >= 2 && alias.startsWith("'") && alias.endsWith("'")) {
            alias = alias.substring(1, alias.length() - 1);
        }
        return alias;
    }
}
