package fr.croisements.datasets;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * A commune of a territory to import: a row of {@code insee/communes_territoires.csv} (which names the
 * territory) or a commune picked from the national list for {@code croisements import --epci}.
 *
 * @param territoire territory as written in the file, e.g. {@code BASSIN_DE_POMPEY}
 * @param codeInsee COG code, a string
 * @param nom commune name as published (with its article, e.g. "La Rochelle")
 * @param departement department code, e.g. {@code 54} or {@code 2A}
 * @param epciSiren SIREN of the commune's EPCI, or {@code null}
 * @param epciNom short EPCI name as published, e.g. "CC du Bassin de Pompey", or {@code null}
 * @param epciType EPCI type as published ({@code CC}, {@code CA}, {@code CU}, {@code METRO}), or {@code null}
 */
record CommuneTerritoire(
        String territoire,
        String codeInsee,
        String nom,
        String departement,
        String epciSiren,
        String epciNom,
        String epciType) {

    static final String TERRITOIRE = "territoire";

    /** Columns without which {@code communes_territoires.csv} cannot be read. */
    static final List<String> COLONNES = Stream.concat(Stream.of(TERRITOIRE), LigneCommune.COLONNES.stream()).toList();

    /** Pure: one row of {@code communes_territoires.csv}, or why it is skipped (no territory, or see {@link LigneCommune#parse}). */
    static Lecture<CommuneTerritoire> parse(CSVRecord row) {
        String territoire = TableCsv.valeur(row, TERRITOIRE);
        if (territoire == null) {
            return Lecture.rejet("territoire absent (colonne " + TERRITOIRE + ")");
        }
        Lecture<LigneCommune> commune = LigneCommune.parse(row);
        return commune.estRejet() ? Lecture.rejet(commune.raison())
                : Lecture.de(de(territoire, commune.valeur()), commune.avertissements());
    }

    static CommuneTerritoire de(String territoire, LigneCommune commune) {
        return new CommuneTerritoire(territoire, commune.codeInsee(), commune.nom(), commune.departement(),
                commune.epciSiren(), commune.epciNom(), commune.epciType());
    }

    /** The pack id of the territory: {@code BASSIN_DE_POMPEY} gives {@code bassin-de-pompey}. */
    String idTerritoire() {
        return territoire.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
