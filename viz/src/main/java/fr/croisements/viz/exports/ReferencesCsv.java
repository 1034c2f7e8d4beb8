package fr.croisements.viz.exports;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The INSEE figures of a territory pack as {@link Csv}: one row per commune
 * ({@code code_commune, nom_commune}, then one column per variable) or per IRIS
 * ({@code code_iris, code_commune, nom_commune}, then its variables). Variables are sorted by
 * name; a figure INSEE keeps secret says {@code secret}, a missing one is empty. Sources,
 * millésimes and licences are in the data catalogue. Pure.
 */
final class ReferencesCsv {

    private ReferencesCsv() {}

    static byte[] communes(Territoire t) {
        Set<String> variables = new TreeSet<>();
        t.communes().forEach(c -> {
            variables.addAll(c.chiffres().keySet());
            variables.addAll(c.secrets());
        });
        var entete = new ArrayList<>(List.of("code_commune", "nom_commune"));
        entete.addAll(variables);
        var lignes = new ArrayList<List<String>>();
        for (Commune c : t.communes()) {
            var l = new ArrayList<>(List.of(c.codeInsee(), c.nom()));
            variables.forEach(v -> l.add(chiffre(c.chiffres(), c.secrets(), v)));
            lignes.add(l);
        }
        return Csv.ecrire(entete, lignes);
    }

    static byte[] iris(Territoire t) {
        Set<String> variables = new TreeSet<>();
        t.iris().forEach(i -> {
            variables.addAll(i.chiffres().keySet());
            variables.addAll(i.secrets());
        });
        var entete = new ArrayList<>(List.of("code_iris", "code_commune", "nom_commune"));
        entete.addAll(variables);
        var lignes = new ArrayList<List<String>>();
        for (Iris i : t.iris()) {
            String nom = t.commune(i.codeInsee()).map(Commune::nom).orElse("");
            var l = new ArrayList<>(List.of(i.codeIris(), i.codeInsee(), nom));
            variables.forEach(v -> l.add(chiffre(i.chiffres(), i.secrets(), v)));
            lignes.add(l);
        }
        return Csv.ecrire(entete, lignes);
    }

    private static String chiffre(Map<String, Double> chiffres, Set<String> secrets, String variable) {
        return secrets.contains(variable) ? IndicateurCsv.SECRET : Csv.nombre(chiffres.get(variable));
    }
}
