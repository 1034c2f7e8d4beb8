package fr.croisements.streams.indicateurs;

import static fr.croisements.events.Topics.REJETS;

import fr.croisements.datasets.Commune;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Rejet;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.geo.LocalisateurZone;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * What every crossing of one topology shares: the builder, the reference tables (INSEE figures by
 * zone code, car parks by id: each read once, when a crossing first asks for it), the zone locators
 * (communes, and IRIS where the packs have their contours), and the one way to publish cells and to reject. Used while the topology is built, by
 * one thread.
 */
public final class Entrees {

    private final StreamsBuilder builder;
    private final CommuneLocator locator;
    private final LocalisateurZone localisateurIris;
    private KTable<String, IndicateurInsee> insee;
    private KTable<String, ParcStationnement> parkings;

    /** Nowhere: the IRIS locator of a topology built without IRIS contours. */
    public static final LocalisateurZone AUCUN_IRIS = (longitude, latitude) -> java.util.Optional.empty();

    public Entrees(StreamsBuilder builder, CommuneLocator locator) {
        this(builder, locator, AUCUN_IRIS);
    }

    public Entrees(StreamsBuilder builder, CommuneLocator locator, LocalisateurZone localisateurIris) {
        this.builder = builder;
        this.locator = locator;
        this.localisateurIris = localisateurIris;
    }

    /** A topology made of these crossings, locating points in these communes. */
    public static Topology topologie(List<Commune> communes, List<? extends Croisement> croisements) {
        return topologie(new CommuneLocator(communes), croisements);
    }

    /**
     * A topology made of these crossings. The INSEE table is read first, as it always was: the
     * numbering of the sub-topologies (and so of the tasks and their state folders) stays that of
     * the hand-written pipeline.
     */
    public static Topology topologie(CommuneLocator locator, List<? extends Croisement> croisements) {
        return topologie(locator, AUCUN_IRIS, croisements);
    }

    /** A topology made of these crossings, locating points in communes and in IRIS. */
    public static Topology topologie(CommuneLocator locator, LocalisateurZone localisateurIris,
            List<? extends Croisement> croisements) {
        var entrees = new Entrees(new StreamsBuilder(), locator, localisateurIris);
        entrees.insee();
        croisements.forEach(c -> c.ajouter(entrees));
        return entrees.builder().build();
    }

    public StreamsBuilder builder() {
        return builder;
    }

    /** Finds the commune of a point: the one locator of the pipeline. */
    public CommuneLocator locator() {
        return locator;
    }

    /**
     * Finds the IRIS of a point (9-character code), among the IRIS whose contours the packs have
     * ({@link fr.croisements.streams.geo.IrisLocator}); empty elsewhere.
     */
    public LocalisateurZone localisateurIris() {
        return localisateurIris;
    }

    /** The INSEE figures of every zone, by zone code ({@link ReferencesInsee}). */
    public KTable<String, IndicateurInsee> insee() {
        if (insee == null) {
            insee = ReferencesInsee.table(builder);
        }
        return insee;
    }

    /** The car parks, by id ({@link ReferencesParkings}). */
    public KTable<String, ParcStationnement> parkings() {
        if (parkings == null) {
            parkings = ReferencesParkings.table(builder);
        }
        return parkings;
    }

    /**
     * Keeps the cells of {@code definition} in its store and writes them to its topic
     * ({@code indicateurs-<id>}, key = zone code). Adds the store to the topology.
     */
    public void publier(KStream<String, Indicateur> cellules, DefinitionIndicateur definition) {
        builder.addStateStore(CellulesStore.builder(definition));
        CellulesStore.publier(cellules, definition);
    }

    /**
     * The one way to reject: each {@link Rejet} goes to the rejects topic keyed by its source, so
     * that what a crossing cannot use is kept with its position and reason, never dropped.
     *
     * @param etape names the step ({@code <etape>-cle-source}, {@code <etape>-rejets-sink})
     */
    public void rejeter(KStream<String, Rejet> rejets, String etape) {
        rejets.selectKey((cle, rejet) -> rejet.source(), Named.as(etape + "-cle-source"))
                .to(REJETS.name(), Produced.with(REJETS.keySerde(), REJETS.valueSerde()).withName(etape + "-rejets-sink"));
    }
}
