package fr.croisements.app;

import fr.croisements.datasets.Territoires;
import fr.croisements.ingest.lora.Scenario;
import fr.croisements.ingest.parking.ScenarioStationnement;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The simulator's options, shared by {@code demo} and {@code run} (a picocli mixin). */
final class OptionsSimulation {

    @Option(names = "--vitesse", paramLabel = "VITESSE", defaultValue = "8640",
            description = "Secondes simulées par seconde réelle (défaut : ${DEFAULT-VALUE}, une journée en 10 s).")
    double vitesse;

    @Option(names = "--graine", paramLabel = "NOMBRE", defaultValue = "42", description = "Graine du simulateur (défaut : ${DEFAULT-VALUE}).")
    long graine;

    @Option(names = "--debut", paramLabel = "AAAA-MM-JJ", defaultValue = "2025-06-30",
            description = "Premier jour simulé, si aucune levée n'est encore publiée (défaut : ${DEFAULT-VALUE}).")
    LocalDate debut;

    @Option(names = "--territoire", paramLabel = "TERRITOIRE", defaultValue = "bassin-de-pompey",
            description = "Territoire dont les levées de bacs sont simulées (défaut : ${DEFAULT-VALUE}).")
    String territoire;

    @Option(names = "--territoire-capteurs", paramLabel = "TERRITOIRE", defaultValue = "grand-poitiers",
            description = "Territoire des capteurs LoRaWAN simulés (défaut : ${DEFAULT-VALUE}).")
    String territoireCapteurs;

    @Option(names = "--scenario", paramLabel = "SCENARIO", defaultValue = "canicule",
            description = "Météo simulée des capteurs : normal ou canicule (défaut : ${DEFAULT-VALUE}, une vague de "
                    + "chaleur de 5 jours à partir du 8e jour simulé).")
    String scenario;

    @Option(names = "--scenario-parkings", paramLabel = "SCENARIO", defaultValue = "marche",
            description = "Stationnement simulé : aucun, marche (samedi matin, centres-villes) ou festival "
                    + "(défaut : ${DEFAULT-VALUE}).")
    String scenarioParkings;

    /**
     * The simulation these options describe.
     *
     * @param commande the command, for the message of an unknown territory or scenario
     * @throws ParameterException in French, for an unknown territory or scenario
     */
    Application.Simulation simulation(Pseudonymiseur pseudonymiseur, CommandSpec commande) {
        try {
            return new Application.Simulation(Territoires.charger(territoire), Territoires.charger(territoireCapteurs), graine,
                    debut.atStartOfDay(ZoneOffset.UTC).toInstant(), vitesse, pseudonymiseur,
                    Scenario.depuisNom(scenario, debut.plusDays(7)), ScenarioStationnement.parNom(scenarioParkings, debut));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commande.commandLine(), e.getMessage() + ".");
        }
    }
}
