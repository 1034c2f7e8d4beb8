package fr.croisements.streams.insee;

import static fr.croisements.events.Indicateurs.FRAGILITE_ISOLEMENT;
import static fr.croisements.events.Topics.INDICATEURS_FRAGILITE_ISOLEMENT;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Source;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * "Fragilité face à l'isolement": for each commune, the geometric mean of three INSEE rates, the
 * share of people aged 75 and over, the share of one-person households and the poverty rate.
 *
 * <pre>
 * In:  ref-insee-communes (KTable)       key = code INSEE, value = IndicateurInsee
 * Out: indicateurs-fragilite-isolement   key = code INSEE, value = Indicateur (one cell per commune,
 *                                        spanning the years of its components' millésimes)
 * Store: indicateurs-fragilite-isolement-store
 * </pre>
 *
 * Recomputed whenever a commune's INSEE row changes. A component that INSEE keeps secret makes the
 * cell secret (no value), never a 0; the other components stay visible, each with its source. A
 * commune lacking a component for another reason (not published for it) gets no cell.
 */
public final class FragiliteIsolementTopology implements Croisement {

    /** The components, in the order shown. */
    public static final List<String> COMPOSANTES = List.of("part_75_plus", "part_menages_une_personne", "taux_pauvrete");

    private static final FabriqueCellules CELLULES = new FabriqueCellules(FRAGILITE_ISOLEMENT);

    public Topology build() {
        return Entrees.topologie(List.of(), List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(FRAGILITE_ISOLEMENT);
    }

    @Override
    public void ajouter(Entrees entrees) {
        KStream<String, Indicateur> cellules = entrees.insee()
                .toStream(Named.as("fragilite-references"))
                .mapValues(FragiliteIsolementTopology::calculer, Named.as("calculer-fragilite"))
                .filter((code, cellule) -> cellule != null, Named.as("fragilite-calculables"));
        entrees.publier(cellules, FRAGILITE_ISOLEMENT);
    }

    /** Pure: the cell of one commune, or {@code null} when a component is neither published nor secret. */
    static Indicateur calculer(IndicateurInsee ref) {
        if (ref == null) {
            return null;
        }
        var taux = new LinkedHashMap<String, Double>();
        var sources = new LinkedHashMap<String, Source>();
        boolean secret = false;
        for (String composante : COMPOSANTES) {
            if (ref.source(composante) != null) {
                sources.put(composante, ref.source(composante));
            }
            Double valeur = ref.valeur(composante);
            if (valeur != null) {
                taux.put(composante, valeur);
            } else if (ref.estSecret(composante)) {
                secret = true;
            } else {
                return null;
            }
        }
        Double indice = secret ? null : Math.round(10.0 * Math.cbrt(taux.values().stream()
                .reduce(1.0, (a, b) -> a * b))) / 10.0;
        int debut = sources.values().stream().mapToInt(FragiliteIsolementTopology::annee)
                .min().orElse(LocalDate.now(ZoneOffset.UTC).getYear());
        int fin = sources.values().stream().mapToInt(FragiliteIsolementTopology::annee).max().orElse(debut) + 1;
        var cellule = CELLULES.cellule(ref.codeZone(), ref.niveau(), ref.nom(),
                        LocalDate.of(debut, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        LocalDate.of(fin, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .valeur(indice)
                .mesures(taux);
        sources.forEach(cellule::sourceMesure);
        return (secret ? cellule.secretDUneSource() : cellule).construire();
    }

    private static int annee(Source source) {
        String chiffres = source.millesime().replaceAll("\\D", "");
        return chiffres.length() >= 4 ? Integer.parseInt(chiffres.substring(0, 4)) : LocalDate.now(ZoneOffset.UTC).getYear();
    }
}
