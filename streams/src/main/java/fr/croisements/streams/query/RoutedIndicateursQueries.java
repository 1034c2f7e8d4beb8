package fr.croisements.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.RegistreIndicateurs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;

/**
 * The cells of an indicator, whichever instance holds them: this instance's active stores, then
 * every other instance of the application that holds the store (scatter-gather over the internal
 * API, {@code /interne/indicateurs/…}, each instance asked only for the zones, and the period, of the
 * question). When an instance does not answer (stopped, crashed, not yet
 * replaced by the rebalance), the standby replicas of the others, and this one's, fill in what it
 * held: a map stays complete while an instance is away, with {@code num.standby.replicas} ≥ 1.
 * Cells of one zone and window given twice (an active task and a standby replica of it) are taken
 * from the active one. Thread-safe.
 */
public final class RoutedIndicateursQueries implements IndicateursQueries {

    private static final TypeReference<List<Indicateur>> CELLULES = new TypeReference<>() {};
    private static final TypeReference<List<FenetreZone>> FENETRES = new TypeReference<>() {};

    private final LocalIndicateursQueries locales;
    private final RegistreIndicateurs registre;
    private final Function<String, Instances> instances;

    /**
     * @param locales this instance's active stores ({@link LocalIndicateursQueries#avecSecours()} is the fallback)
     * @param instances the instances of the application computing an indicator, by its id
     */
    public RoutedIndicateursQueries(LocalIndicateursQueries locales, RegistreIndicateurs registre,
            Function<String, Instances> instances) {
        this.locales = locales;
        this.registre = registre;
        this.instances = instances;
    }

    @Override
    public Map<String, Indicateur> dernieres(String indicateur, Collection<String> zones) {
        if (zones.isEmpty()) {
            return Map.of();
        }
        var secours = locales.avecSecours();
        List<Indicateur> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                interne(indicateur) + "/dernieres", DemandeCellules.zones(zones),
                () -> List.copyOf(locales.dernieres(indicateur, zones).values()),
                () -> List.copyOf(secours.dernieres(indicateur, zones).values()), CELLULES);
        return LocalIndicateursQueries.plusRecentes(toutes.stream().map(c -> KeyValue.pair(c.codeZone(), c)).iterator());
    }

    @Override
    public List<Indicateur> cellules(String indicateur, Collection<String> zones, Instant debut, Instant fin) {
        if (zones.isEmpty()) {
            return List.of();
        }
        var secours = locales.avecSecours();
        List<Indicateur> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                interne(indicateur) + "/cellules", new DemandeCellules(List.copyOf(zones), debut, fin),
                () -> locales.cellules(indicateur, zones, debut, fin),
                () -> secours.cellules(indicateur, zones, debut, fin), CELLULES);
        // the first of a zone and window wins: an active task's before a standby replica's
        var parCellule = new TreeMap<String, TreeMap<Instant, Indicateur>>();
        toutes.forEach(c -> parCellule.computeIfAbsent(c.codeZone(), z -> new TreeMap<>()).putIfAbsent(c.debut(), c));
        var cellules = new ArrayList<Indicateur>();
        parCellule.values().forEach(z -> cellules.addAll(z.values()));
        return cellules;
    }

    @Override
    public List<Indicateur> historique(String indicateur, String codeZone) {
        var secours = locales.avecSecours();
        List<Indicateur> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                interne(indicateur) + "/zones/" + URLEncoder.encode(codeZone, StandardCharsets.UTF_8),
                () -> locales.historique(indicateur, codeZone), () -> secours.historique(indicateur, codeZone), CELLULES);
        var parFenetre = new TreeMap<Instant, Indicateur>();
        toutes.forEach(c -> parFenetre.putIfAbsent(c.debut(), c));
        return new ArrayList<>(parFenetre.values());
    }

    @Override
    public List<FenetreZone> fenetres(String indicateur, Collection<String> zones) {
        if (zones.isEmpty()) {
            return List.of();
        }
        var secours = locales.avecSecours();
        List<FenetreZone> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                interne(indicateur) + "/fenetres", DemandeCellules.zones(zones),
                () -> locales.fenetres(indicateur, zones), () -> secours.fenetres(indicateur, zones), FENETRES);
        var uniques = new TreeSet<FenetreZone>(FenetreZone.ORDRE);
        uniques.addAll(toutes);
        return new ArrayList<>(uniques);
    }

    private static String interne(String indicateur) {
        return "/interne/indicateurs/" + URLEncoder.encode(indicateur, StandardCharsets.UTF_8);
    }

    private String store(String indicateur) {
        DefinitionIndicateur definition = registre.parId(indicateur)
                .orElseThrow(() -> new IllegalArgumentException("indicateur inconnu : " + indicateur));
        return definition.store();
    }
}
