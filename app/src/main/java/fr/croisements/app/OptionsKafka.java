package fr.croisements.app;

import fr.croisements.events.ConfigurationKafka;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FICHIER}: Kafka properties (security of a secured cluster, or any client or Kafka Streams
 * setting) given to every Kafka client of the command ({@link ConfigurationKafka}).
 */
final class OptionsKafka {

    @Option(names = "--config", paramLabel = "FICHIER",
            description = "Fichier de propriétés Kafka (une « clé=valeur » par ligne) passées à tous les clients Kafka de "
                    + "la commande et à Kafka Streams : sécurité d'un cluster protégé (security.protocol, sasl.*, ssl.*) "
                    + "ou tout autre réglage. Le fichier l'emporte sur les réglages par défaut, et les options de la "
                    + "commande (--bootstrap-servers, --application-id, --threads…) sur le fichier.")
    Path config;

    /** Reads the file given, if any, before any Kafka client is made. */
    void charger() {
        if (config != null) {
            ConfigurationKafka.charger(config);
        }
    }
}
