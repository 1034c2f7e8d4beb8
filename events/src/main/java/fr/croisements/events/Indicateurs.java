package fr.croisements.events;

import fr.croisements.events.DefinitionIndicateur.Libelles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of indicators the pipeline computes, with every word shown around their figures.
 * Topic names in {@code entrees} are written out: {@link Topics} reads this class while it is
 * initialised, so this class must not read {@link Topics}.
 */
public final class Indicateurs {

    /** Statistical-secrecy threshold: fewer distinct households or bins than this are not published. */
    public static final int SEUIL_SECRET = 11;

    /**
     * How long the cells of the weekly and daily crossings are kept: 400 days of stream time, as long as
     * the windows of their counts accept late records (so a cell that can still change is never dropped),
     * and enough for a year of weeks or days with the same weeks of the year before. The demo and the
     * benchmark replay up to a year of simulated data, all of it kept.
     */
    public static final Duration CONSERVATION_CALENDAIRE = Duration.ofDays(400);

    /**
     * How long the hourly cells are kept (the car parks' and the on-street spaces' hours): 35 days. The
     * map reads them as the profile of the last 7 days and the latest hour; five weeks let one week be set
     * against the four before it, and hours are the largest stores (24 cells a day per car park or IRIS).
     * The daily cells made from them (peak hours, rotation) keep the long view.
     */
    public static final Duration CONSERVATION_HORAIRE = Duration.ofDays(35);

    /**
     * How long the yearly cells made of INSEE figures are kept: ten years, so the vintages of the census
     * and of Filosofi shown side by side (2016 for the IRIS, 2021 and 2022 for the communes) all stay.
     */
    public static final Duration CONSERVATION_INSEE = Duration.ofDays(3653);

    private static final String LEVEES = "dechets-levees";
    private static final String REFERENCES_INSEE = "ref-insee-communes";

    public static final DefinitionIndicateur TAUX_PRESENTATION_BACS = new DefinitionIndicateur(
            "taux-presentation-bacs",
            "Taux de présentation des bacs",
            "%",
            "Dans chaque commune, quelle part des ménages a sorti son bac d'ordures ménagères cette semaine ?",
            "Bacs distincts levés dans la commune pendant la semaine (du lundi 0 h au lundi suivant, temps "
                    + "universel), divisés par les ménages recensés par l'Insee : un bac par ménage.",
            "Les levées sont simulées. Un ménage peut avoir plusieurs bacs ou partager un bac collectif : le taux est "
                    + "alors approché. Moins de " + SEUIL_SECRET + " bacs dans une commune-semaine : secret statistique.",
            Zone.COMMUNE,
            Duration.ofDays(7),
            SEUIL_SECRET,
            new Libelles("présentation des bacs d'ordures ménagères", "bacs présentés", "ménages (Insee)",
                    "pas encore de levée", "Secret statistique : moins de " + SEUIL_SECRET
                            + " bacs présentés, la valeur n'est pas publiée."),
            Map.of(),
            List.of(LEVEES, REFERENCES_INSEE),
            // a share of households: classes of 20 points read the same on every territory and every week
            List.of(20.0, 40.0, 60.0, 80.0),
            List.of("menages"))
            .conserveePendant(CONSERVATION_CALENDAIRE);

    public static final DefinitionIndicateur FRAGILITE_ISOLEMENT = new DefinitionIndicateur(
            "fragilite-isolement",
            "Fragilité face à l'isolement",
            "%",
            "Dans quelles communes se cumulent les facteurs connus de l'isolement des personnes âgées : "
                    + "beaucoup de 75 ans et plus, beaucoup de personnes vivant seules, et la pauvreté ?",
            "Moyenne géométrique de trois taux publiés par l'Insee pour la commune : la part des 75 ans et plus "
                    + "dans la population, la part des ménages d'une seule personne, et le taux de pauvreté. La "
                    + "moyenne géométrique n'est élevée que si les trois taux le sont ensemble ; chaque taux reste "
                    + "affiché à côté de l'indice.",
            "L'indice repère un cumul de facteurs ; il ne compte pas des personnes isolées. Deux sources, deux "
                    + "millésimes (recensement 2022, Filosofi 2021). Pour les petites communes, l'Insee ne publie pas le "
                    + "taux de pauvreté (secret statistique) : l'indice n'y est pas calculé, jamais avec un taux à 0.",
            Zone.COMMUNE,
            Duration.ofDays(365),
            0,
            new Libelles("fragilité face à l'isolement des personnes âgées", null, null, "pas de donnée Insee",
                    "Secret statistique : l'Insee ne publie pas l'un des trois taux pour cette commune, "
                            + "l'indice n'est donc pas calculé."),
            composantes(),
            List.of(REFERENCES_INSEE),
            // an index without a natural scale: the map cuts classes from the values shown (quantiles)
            List.of(),
            List.of("part_75_plus", "part_menages_une_personne", "taux_pauvrete"))
            .conserveePendant(CONSERVATION_INSEE);

    /** Temperature threshold of the heat-exposure indicator, °C. */
    public static final double SEUIL_CHALEUR = 30.0;

    public static final DefinitionIndicateur EXPOSITION_CHALEUR_75_PLUS = new DefinitionIndicateur(
            "exposition-chaleur-75-plus",
            "Personnes de 75 ans et plus exposées à la chaleur",
            "personnes",
            "Combien de personnes de 75 ans et plus vivent dans une commune où un capteur a dépassé "
                    + "30 °C aujourd'hui ?",
            "Chaque jour (de 0 h à 0 h, temps universel), on relève la température la plus haute mesurée par les "
                    + "capteurs LoRaWAN situés dans la commune. Si l'un d'eux atteint 30 °C, toutes les personnes "
                    + "de 75 ans et plus recensées par l'Insee dans la commune sont comptées comme exposées ; sinon, "
                    + "aucune.",
            "Les températures sont simulées. Un capteur mesure un lieu, pas toute la commune : une commune avec "
                    + "un seul capteur le dit. Une commune sans capteur n'a pas de valeur, ce qui ne veut pas dire "
                    + "qu'il n'y a pas fait chaud. Le recensement date de 2022.",
            Zone.COMMUNE,
            Duration.ofDays(1),
            0,
            new Libelles("exposition des 75 ans et plus à la chaleur", "personnes de 75 ans et plus exposées",
                    "personnes de 75 ans et plus (Insee)", "pas de capteur de température",
                    "Secret statistique : la valeur n'est pas publiée."),
            enOrdre("temperature_max", "température la plus haute (°C)", "temperature_moyenne",
                    "température moyenne (°C)", "capteurs", "capteurs de la commune", "capteurs_au_dessus_du_seuil",
                    "capteurs à 30 °C ou plus"),
            List.of("lora-uplinks", REFERENCES_INSEE),
            List.of(),
            List.of("population_75_plus"))
            .conserveePendant(CONSERVATION_CALENDAIRE);

    public static final DefinitionIndicateur COUVERTURE_LORA = new DefinitionIndicateur(
            "couverture-lora",
            "Couverture observée du réseau LoRaWAN",
            "capteurs pour 10 000 habitants",
            "Dans quelles communes le réseau LoRaWAN entend-il des capteurs, et avec quelle qualité de signal ?",
            "Chaque jour, on compte les capteurs entendus par au moins une antenne (passerelle) dans la commune, "
                    + "les antennes qui les entendent et la force médiane du signal reçu, puis on rapporte le nombre "
                    + "de capteurs à la population recensée par l'Insee.",
            "Les réceptions sont simulées avec un modèle simple d'affaiblissement du signal. Un capteur jamais "
                    + "entendu n'apparaît pas : la carte montre la couverture observée, pas la couverture théorique.",
            Zone.COMMUNE,
            Duration.ofDays(1),
            0,
            new Libelles("couverture du réseau LoRaWAN", "capteurs entendus", "habitants (Insee)",
                    "aucun capteur entendu",
                    "Secret statistique : la valeur n'est pas publiée."),
            enOrdre("passerelles", "antennes qui les entendent", "rssi_median", "signal reçu médian (dBm)",
                    "snr_median", "rapport signal sur bruit médian (dB)"),
            List.of("lora-uplinks", REFERENCES_INSEE),
            List.of(),
            List.of("population"))
            .conserveePendant(CONSERVATION_CALENDAIRE);

    /** Occupancy rate from which an hour of a car park counts as saturated, %. */
    public static final double SEUIL_SATURATION = 90.0;

    public static final DefinitionIndicateur OCCUPATION_PARKINGS = new DefinitionIndicateur(
            "occupation-parkings",
            "Taux d'occupation des parkings",
            "%",
            "À quelles heures les parkings sont-ils pleins, et tournent-ils ?",
            "Pour chaque parking et chaque heure, la moyenne et le maximum du taux d'occupation observé "
                    + "(places occupées ÷ places du parking). L'heure est dite « saturée » si le parking a été "
                    + "occupé à 90 % ou plus pendant l'heure. Les arrivées sont estimées en additionnant les "
                    + "hausses du nombre de places occupées entre deux observations.",
            "L'occupation est simulée pour Poitiers et La Rochelle, calée sur une vraie série de Montpellier. Les "
                    + "arrivées estimées sont un minimum : une voiture qui part et une autre qui arrive entre "
                    + "deux observations ne se voient pas.",
            Zone.PARKING,
            Duration.ofHours(1),
            0,
            new Libelles("occupation des parkings", "places occupées", "places du parking", "pas d'observation",
                    "Secret statistique : la valeur n'est pas publiée."),
            enOrdre("taux_max", "taux d'occupation le plus haut (%)", "heures_saturees", "heure saturée (1 = oui)",
                    "arrivees_estimees", "arrivées estimées", "observations", "observations"),
            List.of("stationnement-occupation", "ref-parkings"),
            List.of(50.0, 70.0, 85.0, 90.0))
            .conserveePendant(CONSERVATION_HORAIRE);

    public static final DefinitionIndicateur PLACES_PAR_HABITANT = new DefinitionIndicateur(
            "places-parking-par-habitant",
            "Places de parking public pour 1 000 habitants",
            "places pour 1 000 habitants",
            "Combien de places de parking public hors voirie la commune offre-t-elle à ses habitants ?",
            "Somme des places des parkings publics de la commune (fichiers au format national « stationnement ») "
                    + "divisée par la population recensée par l'Insee, pour 1 000 habitants ; la densité et le "
                    + "nombre de ménages de la commune sont affichés à côté.",
            "Seuls les parkings publiés dans les fichiers importés sont comptés (pas le stationnement sur voirie) ; "
                    + "un parking sans nombre de places n'est pas compté. Les parkings relais servent aussi les "
                    + "habitants des autres communes.",
            Zone.COMMUNE,
            Duration.ofDays(365),
            0,
            new Libelles("stationnement public", "places de parking", "habitants (Insee)", "pas de parking public connu",
                    "Secret statistique : la valeur n'est pas publiée."),
            enOrdre("parkings", "parkings publics", "densite", "densité (habitants par km²)", "menages", "ménages (Insee)"),
            List.of("ref-parkings", REFERENCES_INSEE),
            List.of(),
            List.of("population"))
            .conserveePendant(CONSERVATION_INSEE);

    public static final DefinitionIndicateur OCCUPATION_POINTE = new DefinitionIndicateur(
            "occupation-parkings-pointe",
            "Occupation des parkings aux heures de pointe",
            "%",
            "Les jours de semaine, entre 10 h et 15 h, à quel point les parkings publics de la commune sont-ils pleins ?",
            "Pour chaque commune et chaque jour de semaine, la moyenne des taux d'occupation horaires de ses parkings "
                    + "entre 10 h et 15 h (heure de Paris), les heures où le stationnement est le plus demandé dans la "
                    + "série réelle de Montpellier qui sert de référence.",
            "L'occupation est simulée. Chaque parking pèse autant qu'un autre, quelle que soit sa taille. Les "
                    + "samedis et dimanches ne sont pas comptés.",
            Zone.COMMUNE,
            Duration.ofDays(1),
            0,
            new Libelles("occupation des parkings aux heures de pointe", null, null, "pas de parking observé",
                    "Secret statistique : la valeur n'est pas publiée."),
            Map.of(),
            List.of("stationnement-occupation", "ref-parkings"),
            List.of(50.0, 70.0, 85.0, 90.0))
            .conserveePendant(CONSERVATION_CALENDAIRE);

    /** The sources the on-street parking indicators name, with their vintages. */
    public static final String SOURCES_VOIRIE = "Capteurs de place : « simulé » (simulateur Croisements calé sur les séjours "
            + "réels publiés par la Ville de Melbourne, 8 février 2017) ou export des horodateurs de la ville ; contours des "
            + "IRIS : IGN / Insee, édition 2023 ; population et densité : recensement 2016 (Insee) ; revenu médian : "
            + "Filosofi 2021 (Insee).";

    /** Rotation of on-street spaces per IRIS and day (per-space sensors or paid-parking transactions × INSEE). */
    public static final DefinitionIndicateur ROTATION_STATIONNEMENT = new DefinitionIndicateur(
            "rotation-stationnement",
            "Rotation des places de stationnement sur voirie",
            "véhicules par place et par jour",
            "Les places du centre-ville tournent-elles assez pour les commerces ?",
            "Pour chaque IRIS et chaque jour (heure de Paris) : le nombre de véhicules arrivés sur les places "
                    + "équipées d'un capteur (ou payées à un horodateur) divisé par le nombre de ces places. À côté : la "
                    + "durée médiane des séjours, la part des séjours plus longs que la durée payante maximale (2 h par "
                    + "défaut), le taux d'occupation de 9 h à 19 h, la population et la densité de l'IRIS. Un séjour "
                    + "compte le jour de son arrivée. " + SOURCES_VOIRIE,
            "Seules les places équipées sont comptées, pas toute la voirie de l'IRIS. Une voiture encore garée n'est "
                    + "comptée qu'à son départ (les jours passés sont alors mis à jour) ; une place jamais libérée est "
                    + "close au bout de 7 jours. Une trame d'arrivée perdue fait perdre le séjour, sauf si le capteur donne "
                    + "la durée de l'état précédent (Nwave). À Antony, les capteurs sont simulés.",
            Zone.IRIS,
            Duration.ofDays(1),
            3,
            new Libelles("rotation des places sur voirie", "véhicules arrivés", "places équipées", "pas de place équipée",
                    "Secret statistique : moins de 3 places équipées, la valeur n'est pas publiée."),
            enOrdre("sejours", "véhicules arrivés", "places", "places équipées", "duree_mediane", "durée médiane (min)",
                    "part_depassements", "séjours au-delà de la durée payante (%)", "taux_occupation",
                    "occupation de 9 h à 19 h (%)", "population", "habitants (recensement 2016)", "densite",
                    "densité (habitants par km², 2016)", "revenu_declare_median", "revenu déclaré médian (€, Filosofi 2021)"),
            List.of("lora-uplinks", "stationnement-sejours", REFERENCES_INSEE),
            List.of(2.0, 4.0, 6.0, 8.0))
            .conserveePendant(CONSERVATION_CALENDAIRE);

    /** Occupancy of on-street spaces per IRIS and hour. */
    public static final DefinitionIndicateur OCCUPATION_VOIRIE = new DefinitionIndicateur(
            "occupation-voirie",
            "Occupation des places sur voirie",
            "%",
            "Les places du centre-ville tournent-elles assez pour les commerces ?",
            "Pour chaque IRIS et chaque heure : les minutes où les places équipées étaient occupées divisées par "
                    + "(places × 60). À côté : les arrivées de l'heure, la durée médiane et la part des dépassements de la "
                    + "durée payante parmi elles. " + SOURCES_VOIRIE,
            "Une voiture encore garée n'est comptée qu'à son départ : l'heure en cours monte à mesure que les voitures "
                    + "repartent. À Antony, les capteurs sont simulés.",
            Zone.IRIS,
            Duration.ofHours(1),
            3,
            new Libelles("occupation des places sur voirie", "minutes occupées", "minutes offertes", "pas de place équipée",
                    "Secret statistique : moins de 3 places équipées, la valeur n'est pas publiée."),
            enOrdre("arrivees", "arrivées", "places", "places équipées", "duree_mediane", "durée médiane (min)",
                    "part_depassements", "séjours au-delà de la durée payante (%)"),
            List.of("lora-uplinks", "stationnement-sejours"),
            List.of(50.0, 70.0, 85.0, 95.0))
            .conserveePendant(CONSERVATION_HORAIRE);

    /** The on-street parking crossings (IRIS level; not in {@link #TOUS} until the pipeline has an IRIS locator). */
    public static final List<DefinitionIndicateur> VOIRIE = List.of(ROTATION_STATIONNEMENT, OCCUPATION_VOIRIE);

    /** The seven crossings pinned by the port to the one indicator abstraction (before on-street parking). */
    public static final List<DefinitionIndicateur> SEPT_CROISEMENTS = List.of(TAUX_PRESENTATION_BACS, FRAGILITE_ISOLEMENT,
            EXPOSITION_CHALEUR_75_PLUS, COUVERTURE_LORA, PLACES_PAR_HABITANT, OCCUPATION_PARKINGS, OCCUPATION_POINTE);

    /** The crossings built into Croisements: the seven first ones, then on-street parking by IRIS. */
    public static final List<DefinitionIndicateur> TOUS = java.util.stream.Stream.concat(SEPT_CROISEMENTS.stream(),
            VOIRIE.stream()).toList();



    public static final DefinitionIndicateur REVENU_MEDIAN = reference("revenu-median", "Revenu médian",
            "€ par an", "revenu_median",
            "Quel est le niveau de vie médian des habitants de chaque commune ?",
            "Le revenu disponible médian par unité de consommation, publié par l'Insee (Filosofi) : la moitié des "
                    + "habitants vit avec moins, l'autre moitié avec plus. Les impôts sont déduits, les prestations sociales "
                    + "ajoutées ; le revenu du ménage est divisé par ses unités de consommation (1 pour le premier adulte, "
                    + "0,5 pour chaque autre personne de 14 ans ou plus, 0,3 par enfant).",
            "Pour les communes de moins de 50 ménages fiscaux, l'Insee ne publie pas le chiffre (secret statistique). "
                    + "L'Insee ne publie pas ce revenu par IRIS : les quartiers ont le « Revenu déclaré médian », "
                    + "un autre chiffre.",
            "niveau de vie médian des habitants");
    public static final DefinitionIndicateur TAUX_PAUVRETE = reference("taux-pauvrete", "Taux de pauvreté", "%",
            "taux_pauvrete",
            "Quelle part des habitants de chaque commune vit sous le seuil de pauvreté ?",
            "La part des habitants dont le niveau de vie est inférieur à 60 % du niveau de vie médian de la France "
                    + "métropolitaine, publiée par l'Insee (Filosofi).",
            "L'Insee ne le publie pas pour les petites communes (secret statistique) : la carte le dit, jamais un 0.",
            "pauvreté des habitants");
    public static final DefinitionIndicateur TAUX_CHOMAGE = reference("taux-chomage", "Taux de chômage", "%",
            "taux_chomage",
            "Quelle part des actifs de 15 à 64 ans de chaque commune se déclare au chômage ?",
            "Les chômeurs de 15 à 64 ans divisés par les actifs de 15 à 64 ans, au sens du recensement de la "
                    + "population (Insee, base du comparateur de territoires).",
            "Au sens du recensement : chacun dit s'il cherche un emploi, ce n'est pas le chômage au sens du Bureau "
                    + "international du travail ni le nombre d'inscrits à France Travail.",
            "chômage des habitants");
    public static final DefinitionIndicateur DENSITE = reference("densite-population", "Densité de population",
            "habitants par km²", "densite",
            "Combien d'habitants vivent sur chaque kilomètre carré de la commune ?",
            "La population municipale recensée par l'Insee divisée par la superficie de la commune.",
            "Une commune étendue avec un bourg dense paraît peu dense : la densité est une moyenne sur toute la commune.",
            "densité de population");
    public static final DefinitionIndicateur PART_75_PLUS = reference("part-75-ans-et-plus", "Part des 75 ans et plus",
            "%", "part_75_plus",
            "Quelle part des habitants de chaque commune a 75 ans ou plus ?",
            "Les habitants de 75 ans et plus divisés par la population, au recensement de la population (Insee, "
                    + "dossier complet).",
            "Le recensement compte les habitants où ils résident : une maison de retraite pèse sur le chiffre de sa commune.",
            "part des 75 ans et plus");
    public static final DefinitionIndicateur MENAGES = reference("menages", "Ménages", "ménages", "menages",
            "Combien de ménages (de logements occupés) compte chaque commune ?",
            "Le nombre de ménages au recensement de la population : toutes les personnes qui partagent un même "
                    + "logement forment un ménage (Insee, base du comparateur de territoires).",
            "Les personnes vivant en communauté (maisons de retraite, internats, casernes) ne forment pas des ménages.",
            "ménages");
    /**
     * The declared median income of each IRIS: Filosofi publishes no disposable income by IRIS, and the
     * declared income (before taxes and benefits) is not the commune's disposable median, hence its own
     * indicator, at IRIS level only, so that no map labels one as the other.
     */
    public static final DefinitionIndicateur REVENU_DECLARE_MEDIAN = reference("revenu-declare-median",
            "Revenu déclaré médian", "€ par an", "revenu_declare_median",
            "Quel est le revenu déclaré médian des habitants de chaque quartier (IRIS) ?",
            // the fiche keeps the first sentence of the method: it must say what this income is
            "Le revenu déclaré médian par unité de consommation de chaque IRIS (Insee, Filosofi 2021), avant impôts "
                    + "et sans les prestations sociales : il est donc plus élevé que le revenu disponible médian des "
                    + "communes. La moitié des habitants du quartier vit dans un ménage qui déclare moins, l'autre "
                    + "moitié plus. Le revenu déclaré au fisc par le ménage est divisé par ses unités de consommation "
                    + "(1 pour le premier adulte, 0,5 pour chaque autre personne de 14 ans ou plus, 0,3 par enfant) ; "
                    + "l'Insee ne publie pas de revenu disponible par IRIS.",
            "Ce revenu déclaré ne se compare pas au revenu disponible médian de la carte par commune (« Revenu "
                    + "médian »). Pour les IRIS de peu de ménages, l'Insee ne publie pas le chiffre (secret statistique).",
            "revenu déclaré médian des habitants", Zone.IRIS);

    /**
     * The reference figures of every territory, each as a map with its fiche: an INSEE figure as published,
     * so that a territory imported from the official files always has something true to show.
     */
    public static final List<DefinitionIndicateur> REFERENCES = List.of(REVENU_MEDIAN, TAUX_PAUVRETE, TAUX_CHOMAGE,
            DENSITE, PART_75_PLUS, MENAGES, REVENU_DECLARE_MEDIAN);

    /** Every built-in indicator: the crossings, then the reference figures. */
    public static final List<DefinitionIndicateur> INTEGRES = java.util.stream.Stream.concat(TOUS.stream(),
            REFERENCES.stream()).toList();

    private static DefinitionIndicateur reference(String id, String libelle, String unite, String variable,
            String question, String methode, String limites, String sujet) {
        return reference(id, libelle, unite, variable, question, methode, limites, sujet, Zone.COMMUNE);
    }

    /** A reference figure of the zones of one level ({@link Zone#COMMUNE}, {@link Zone#IRIS}). */
    private static DefinitionIndicateur reference(String id, String libelle, String unite, String variable,
            String question, String methode, String limites, String sujet, String niveau) {
        String zone = Zone.IRIS.equals(niveau) ? "cet IRIS" : "cette commune";
        return new DefinitionIndicateur(id, libelle, unite, question, methode, limites, niveau,
                Duration.ofDays(365), 0,
                new Libelles(sujet, null, null, "pas de chiffre Insee",
                        "Secret statistique : l'Insee ne publie pas ce chiffre pour " + zone + "."),
                Map.of(), List.of(REFERENCES_INSEE), List.of(), null, null, List.of(variable), true, CONSERVATION_INSEE);
    }

    private Indicateurs() {}

    /** The components of the fragility index, by their INSEE variable name, in the order shown. */
    /** Labels by name, in the order given: name, label, name, label... */
    private static Map<String, String> enOrdre(String... nomsEtLibelles) {
        var libelles = new LinkedHashMap<String, String>();
        for (int i = 0; i < nomsEtLibelles.length; i += 2) {
            libelles.put(nomsEtLibelles[i], nomsEtLibelles[i + 1]);
        }
        return libelles;
    }

    private static Map<String, String> composantes() {
        var composantes = new LinkedHashMap<String, String>();
        composantes.put("part_75_plus", "part des 75 ans et plus");
        composantes.put("part_menages_une_personne", "part des ménages d'une seule personne");
        composantes.put("taux_pauvrete", "taux de pauvreté");
        return composantes;
    }

    /** A built-in indicator, crossing or reference figure. */
    public static Optional<DefinitionIndicateur> parId(String id) {
        return INTEGRES.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
