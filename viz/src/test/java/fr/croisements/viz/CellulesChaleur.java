package fr.croisements.viz;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Cells of "personnes de 75 ans et plus exposées à la chaleur", as its topology writes them: a ratio with measures. */
public final class CellulesChaleur {

    public static final String INDICATEUR = Indicateurs.EXPOSITION_CHALEUR_75_PLUS.id();
    public static final Instant JOUR = Instant.parse("2025-01-08T00:00:00Z");
    public static final Source CAPTEURS = new Source("Capteurs LoRaWAN de température (simulateur Croisements)",
            "Croisements", "simulation", "Licence Ouverte 2.0", true);
    public static final Source POPULATION = new Source("Recensement de la population, population par âge", "Insee", "2022",
            "Licence Ouverte 2.0", false);

    private CellulesChaleur() {}

    /** One commune-day of {@link #JOUR}: everyone aged 75+ is exposed when the hottest sensor reached 30 °C. */
    public static Indicateur cellule(String code, String nom, double population75, double maximum, double moyenne,
            int capteurs, int auDessus) {
        return cellule(code, nom, JOUR, population75, maximum, moyenne, capteurs, auDessus);
    }

    /** One commune-day starting at {@code jour} (midnight UTC). */
    public static Indicateur cellule(String code, String nom, Instant jour, double population75, double maximum,
            double moyenne, int capteurs, int auDessus) {
        double exposes = maximum >= Indicateurs.SEUIL_CHALEUR ? population75 : 0.0;
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, nom, jour, jour.plus(Duration.ofDays(1)), exposes,
                "personnes", exposes, population75, CAPTEURS, POPULATION,
                Map.of("temperature_max", maximum, "temperature_moyenne", moyenne, "capteurs", (double) capteurs,
                        "capteurs_au_dessus_du_seuil", (double) auDessus, "seuil", Indicateurs.SEUIL_CHALEUR),
                (long) capteurs, false, true, Map.of("temperature_max", CAPTEURS, "temperature_moyenne", CAPTEURS));
    }
}
