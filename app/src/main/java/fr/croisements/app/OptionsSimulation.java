package fr.croisements.app;

import fr.croisements.datasets.Territoires;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** The simulator's options, shared by {@code demo} and {@code run} (a picocli mixin). */
final class OptionsSimulation {

    @Option(names = "--vitesse", defaultValue = "60480",
            description = "Secondes simulées par seconde réelle (défaut : ${DEFAULT-VALUE}, une semaine en 10 s).")
    double vitesse;

    @Option(names = "--graine", defaultValue = "42", description = "Graine du simulateur (défaut : ${DEFAULT-VALUE}).")
    long graine;

    @Option(names = "--debut", defaultValue = "2025-01-06",
            description = "Premier jour simulé, si aucune levée n'est encore publiée (défaut : ${DEFAULT-VALUE}).")
    LocalDate debut;

    @Option(names = "--territoire", defaultValue = "bassin-de-pompey",
            description = "Territoire dont les levées de bacs sont simulées (défaut : ${DEFAULT-VALUE}).")
    String territoire;

    Application.Simulation simulation(Pseudonymiseur pseudonymiseur) {
        return new Application.Simulation(Territoires.charger(territoire), graine,
                debut.atStartOfDay(ZoneOffset.UTC).toInstant(), vitesse, pseudonymiseur);
    }
}
