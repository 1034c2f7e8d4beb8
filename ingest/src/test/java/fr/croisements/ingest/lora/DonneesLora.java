package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The official LoRaWAN test files (read-only, never copied), the project's own samples
 * ({@code src/test/resources/lora}) and helpers shared by the LoRa tests.
 */
final class DonneesLora {

    static final Clock HORLOGE = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    /** {@code shared/datasets/lora}, from the property the parent pom sets. */
    static Path dossier() {
        String propriete = System.getProperty("croisements.donnees.officielles");
        return (propriete != null ? Path.of(propriete) : Path.of("../../shared/datasets")).resolve("lora");
    }

    static Path echantillon(String nom) {
        return dossier().resolve("message_samples").resolve(nom);
    }

    static String texte(Path fichier) {
        try {
            return Files.readString(fichier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the project's own samples, {@code src/test/resources/lora/<nom>}, as a mutable tree. */
    static ObjectNode echantillonProjet(String nom) {
        try (InputStream in = DonneesLora.class.getResourceAsStream("/lora/" + nom)) {
            if (in == null) {
                throw new IllegalArgumentException("No test sample /lora/" + nom);
            }
            return (ObjectNode) LecteurMessages.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path fichier) {
        return json(texte(fichier));
    }

    static JsonNode json(String texte) {
        try {
            return LecteurMessages.MAPPER.readTree(texte);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TtsAdapter tts(Appareils appareils) {
        return new TtsAdapter(DecodeurRegistre.standard(), appareils, HORLOGE, false);
    }

    static ChirpstackAdapter chirpstack(Appareils appareils) {
        return new ChirpstackAdapter(DecodeurRegistre.standard(), appareils, HORLOGE, false);
    }

    static MockProducer<String, LoraUplink> producteurUplinks() {
        return new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
    }

    static MockProducer<String, LoraStatut> producteurStatuts() {
        return new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_STATUTS.valueSerde().serializer());
    }

    static MockProducer<String, Rejet> producteurRejets() {
        return new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());
    }

    private DonneesLora() {}
}
