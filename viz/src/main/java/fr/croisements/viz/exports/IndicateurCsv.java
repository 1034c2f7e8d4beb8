package fr.croisements.viz.exports;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Source;
import fr.croisements.viz.territoires.Periodes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The cells of one indicator for the communes of one territory, one row per commune and window
 * (oldest first), as {@link Csv}. Columns, in French:
 *
 * <pre>
 * code_commune, nom_commune                 the commune (code as text: 2A004)
 * debut, fin, periode                       first and last day of the window (UTC, both included), its label
 * etat                                      "valeur disponible", "secret statistique", or e.g. "pas encore de levée"
 * valeur, unite                             "secret" when the cell is secret
 * numerateur, denominateur                  only for an indicator that has them; numerateur "secret" when secret
 * &lt;composante&gt;, source_&lt;composante&gt;        for each component of a composite ("secret" for the one INSEE
 *                                           hides), or measure detailing a ratio
 * secret_statistique, donnees_simulees      "oui" or "non"
 * sources                                   every source of the cell, separated by " | "
 * </pre>
 *
 * A commune without any cell has one row with its {@code etat} and empty figures. At IRIS level
 * ({@link #ecrireIris}) the rows are the IRIS of the territory that have a contour, and the first columns
 * {@code code_iris, nom_iris, code_commune, nom_commune}. Pure.
 */
final class IndicateurCsv {

    static final String SECRET = "secret";

    private IndicateurCsv() {}

    /** A zone of the file: its code (to read its cells) and the values of its first columns. */
    private record ZoneCsv(String code, List<String> colonnes) {}

    static byte[] ecrire(DefinitionIndicateur d, Territoire territoire, Function<String, List<Indicateur>> historique) {
        return ecrire(d, List.of("code_commune", "nom_commune"), territoire.communes().stream()
                .map(c -> new ZoneCsv(c.codeInsee(), List.of(c.codeInsee(), c.nom()))).toList(), historique);
    }

    /** The cells of the IRIS of the territory that have a contour. */
    static byte[] ecrireIris(DefinitionIndicateur d, Territoire territoire, Function<String, List<Indicateur>> historique) {
        return ecrire(d, List.of("code_iris", "nom_iris", "code_commune", "nom_commune"), territoire.irisAvecContour()
                .stream().map(i -> new ZoneCsv(i.codeIris(), List.of(i.codeIris(), i.nom() == null ? "" : i.nom(),
                        i.codeInsee(), territoire.commune(i.codeInsee()).map(Commune::nom).orElse("")))).toList(),
                historique);
    }

    private static byte[] ecrire(DefinitionIndicateur d, List<String> colonnesZone, List<ZoneCsv> zones,
            Function<String, List<Indicateur>> historique) {
        // a ratio may also list the measures behind it (LoRaWAN indicators): both column groups then
        boolean ratio = d.libelles().numerateur() != null;
        var entete = new ArrayList<>(colonnesZone);
        entete.addAll(List.of("debut", "fin", "periode", "etat", "valeur", "unite"));
        if (ratio) {
            entete.addAll(List.of("numerateur", "denominateur"));
        }
        d.composantes().keySet().forEach(c -> entete.addAll(List.of(c, "source_" + c)));
        entete.addAll(List.of("secret_statistique", "donnees_simulees", "sources"));

        var lignes = new ArrayList<List<String>>();
        for (ZoneCsv zone : zones) {
            List<Indicateur> cellules = historique.apply(zone.code()).stream()
                    .sorted(Comparator.comparing(Indicateur::debut)).toList();
            if (cellules.isEmpty()) {
                lignes.add(sansCellule(d, zone, entete.size()));
            }
            cellules.forEach(c -> lignes.add(ligne(d, zone, c, ratio)));
        }
        return Csv.ecrire(entete, lignes);
    }

    private static List<String> ligne(DefinitionIndicateur d, ZoneCsv zone, Indicateur c, boolean ratio) {
        boolean secret = c.secret();
        var l = new ArrayList<String>(zone.colonnes());
        l.add(c.debut().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        l.add(c.fin().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().toString());
        l.add(Periodes.libelle(c.debut(), c.fin()));
        l.add(secret ? "secret statistique" : c.valeur() == null ? d.libelles().sansDonnee() : "valeur disponible");
        l.add(secret ? SECRET : Csv.nombre(c.valeur()));
        l.add(c.unite() != null ? c.unite() : d.unite());
        if (ratio) {
            l.add(secret ? SECRET : Csv.nombre(c.numerateur()));
            l.add(Csv.nombre(c.denominateur()));
        }
        d.composantes().keySet().forEach(code -> {
            Double valeur = c.mesures().get(code);
            l.add(valeur != null ? Csv.nombre(valeur) : secret ? SECRET : "");
            Source source = c.sourcesMesures().get(code);
            l.add(source == null ? "" : source.libelle());
        });
        l.add(Csv.ouiNon(secret));
        l.add(Csv.ouiNon(c.simule()));
        l.add(String.join(" | ", c.sources().stream().map(Source::libelle).toList()));
        return l;
    }

    private static List<String> sansCellule(DefinitionIndicateur d, ZoneCsv zone, int colonnes) {
        var l = new ArrayList<String>(zone.colonnes());
        l.addAll(List.of("", "", "", d.libelles().sansDonnee(), "", d.unite()));
        while (l.size() < colonnes - 3) {
            l.add("");
        }
        l.addAll(List.of(Csv.ouiNon(false), Csv.ouiNon(false), ""));
        return l;
    }
}
