package fr.croisements.ingest.waste;

import static java.util.stream.Collectors.toSet;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Source;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small territories built from inline WKT, and helpers shared by the waste tests. */
final class Fixtures {

    static final Pseudonymiseur PSEUDONYMISEUR =
            Pseudonymiseur.avecCle("clé de test des levées, 32 octets".getBytes(StandardCharsets.UTF_8));
    static final Source INSEE = new Source("Recensement de la population", "Insee", "2022", "Licence Ouverte 2.0", false);

    /** A square, a concave L shape, a two-island multipolygon, and a commune without household figure. */
    static Territoire petitTerritoire() {
        return territoire(List.of(
                commune("54001", "Carréville", 400, 880.0,
                        "POLYGON ((6.00 48.80, 6.04 48.80, 6.04 48.83, 6.00 48.83, 6.00 48.80))"),
                commune("54002", "Équerre-sur-Moselle", 300, 600.0,
                        "POLYGON ((6.04 48.80, 6.10 48.80, 6.10 48.81, 6.05 48.81, 6.05 48.83, 6.04 48.83, 6.04 48.80))"),
                commune("2A004", "Deux-Îles", 150, null,
                        "MULTIPOLYGON (((6.20 48.80, 6.21 48.80, 6.21 48.81, 6.20 48.81, 6.20 48.80)),"
                                + " ((6.25 48.85, 6.26 48.85, 6.26 48.86, 6.25 48.86, 6.25 48.85)))"),
                commune("54004", "Sans-Ménages", null, 12.0,
                        "POLYGON ((6.30 48.80, 6.31 48.80, 6.31 48.81, 6.30 48.81, 6.30 48.80))")));
    }

    /** About the size of the Bassin de Pompey: 18 000 households. */
    static Territoire grandTerritoire() {
        return territoire(IntStream.range(0, 6)
                .mapToObj(i -> commune("5410" + i, "Commune " + i, 3000, 6600.0, String.format(java.util.Locale.ROOT,
                        "POLYGON ((%1$.2f 48.8, %2$.2f 48.8, %2$.2f 48.9, %1$.2f 48.9, %1$.2f 48.8))",
                        6.0 + i * 0.1, 6.1 + i * 0.1)))
                .toList());
    }

    static Territoire territoire(List<Commune> communes) {
        return new Territoire("test", "Territoire de test", "200000000",
                Map.of(Commune.MENAGES, INSEE, Commune.POPULATION, INSEE), INSEE, communes, List.of());
    }

    static Commune commune(String code, String nom, Integer menages, Double population, String wkt) {
        var chiffres = new HashMap<String, Double>();
        if (menages != null) {
            chiffres.put(Commune.MENAGES, menages.doubleValue());
        }
        if (population != null) {
            chiffres.put(Commune.POPULATION, population);
        }
        try {
            return new Commune(code, nom, chiffres, java.util.Set.of(), new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** Every clear chip id the simulator derives for a territory and seed. */
    static Set<String> idsClairs(Territoire territoire, long graine) {
        return territoire.communes().stream()
                .flatMap(c -> IntStream.range(0, (int) Math.round(c.chiffres().getOrDefault(Commune.MENAGES, 0.0)))
                        .mapToObj(rang -> LeveesSimulateur.idPuce(graine, c.codeInsee(), rang)))
                .collect(toSet());
    }

    private static final Pattern JETON = Pattern.compile("[A-Za-z0-9]+");

    /** The alphanumeric tokens of a text: a clear id inside JSON would be one of them. */
    static Set<String> jetons(String texte) {
        return JETON.matcher(texte).results().map(m -> m.group()).collect(toSet());
    }

    /** The official datasets folder, from the property the parent pom sets, or next to the repo. */
    static Path donneesOfficielles() {
        String propriete = System.getProperty("croisements.donnees.officielles");
        return propriete != null ? Path.of(propriete) : Path.of("../../shared/datasets");
    }

    private Fixtures() {}
}
