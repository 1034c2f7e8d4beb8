package fr.croisements.datasets;

import fr.croisements.events.Zone;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * One commune row of {@code insee/comparateur_communes_dep_17_54_86_92.csv}: a compilation of
 * INSEE's "Base du comparateur de territoires" (see SOURCES.md). Figures are {@code null} when
 * the cell is empty or marks a secret or unavailable value ({@code s}, {@code nd}); never 0.
 *
 * @param codeInsee COG code, a string ({@code 2A004} stays as is)
 * @param latitude WGS84 latitude of the commune's reference point, or {@code null}
 * @param longitude WGS84 longitude of the commune's reference point, or {@code null}
 */
record LigneComparateur(
        String codeInsee,
        String nom,
        Double latitude,
        Double longitude,
        Double population,
        Double menages,
        Double superficieKm2) {

    static final String CODE = "insee_com";
    static final String NOM = "commune_article";
    static final String LATITUDE = "lat";
    static final String LONGITUDE = "lng";
    static final String POPULATION = "population_2021";
    static final String MENAGES = "menages_2021";
    static final String SUPERFICIE = "superficie_km2";

    /** Cell values INSEE uses for a secret or unavailable figure. */
    private static final Set<String> ABSENT = Set.of("s", "nd", "na", "n/a", "-");

    /**
     * Pure: one CSV row to a line, or empty when the code is missing or is not a commune code.
     *
     * @throws IllegalArgumentException naming the column when a figure is neither a number nor a
     *     secrecy marker
     */
    static Optional<LigneComparateur> parse(CSVRecord row) {
        String code = TableCsv.valeur(row, CODE);
        if (!Zone.estCodeCommune(code)) {
            return Optional.empty();
        }
        return Optional.of(new LigneComparateur(
                code,
                TableCsv.valeur(row, NOM),
                nombre(row, LATITUDE),
                nombre(row, LONGITUDE),
                nombre(row, POPULATION),
                nombre(row, MENAGES),
                nombre(row, SUPERFICIE)));
    }

    /** The figures present, keyed by {@link Commune} variable names, in a fixed order. */
    Map<String, Double> chiffres() {
        var chiffres = new LinkedHashMap<String, Double>();
        if (population != null) {
            chiffres.put(Commune.POPULATION, population);
        }
        if (menages != null) {
            chiffres.put(Commune.MENAGES, menages);
        }
        if (superficieKm2 != null) {
            chiffres.put(Commune.SUPERFICIE_KM2, superficieKm2);
        }
        return chiffres;
    }

    private static Double nombre(CSVRecord row, String colonne) {
        String value = TableCsv.valeur(row, colonne);
        if (value == null || ABSENT.contains(value.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.')).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Not a number in column " + colonne + " at line " + row.getRecordNumber() + ": '" + value + "'", e);
        }
    }
}
