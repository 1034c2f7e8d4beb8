package fr.croisements.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.RegistreIndicateurs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;

/**
 * The cells of an indicator, whichever instance holds them: this instance's active stores, then
 * every other instance of the application that holds the store (scatter-gather over the internal
 * API, {@code /interne/indicateurs/…}). When an instance does not answer (stopped, crashed, not yet
 * replaced by the rebalance), the standby replicas of the others, and this one's, fill in what it
 * held: a map stays complete while an instance is away, with {@code num.standby.replicas} ≥ 1.
 * Cells of one zone and window given twice (an active task and a standby replica of it) are taken
 * from the active one. Thread-safe.
 */
public final class RoutedIndicateursQueries implements IndicateursQueries {

    private static final TypeReference<List<Indicateur>> CELLULES = new TypeReference<>() {};

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
    public Map<String, Indicateur> dernieres(String indicateur) {
        var secours = locales.avecSecours();
        List<Indicateur> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                "/interne/indicateurs/" + indicateur + "/dernieres",
                () -> List.copyOf(locales.dernieres(indicateur).values()),
                () -> List.copyOf(secours.dernieres(indicateur).values()), CELLULES);
        return LocalIndicateursQueries.plusRecentes(toutes.stream().map(c -> KeyValue.pair(c.codeZone(), c)).iterator());
    }

    @Override
    public List<Indicateur> historique(String indicateur, String codeZone) {
        var secours = locales.avecSecours();
        List<Indicateur> toutes = instances.apply(indicateur).rassembler(store(indicateur),
                "/interne/indicateurs/" + indicateur + "/zones/" + URLEncoder.encode(codeZone, StandardCharsets.UTF_8),
                () -> locales.historique(indicateur, codeZone), () -> secours.historique(indicateur, codeZone), CELLULES);
        var parFenetre = new TreeMap<Instant, Indicateur>();
        toutes.forEach(c -> parFenetre.putIfAbsent(c.debut(), c));
        return new ArrayList<>(parFenetre.values());
    }

    private String store(String indicateur) {
        DefinitionIndicateur definition = registre.parId(indicateur)
                .orElseThrow(() -> new IllegalArgumentException("indicateur inconnu : " + indicateur));
        return definition.store();
    }
}
