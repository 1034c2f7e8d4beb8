package fr.croisements.ingest.stationnement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.Rejet;
import fr.croisements.events.SejourPlace;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.csv.Correspondance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Paid-parking transactions to stays: our columns, another export's through --colonne, and the rejects with line and reason. */
class HorodateursAdapterTest {

    private static final Clock HORLOGE = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private final MockProducer<String, SejourPlace> sejours = new MockProducer<>(true, null, new StringSerializer(),
            Topics.STATIONNEMENT_SEJOURS.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets = new MockProducer<>(true, null, new StringSerializer(),
            Topics.REJETS.valueSerde().serializer());

    private Bilan publier(Correspondance c, String texte) throws Exception {
        return new HorodateursAdapter(c, HORLOGE).publier(new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)),
                "horodateurs.csv", sejours, rejets);
    }

    @Test
    void publishesEachTransactionAsAStayKeyedByItsSpaceAndDatedByItsStart() throws Exception {
        Bilan b = publier(Correspondance.AUCUNE, """
                debut;fin;place;zone;longitude;latitude;montant;limite_minutes
                2026-03-03 10:15;2026-03-03 11:00;M-12;Centre;2,29583;48,75148;1,20;120
                2026-03-03T14:00:00+01:00;2026-03-03T16:30:00+01:00;;Pajeaud;2.28132;48.74051;;
                """);
        assertThat(b.publies()).isEqualTo(2);
        assertThat(b.rejetes()).isZero();
        var r = sejours.history();
        assertThat(r.get(0).key()).isEqualTo("M-12");
        assertThat(r.get(0).timestamp()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z").toEpochMilli());
        assertThat(r.get(0).value()).isEqualTo(new SejourPlace("M-12", Instant.parse("2026-03-03T09:15:00Z"),
                Instant.parse("2026-03-03T10:00:00Z"), 2.29583, 48.75148, 120, SejourPlace.HORODATEUR, false));
        assertThat(r.get(1).key()).isEqualTo("Pajeaud"); // no space: the zone
        assertThat(r.get(1).value().limiteMinutes()).isNull();
    }

    @Test
    void readsAnotherExportThroughTheColumnMapping() throws Exception {
        Bilan b = publier(new Correspondance(Map.of("debut", "start_time", "fin", "end_time", "zone", "area", "longitude", "lon",
                "latitude", "lat", "montant", "amount")), """
                start_time,end_time,area,lon,lat,amount
                03/03/2026 10:00,03/03/2026 10:30,Croix de Berny,2.30889,48.75932,0.80
                """);
        assertThat(b.publies()).isEqualTo(1);
        assertThat(sejours.history().get(0).value().place()).isEqualTo("Croix de Berny");
    }

    @Test
    void rejectsBadRowsWithLineAndReasonAndKeepsTheOthers() throws Exception {
        Bilan b = publier(Correspondance.AUCUNE, """
                debut;fin;place;longitude;latitude;montant
                2026-03-03 10:15;2026-03-03 09:00;M-1;2.29;48.75;1
                2026-03-03 10:15;demain;M-2;2.29;48.75;1
                2026-03-03 10:15;2026-03-03 11:00;;2.29;48.75;1
                2026-03-03 10:15;2026-03-03 11:00;M-4;200;48.75;1
                2026-03-03 10:15;2026-03-03 11:00;M-5;2.29;48.75;-3
                2026-03-03 10:15;2026-03-03 11:00;M-6;2.29;48.75;2
                """);
        assertThat(b.publies()).isEqualTo(1);
        assertThat(b.rejetes()).isEqualTo(5);
        var raisons = rejets.history().stream().map(r -> r.value().position() + " " + r.value().raison()).toList();
        assertThat(raisons).hasSize(5);
        assertThat(raisons.get(0)).startsWith("horodateurs.csv:2 fin 2026-03-03T08:00:00Z avant le début");
        assertThat(raisons.get(1)).startsWith("horodateurs.csv:3 fin illisible : « demain »");
        assertThat(raisons.get(2)).isEqualTo("horodateurs.csv:4 ni place ni zone : la transaction ne peut être rattachée à aucun emplacement");
        assertThat(raisons.get(3)).isEqualTo("horodateurs.csv:5 longitude hors plage : 200 (de -180 à 180)");
        assertThat(raisons.get(4)).isEqualTo("horodateurs.csv:6 montant hors plage : -3 (de 0 à 10000)");
    }

    @Test
    void aFileWithoutItsColumnsIsRejectedWholeWithTheOptionToGive() throws Exception {
        Bilan b = publier(Correspondance.AUCUNE, """
                start;end;bay;lon;lat
                2026-03-03 10:15;2026-03-03 11:00;M-1;2.29;48.75
                """);
        assertThat(b.publies()).isZero();
        assertThat(rejets.history().get(0).value().raison()).contains("colonnes manquantes").contains("--colonne debut=start")
                .contains("--colonne place=bay");
    }

    @Test
    void refusesAnUnknownRole() {
        assertThatThrownBy(() -> new HorodateursAdapter(new Correspondance(Map.of("prix", "amount"))))
                .hasMessageStartingWith("rôle inconnu pour l'adaptateur horodateurs : « prix »");
    }
}
