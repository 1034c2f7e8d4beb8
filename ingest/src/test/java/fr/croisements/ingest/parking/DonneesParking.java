package fr.croisements.ingest.parking;

import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The official car-park files (read-only, never copied into the project) and helpers shared by the parking tests. */
final class DonneesParking {

    static final Clock HORLOGE = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final String LA_ROCHELLE = "la_rochelle_parkings_schema_stationnement.csv";
    static final String POITIERS = "poitiers_parkings_bnls_2022.csv";
    static final String MONTPELLIER_LISTE = "montpellier_parkings.csv";
    static final String MONTPELLIER_OCCUPATION = "montpellier_parkings_occupancy_2025-12-28_2026-02-08.csv";

    /** {@code shared/datasets/parking}, from the property the parent pom sets. */
    static Path dossier() {
        String propriete = System.getProperty("croisements.donnees.officielles");
        return (propriete != null ? Path.of(propriete) : Path.of("../../shared/datasets")).resolve("parking");
    }

    static Path fichier(String nom) {
        return dossier().resolve(nom);
    }

    static MockProducer<String, ParcStationnement> producteurParcs() {
        return new MockProducer<>(true, null, new StringSerializer(), Topics.REF_PARKINGS.valueSerde().serializer());
    }

    static MockProducer<String, OccupationParking> producteurOccupations() {
        return new MockProducer<>(true, null, new StringSerializer(),
                Topics.STATIONNEMENT_OCCUPATION.valueSerde().serializer());
    }

    static MockProducer<String, Rejet> producteurRejets() {
        return new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());
    }

    private DonneesParking() {}
}
