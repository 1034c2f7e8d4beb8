package fr.croisements.ingest.fuzz;

import fr.croisements.datasets.Mutations;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.OccupationParking;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.Horodatages;
import fr.croisements.ingest.csv.Correspondance;
import fr.croisements.ingest.parking.OccupationAdapter;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The check shared by the occupancy fuzz suites (CSV and JSON): one damaged file through the adapter. */
final class OccupationFuzz {

    static final OccupationAdapter ADAPTATEUR = new OccupationAdapter();
    /** For the sample with a city's own column names ({@code free}, {@code max}, {@code collected_at}…). */
    static final OccupationAdapter AVEC_COLONNES = new OccupationAdapter(new Correspondance(Map.of(
            "id", "parking", "places-libres", "free", "instant", "collected_at", "capacite", "max", "statut", "status")));

    private final MockProducer<String, OccupationParking> occupations = new MockProducer<>(true, null,
            new StringSerializer(), Topics.STATIONNEMENT_OCCUPATION.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());

    /**
     * Every observation read is published or rejected with a French reason and its line; a file
     * rejected as a whole (its header) is one reject at line 1; the records sent are those counted.
     */
    void verifier(OccupationAdapter adapter, String source, OccupationAdapter.Format format, Mutations.Entree entree,
            Controles.Comptes comptes) throws IOException {
        occupations.clear();
        rejets.clear();

        Bilan bilan = adapter.publier(new ByteArrayInputStream(entree.octets()), source, format, occupations, rejets);

        List<OccupationParking> publiees = occupations.history().stream().map(ProducerRecord::value).toList();
        List<Rejet> rejetees = rejets.history().stream().map(ProducerRecord::value).toList();
        assertThat(publiees).hasSize((int) bilan.publies());
        assertThat(rejetees).hasSize((int) bilan.rejetes());
        Controles.rejets(rejetees, source);
        boolean fichierRejete = bilan.lus() == 0 && bilan.rejetes() == 1 && bilan.publies() == 0;
        if (fichierRejete) {
            assertThat(rejetees.get(0).position()).isEqualTo(source + ":1");
            Statistics.collect("fichier entier rejeté");
        } else {
            assertThat(bilan.publies() + bilan.rejetes()).isEqualTo(bilan.lus());
            if (format == OccupationAdapter.Format.CSV) {
                assertThat(bilan.lus()).as("lignes de données").isEqualTo(lignesDeDonnees(entree.octets()));
            }
            Statistics.collect(bilan.rejetes() == 0 ? "tout publié" : bilan.publies() == 0 ? "tout rejeté" : "en partie");
        }
        String texte = new String(entree.octets(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (format == OccupationAdapter.Format.JSON && !texte.isBlank()) {
            assertThat(bilan.publies() + bilan.rejetes()).as("a non-blank input is read").isPositive();
        }
        for (OccupationParking o : publiees) {
            assertThat(o.parkingId()).isNotBlank();
            assertThat(Horodatages.publiable(o.instant())).isTrue();
            assertThat(o.placesLibres()).isNotNegative();
            assertThat(o.capacite() == null || o.capacite() > 0 && o.placesLibres() <= o.capacite()).isTrue();
            assertThat(o.simule()).isFalse();
        }
        comptes.entrees.incrementAndGet();
        comptes.unites.addAndGet(bilan.lus());
        comptes.publies.addAndGet(bilan.publies());
        comptes.rejetes.addAndGet(bilan.rejetes());
    }

    /** The data lines, counted apart from the adapter: the non-blank lines after the first. */
    private static long lignesDeDonnees(byte[] octets) throws IOException {
        var lecteur = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(octets), StandardCharsets.UTF_8));
        lecteur.readLine();
        return lecteur.lines().filter(l -> !l.isBlank()).count();
    }
}
