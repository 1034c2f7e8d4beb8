package fr.croisements.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an official file is for a territory pack, whatever its name: recognised from its content by
 * {@link FichiersOfficiels}, or given by the person ({@code croisements import --fichier NATURE=CHEMIN},
 * NATURE being {@link #mot()}).
 */
public enum NatureFichier {

    /** The current communes (COG), with their EPCI when the file says it: required for a new territory. */
    COMMUNES("communes", "liste des communes", List.of()),
    /** The communes of the shipped territories ({@code territoire} column): required to regenerate them. */
    TERRITOIRES("territoires", "communes des territoires livrés", List.of()),
    /** The EPCI: their type, number of communes and, in some formats, their member communes. */
    EPCI("epci", "liste des EPCI", List.of()),
    /** INSEE's Base du comparateur de territoires: population, households, area, unemployment. */
    COMPARATEUR("comparateur", "base du comparateur de territoires", List.of(Commune.POPULATION, Commune.MENAGES,
            Commune.SUPERFICIE_KM2, Commune.DENSITE, Commune.TAUX_CHOMAGE)),
    /** INSEE's Dossier complet: age bands and household types, census 2022. */
    DOSSIER_COMPLET("dossier-complet", "dossier complet", List.of(Commune.POPULATION_75_PLUS, Commune.PART_75_PLUS,
            Commune.MENAGES_UNE_PERSONNE, Commune.PART_MENAGES_UNE_PERSONNE)),
    /** INSEE's Filosofi by commune: median income, poverty rate. */
    FILOSOFI_COMMUNES("filosofi-communes", "Filosofi par commune", List.of(Commune.REVENU_MEDIAN, Commune.TAUX_PAUVRETE)),
    /** INSEE's Filosofi by IRIS, declared income: the pack's IRIS table. */
    FILOSOFI_IRIS("filosofi-iris", "Filosofi par IRIS", ChiffresCommune.VARIABLES_IRIS),
    /** Commune contours, GeoJSON, WGS84 or Lambert-93: required. */
    CONTOURS("contours", "contours des communes", List.of()),
    /** IRIS contours (IGN – INSEE Contours…IRIS), GeoJSON, WGS84 or Lambert-93: the IRIS map, their names. */
    CONTOURS_IRIS("contours-iris", "contours des IRIS", List.of()),
    /** Census figures by IRIS (population, area, density, share of 75+), with the IRIS names. */
    CHIFFRES_IRIS("chiffres-iris", "chiffres du recensement par IRIS", List.of());

    private final String mot;
    private final String libelle;
    private final List<String> variables;

    NatureFichier(String mot, String libelle, List<String> variables) {
        this.mot = mot;
        this.libelle = libelle;
        this.variables = variables;
    }

    /** The French word of {@code --fichier NATURE=CHEMIN}, e.g. {@code dossier-complet}. */
    public String mot() {
        return mot;
    }

    /** What the file is, in French, e.g. "base du comparateur de territoires". */
    public String libelle() {
        return libelle;
    }

    /** The pack variables that come from files of this nature (none for lists and contours). */
    public List<String> variables() {
        return variables;
    }

    /** The nature of a French word, whatever its case. */
    public static Optional<NatureFichier> duMot(String mot) {
        String cherche = mot.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(n -> n.mot.equals(cherche)).findFirst();
    }

    /** "communes, territoires, epci, …": the words, for a message. */
    public static String mots() {
        return String.join(", ", Arrays.stream(values()).map(NatureFichier::mot).toList());
    }
}
