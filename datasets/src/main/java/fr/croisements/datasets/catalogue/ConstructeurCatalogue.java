package fr.croisements.datasets.catalogue;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.catalogue.Couverture.TerritoireCouvert;
import fr.croisements.datasets.catalogue.JeuDeDonnees.Periode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link CatalogueDonnees} of an instance from what it holds: the territory packs
 * (each variable's {@link Source} makes one reference dataset per source and zone level, the
 * contours one more), the feeds of {@link Topics#TOUS} (every topic but the indicators' and the
 * rejects) and the indicators of {@link Indicateurs#TOUS}. Pure: no I/O, no clock (the day is an
 * option).
 *
 * <p>Links point to the routes of the map server at {@link Options#urlBase()}: per territory,
 * {@code /api/territoires/{t}/communes.csv}, {@code /api/territoires/{t}/iris.csv},
 * {@code /api/territoires/{t}/communes.geojson}, and per indicator
 * {@code /api/territoires/{t}/communes.geojson?indicateur={id}},
 * {@code /api/indicateurs/{id}/territoires/{t}.csv}; live services are the Kafka topics
 * ({@code kafka://<serveurs>/<topic>}) and {@code /api/direct}.
 *
 * <p>A reference topic ({@code ref-*}) carries the real figures of the packs; any other feed is
 * simulated when {@link Options#fluxSimules()} says the simulators feed it (the demo).
 */
public final class ConstructeurCatalogue {

    static final String EDITEUR = "Croisements";
    static final String SIMULATEUR = "Croisements (simulateur)";
    private static final String PREFIXE_REFERENCE = "ref-";
    private static final Pattern ANNEE = Pattern.compile("(19|20)\\d{2}");

    /**
     * What the packs and topics do not say.
     *
     * @param urlBase the address of the map server, e.g. {@code http://localhost:7070}
     * @param serveursKafka the bootstrap servers of the Kafka cluster, e.g. {@code localhost:9092}
     * @param fluxSimules whether the live feeds (other than the INSEE references) come from the
     *     simulators, as in {@code croisements demo}
     * @param territoireSimule the id of the territory whose feeds are simulated
     * @param debutSimulation the first simulated day
     * @param aujourdhui the day of the catalogue (and the last simulated day)
     */
    public record Options(String urlBase, String serveursKafka, boolean fluxSimules, String territoireSimule,
            LocalDate debutSimulation, LocalDate aujourdhui) {

        public Options {
            Objects.requireNonNull(urlBase, "urlBase");
            Objects.requireNonNull(serveursKafka, "serveursKafka");
            Objects.requireNonNull(aujourdhui, "aujourdhui");
            urlBase = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
            if (debutSimulation != null && debutSimulation.isAfter(aujourdhui)) {
                debutSimulation = aujourdhui;
            }
        }

        /** As {@code croisements demo} runs: broker on localhost:9092, lifts of the Bassin de Pompey simulated from 2025-01-06. */
        public static Options demo(String urlBase, LocalDate aujourdhui) {
            return new Options(urlBase, "localhost:9092", true, "bassin-de-pompey", LocalDate.of(2025, 1, 6), aujourdhui);
        }

        public Options avecUrlBase(String autre) {
            return new Options(autre, serveursKafka, fluxSimules, territoireSimule, debutSimulation, aujourdhui);
        }
    }

    /**
     * Known feeds, in French; another topic gets neutral words.
     *
     * @param surTerritoireSimule whether, when simulated, it covers only {@link Options#territoireSimule()}
     *     (the lift simulator's territory) rather than every territory
     */
    private record DescriptionFlux(String titre, String description, String producteurReel, List<String> variables,
            boolean surTerritoireSimule) {}

    private static final Map<String, DescriptionFlux> FLUX = Map.of(
            "dechets-levees", new DescriptionFlux("Levées de bacs pucés",
                    "Chaque levée d'un bac d'ordures ménagères pucé par un camion de collecte : l'instant, la position, "
                            + "le flux de déchets et le poids levé. L'identifiant de la puce est pseudonymisé "
                            + "(HMAC-SHA-256) avant d'entrer dans Kafka ; clé : bac pseudonymisé, valeur : JSON LeveeBac.",
                    "la collectivité (collecte des déchets)", List.of("levées de bacs", "poids levé (kg)"), true),
            "ref-insee-communes", new DescriptionFlux("Chiffres Insee des communes",
                    "Les chiffres Insee de chaque commune des territoires, une ligne par commune (clé : code Insee), "
                            + "avec la source, le millésime et la licence de chaque chiffre, et les chiffres couverts par "
                            + "le secret statistique. Topic compacté : la dernière ligne d'une commune fait foi ; "
                            + "une ligne réimportée recalcule les indicateurs qui en dépendent.",
                    "Insee", List.of(), false),
            "lora-uplinks", new DescriptionFlux("Trames des capteurs LoRaWAN",
                    "Chaque trame reçue d'un capteur LoRaWAN (format The Things Stack v3 ou ChirpStack v4, normalisé) : "
                            + "identifiant du capteur (DevEUI), instant de réception, passerelles qui l'ont entendue, "
                            + "mesures décodées ; clé : DevEUI.",
                    "l'opérateur du réseau LoRaWAN", List.of("trames", "mesures des capteurs"), false),
            "lora-statuts", new DescriptionFlux("États des capteurs LoRaWAN",
                    "Les rapports d'état des capteurs LoRaWAN (batterie, marge radio) ; clé : DevEUI.",
                    "l'opérateur du réseau LoRaWAN", List.of("batterie", "marge radio"), false),
            "lora-sante-capteurs", new DescriptionFlux("Santé des capteurs LoRaWAN",
                    "Pour chaque capteur LoRaWAN : dernière réception, dernières mesures, batterie, trames perdues, "
                            + "tenu à jour en continu à partir des trames ; clé : DevEUI.",
                    "l'opérateur du réseau LoRaWAN", List.of("dernière réception", "batterie", "trames perdues"), false));

    private final List<Territoire> territoires;
    private final Options options;
    private final String racine;
    private final List<JeuDeDonnees> jeux = new ArrayList<>();
    private final List<ServiceDonnees> services = new ArrayList<>();
    /** Coverage of each feed, by topic name, for the indicators that read them. */
    private final Map<String, JeuDeDonnees> fluxParTopic = new LinkedHashMap<>();
    /** The ids of the reference datasets of figures (not contours), which the reference topics carry. */
    private final List<String> figuresInsee = new ArrayList<>();
    /** The ids of the feeds of reference topics ({@code ref-*}). */
    private final Set<String> references = new TreeSet<>();
    private final List<DefinitionIndicateur> definitions;

    private ConstructeurCatalogue(List<Territoire> territoires, Options options, List<DefinitionIndicateur> definitions) {
        this.territoires = List.copyOf(territoires);
        this.options = options;
        this.definitions = List.copyOf(definitions);
        this.racine = options.urlBase() + "/catalogue";
    }

    /** The catalogue of these territories, the feeds and the built-in indicators. */
    public static CatalogueDonnees construire(List<Territoire> territoires, Options options) {
        return construire(territoires, options, Indicateurs.TOUS);
    }

    /** The catalogue of these territories, the feeds and these indicators (built-in and declared by files). */
    public static CatalogueDonnees construire(List<Territoire> territoires, Options options,
            List<DefinitionIndicateur> indicateurs) {
        var constructeur = new ConstructeurCatalogue(territoires, options, indicateurs);
        constructeur.references();
        constructeur.flux();
        constructeur.indicateurs();
        return new CatalogueDonnees(constructeur.racine, "Catalogue des données de Croisements",
                "Les données de référence, les flux en direct et les indicateurs que cette instance de Croisements "
                        + "tient à jour pour " + territoires.size() + " territoires, avec leur producteur, leur "
                        + "millésime, leur licence, leurs formats, et s'ils sont réels ou simulés.",
                EDITEUR, options.urlBase(), options.aujourdhui(), constructeur.jeux, constructeur.services);
    }

    // ---- reference datasets of the packs ----

    /** One reference dataset: a source at one zone level, or the contours. */
    private record CleReference(Source source, Granularite granularite, boolean contours) {}

    private static final class Couvert {
        final Set<String> variables = new LinkedHashSet<>();
        final Map<Territoire, Set<String>> communes = new LinkedHashMap<>();
        final Map<Territoire, Set<String>> iris = new LinkedHashMap<>();
    }

    private void references() {
        var groupes = new LinkedHashMap<CleReference, Couvert>();
        for (Territoire t : territoires) {
            new java.util.TreeMap<>(t.sources()).forEach((variable, source) -> {
                Set<String> communes = codes(t.communes(), c -> a(c.chiffres(), c.secrets(), variable), Commune::codeInsee);
                Set<String> iris = codes(t.iris(), i -> a(i.chiffres(), i.secrets(), variable), Iris::codeIris);
                if (!communes.isEmpty()) {
                    ajouter(groupes, new CleReference(source, Granularite.COMMUNE, false), t, variable, communes, Set.of());
                }
                if (!iris.isEmpty()) {
                    Set<String> communesDesIris = codes(t.iris(), i -> iris.contains(i.codeIris()), Iris::codeInsee);
                    ajouter(groupes, new CleReference(source, Granularite.IRIS, false), t, variable, communesDesIris, iris);
                }
            });
            if (t.sourceContours() != null) {
                Set<String> communes = codes(t.communes(), c -> c.contour() != null && !c.contour().isEmpty(),
                        Commune::codeInsee);
                ajouter(groupes, new CleReference(t.sourceContours(), Granularite.COMMUNE, true), t, null, communes,
                        Set.of());
            }
            if (t.sourceContoursIris() != null) {
                Set<String> iris = codes(t.irisAvecContour(), i -> true, Iris::codeIris);
                ajouter(groupes, new CleReference(t.sourceContoursIris(), Granularite.IRIS, true), t, null,
                        codes(t.irisAvecContour(), i -> true, Iris::codeInsee), iris);
            }
        }
        // figures by producer and title, then the contours: a stable order whatever the packs' map order
        var cles = new ArrayList<>(groupes.keySet());
        cles.sort(java.util.Comparator.comparing((CleReference c) -> c.contours())
                .thenComparing(c -> String.valueOf(c.source().producteur())).thenComparing(c -> String.valueOf(c.source().titre()))
                .thenComparing(c -> String.valueOf(c.source().millesime())).thenComparing(CleReference::granularite));
        cles.forEach(cle -> {
            Couvert couvert = groupes.get(cle);
            JeuDeDonnees jeu = reference(cle, couvert, groupes.keySet().stream()
                    .anyMatch(k -> k.source().equals(cle.source()) && k.granularite() != cle.granularite()));
            jeux.add(jeu);
            if (!cle.contours()) {
                figuresInsee.add(jeu.id());
            }
        });
    }

    private static boolean a(Map<String, Double> chiffres, Set<String> secrets, String variable) {
        return chiffres.containsKey(variable) || secrets.contains(variable);
    }

    private static <T> Set<String> codes(List<T> zones, Predicate<T> garder, java.util.function.Function<T, String> code) {
        var result = new TreeSet<String>();
        zones.stream().filter(garder).map(code).forEach(result::add);
        return result;
    }

    private static void ajouter(Map<CleReference, Couvert> groupes, CleReference cle, Territoire t, String variable,
            Set<String> communes, Set<String> iris) {
        Couvert couvert = groupes.computeIfAbsent(cle, k -> new Couvert());
        if (variable != null) {
            couvert.variables.add(variable);
        }
        couvert.communes.computeIfAbsent(t, k -> new TreeSet<>()).addAll(communes);
        if (!iris.isEmpty()) {
            couvert.iris.computeIfAbsent(t, k -> new TreeSet<>()).addAll(iris);
        }
    }

    private JeuDeDonnees reference(CleReference cle, Couvert couvert, boolean deuxNiveaux) {
        Source s = cle.source();
        boolean iris = cle.granularite() == Granularite.IRIS;
        String titre = s.titre() + ", millésime " + s.millesime() + (deuxNiveaux && iris ? ", à l'IRIS" : "")
                + (s.simule() ? " (données simulées)" : "");
        String id = iri("reference-" + slug(s.producteur() + " " + s.titre() + " " + s.millesime()
                + (cle.contours() ? " contours" : "") + (iris ? " iris" : "")));
        List<String> variables = cle.contours()
                ? List.of("contour de la commune")
                : couvert.variables.stream().map(VariablesInsee::libelle).toList();
        String description = cle.contours()
                ? "Contours des communes des territoires (GeoJSON, coordonnées WGS84), simplifiés ensemble pour qu'il "
                        + "n'y ait ni trou ni chevauchement entre communes voisines. Ils servent à dessiner la carte et à "
                        + "situer chaque levée ou capteur dans sa commune."
                : "Chiffres publiés par " + avecArticle(s.producteur()) + " pour chaque " + (iris ? "IRIS (quartier statistique)" : "commune")
                        + " des territoires : " + String.join(", ", variables) + ". Repris dans les packs de territoires par "
                        + "la commande « croisements import » depuis les fichiers officiels ; un chiffre couvert par le "
                        + "secret statistique reste secret, jamais remplacé par 0.";
        var couverts = new ArrayList<TerritoireCouvert>();
        couvert.communes.forEach((t, communes) -> couverts.add(new TerritoireCouvert(t.id(), t.nom(), t.epciSiren(),
                communes.size() == t.communes().size(), List.copyOf(communes),
                List.copyOf(couvert.iris.getOrDefault(t, Set.of())))));
        var distributions = new ArrayList<Distribution>();
        for (TerritoireCouvert t : couverts) {
            String chemin = cle.contours() ? "/communes.geojson" : iris ? "/iris.csv" : "/communes.csv";
            Format format = cle.contours() ? Format.GEOJSON : Format.CSV;
            distributions.add(new Distribution(id + "-" + t.id() + "-" + format.name().toLowerCase(Locale.ROOT),
                    format.libelle() + " — " + t.nom(),
                    format, options.urlBase() + "/api/territoires/" + t.id() + chemin, true, null, t.id()));
        }
        List<Norme> normes = cle.contours() ? List.of(Norme.GEOJSON) : List.of();
        String provenance = (s.simule() ? "Données simulées" : "Données réelles") + " : " + s.producteur() + ", « "
                + s.titre() + " », millésime " + s.millesime() + ", importé du fichier officiel par « croisements import » "
                + (cle.contours() ? "; seuls les contours sont simplifiés."
                        : "; les parts et la densité en sont calculées, les autres chiffres sont repris tels quels.");
        return new JeuDeDonnees(id, Genre.REFERENCE, titre, description, s.producteur(), s.millesime(),
                Licence.depuis(s.licence()), s.simule(), provenance, new Couverture(cle.granularite(), couverts),
                periode(List.of(s)), Frequence.ANNUELLE, normes, distributions, variables, List.of(),
                motsCles(Genre.REFERENCE, s.simule(), s.producteur()));
    }

    // ---- feeds ----

    private void flux() {
        Set<String> sorties = new TreeSet<>();
        definitions.forEach(d -> sorties.add(d.topic()));
        for (Topic<?, ?> topic : Topics.TOUS) {
            if (!sorties.contains(topic.name()) && !topic.name().equals(Topics.REJETS.name())) {
                JeuDeDonnees jeu = flux(topic);
                jeux.add(jeu);
                fluxParTopic.put(topic.name(), jeu);
                if (topic.name().startsWith(PREFIXE_REFERENCE)) {
                    references.add(jeu.id());
                }
            }
        }
    }

    private JeuDeDonnees flux(Topic<?, ?> topic) {
        String nom = topic.name();
        boolean reference = nom.startsWith(PREFIXE_REFERENCE);
        boolean simule = !reference && options.fluxSimules();
        DescriptionFlux mots = FLUX.getOrDefault(nom, new DescriptionFlux("Flux « " + nom + " »",
                "Les enregistrements JSON du topic Kafka « " + nom + " ».", "sa source", List.of(), false));
        String id = iri("flux-" + nom);
        String service = iri("service-kafka-" + nom);
        services.add(new ServiceDonnees(service, "Topic Kafka « " + nom + " »",
                "Lire le topic « " + nom + " » avec un client Kafka (valeurs JSON en UTF-8, instants ISO-8601"
                        + (topic.compacted() ? ", topic compacté" : "") + ").",
                kafka(nom), List.of(id), simule, options.urlBase() + ServiceDonnees.ASYNCAPI));
        Couverture couverture;
        Periode periode;
        String producteur;
        Licence licence;
        String provenance;
        if (reference) {
            couverture = toutesLesCommunes();
            List<Source> sources = territoires.stream().flatMap(t -> t.sources().values().stream()).distinct().toList();
            periode = periode(sources);
            producteur = mots.producteurReel();
            licence = sources.stream().map(Source::licence).distinct().count() == 1
                    ? Licence.depuis(sources.get(0).licence()) : Licence.OUVERTE_2;
            provenance = "Données réelles : les chiffres des packs de territoires, publiés sur le topic au démarrage "
                    + "(ou par « croisements ingest »), chacun avec sa source officielle.";
        } else if (simule) {
            // the simulators share the demo's simulated clock; only the lift simulator's territory is known here
            couverture = mots.surTerritoireSimule() ? communesDe(options.territoireSimule()) : toutesLesCommunes();
            periode = options.debutSimulation() == null ? null : new Periode(options.debutSimulation(), options.aujourdhui());
            producteur = SIMULATEUR;
            licence = Licence.OUVERTE_2;
            provenance = "Données simulées : produites par le simulateur de Croisements (graine fixe, calibré sur des "
                    + "ordres de grandeur publiés) ; aucune n'a été observée sur le terrain.";
        } else {
            couverture = toutesLesCommunes();
            periode = null;
            producteur = mots.producteurReel();
            licence = Licence.depuis(null);
            provenance = "Données réelles : publiées par " + mots.producteurReel() + " avec « croisements ingest ».";
        }
        String titre = mots.titre() + (simule ? " (données simulées)" : "");
        var distribution = new Distribution(id + "-kafka", "Topic Kafka « " + nom + " »", Format.JSON, kafka(nom), false,
                service, null);
        List<String> sources = reference ? figuresInsee : List.of();
        String millesime = !reference ? null : String.join(", ", territoires.stream()
                .flatMap(t -> t.sources().values().stream()).map(Source::millesime).distinct().sorted().toList());
        return new JeuDeDonnees(id, Genre.FLUX, titre, mots.description(), producteur, millesime, licence, simule,
                provenance, couverture, periode, reference ? Frequence.ANNUELLE : Frequence.CONTINUE, List.of(Norme.JSON),
                List.of(distribution), mots.variables(), sources, motsCles(Genre.FLUX, simule, producteur));
    }

    // ---- indicators ----

    private void indicateurs() {
        String direct = iri("service-direct");
        var servis = new ArrayList<String>();
        for (DefinitionIndicateur d : definitions) {
            JeuDeDonnees jeu = indicateur(d, direct);
            jeux.add(jeu);
            servis.add(jeu.id());
        }
        services.add(new ServiceDonnees(direct, "Indicateurs en direct (événements serveur)",
                "Chaque cellule d'indicateur nouvelle ou mise à jour, poussée aux navigateurs (Server-Sent Events, "
                        + "événement « indicateur », données JSON) dès qu'elle est calculée.",
                options.urlBase() + "/api/direct", servis,
                servis.stream().anyMatch(i -> jeu(i).map(JeuDeDonnees::simule).orElse(false)),
                options.urlBase() + ServiceDonnees.OPENAPI));
    }

    private JeuDeDonnees indicateur(DefinitionIndicateur d, String direct) {
        String id = iri("indicateur-" + d.id());
        List<JeuDeDonnees> entrees = d.entrees().stream().map(fluxParTopic::get).filter(Objects::nonNull).toList();
        boolean simule = entrees.stream().anyMatch(JeuDeDonnees::simule);
        Couverture couverture = couvertureIndicateur(d, entrees);
        List<Source> sourcesComposantes = sourcesDesVariables(d.composantes().keySet());
        // a composite spans its components' millésimes; a crossing with a live feed, the feed's period
        List<JeuDeDonnees> enDirect = entrees.stream().filter(j -> !references.contains(j.id())).toList();
        Periode periode = d.estComposite() ? periode(sourcesComposantes)
                : enDirect.isEmpty() ? entrees.stream().map(JeuDeDonnees::periode).filter(Objects::nonNull).findFirst().orElse(null)
                : enDirect.get(0).periode();
        String millesime = d.estComposite()
                ? String.join(", ", sourcesComposantes.stream().map(Source::millesime).distinct().sorted().toList())
                : null;
        String service = iri("service-kafka-" + d.topic());
        services.add(new ServiceDonnees(service, "Topic Kafka « " + d.topic() + " »",
                "Lire les cellules de l'indicateur avec un client Kafka (clé : code Insee, valeur : JSON Indicateur ; "
                        + "le dernier enregistrement d'une commune et d'une période fait foi).",
                kafka(d.topic()), List.of(id), simule, options.urlBase() + ServiceDonnees.ASYNCAPI));
        var distributions = new ArrayList<Distribution>();
        for (TerritoireCouvert t : couverture.territoires()) {
            distributions.add(new Distribution(id + "-" + t.id() + "-geojson", "GeoJSON — " + t.nom(), Format.GEOJSON,
                    options.urlBase() + "/api/territoires/" + t.id() + "/communes.geojson?indicateur="
                            + URLEncoder.encode(d.id(), StandardCharsets.UTF_8), true, null, t.id()));
            distributions.add(new Distribution(id + "-" + t.id() + "-csv", "CSV — " + t.nom(), Format.CSV,
                    options.urlBase() + "/api/indicateurs/" + d.id() + "/territoires/" + t.id() + ".csv", true, null,
                    t.id()));
        }
        distributions.add(new Distribution(id + "-kafka", "Topic Kafka « " + d.topic() + " »", Format.JSON,
                kafka(d.topic()), false, service, null));
        distributions.add(new Distribution(id + "-direct", "En direct (événements serveur)", Format.JSON,
                options.urlBase() + "/api/direct", false, direct, null));
        var variables = new ArrayList<String>();
        variables.add(d.libelle() + " (" + d.unite() + ")");
        if (d.estComposite()) {
            variables.addAll(d.composantes().values());
        } else {
            Optional.ofNullable(d.libelles().numerateur()).ifPresent(variables::add);
            Optional.ofNullable(d.libelles().denominateur()).ifPresent(variables::add);
        }
        String depuis = String.join(", ", entrees.stream().map(JeuDeDonnees::titre).toList());
        String provenance = simule
                ? "Données simulées : calculé par Croisements à partir de données simulées (" + depuis + ")."
                : "Données réelles : calculé par Croisements" + (depuis.isEmpty() ? "." : " à partir de " + depuis + ".");
        if (d.estDeclareParFichier()) {
            provenance += " Indicateur déclaré par le fichier « " + d.fichier() + " » (format décrit dans docs/indicateurs.md).";
        }
        String titre = d.libelle() + (simule ? " (données simulées)" : "");
        String description = d.question() + " " + d.methode() + " Limites : " + d.limites();
        return new JeuDeDonnees(id, Genre.INDICATEUR, titre, description, EDITEUR, millesime, Licence.OUVERTE_2, simule,
                provenance, couverture, periode, Frequence.pourFenetre(d.fenetre()), List.of(Norme.GEOJSON, Norme.JSON),
                distributions, variables, entrees.stream().map(JeuDeDonnees::id).toList(),
                motsCles(Genre.INDICATEUR, simule, EDITEUR));
    }

    /**
     * The communes every input of the indicator covers; for a composite, only those where the packs
     * have each component (a figure or a secret).
     */
    private Couverture couvertureIndicateur(DefinitionIndicateur d, List<JeuDeDonnees> entrees) {
        var couverts = new ArrayList<TerritoireCouvert>();
        for (Territoire t : territoires) {
            var communes = new TreeSet<String>();
            t.communes().forEach(c -> communes.add(c.codeInsee()));
            for (JeuDeDonnees entree : entrees) {
                communes.retainAll(entree.couverture().territoires().stream().filter(c -> c.id().equals(t.id()))
                        .flatMap(c -> c.communes().stream()).toList());
            }
            for (String composante : d.composantes().keySet()) {
                communes.removeIf(code -> t.commune(code).map(c -> !a(c.chiffres(), c.secrets(), composante)).orElse(true));
            }
            if (!communes.isEmpty()) {
                couverts.add(new TerritoireCouvert(t.id(), t.nom(), t.epciSiren(), communes.size() == t.communes().size(),
                        List.copyOf(communes), List.of()));
            }
        }
        return new Couverture(Granularite.COMMUNE, couverts);
    }

    // ---- helpers ----

    private Couverture toutesLesCommunes() {
        return new Couverture(Granularite.COMMUNE, territoires.stream()
                .map(t -> new TerritoireCouvert(t.id(), t.nom(), t.epciSiren(), true,
                        t.communes().stream().map(Commune::codeInsee).sorted().toList(), List.of()))
                .toList());
    }

    private Couverture communesDe(String idTerritoire) {
        return new Couverture(Granularite.COMMUNE, toutesLesCommunes().territoires().stream()
                .filter(t -> t.id().equals(idTerritoire)).toList());
    }

    private List<Source> sourcesDesVariables(Set<String> variables) {
        return territoires.stream().flatMap(t -> variables.stream().map(v -> t.sources().get(v)))
                .filter(Objects::nonNull).distinct().toList();
    }

    private Optional<JeuDeDonnees> jeu(String id) {
        return jeux.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    private String iri(String slug) {
        return racine + "#" + slug;
    }

    private String kafka(String topic) {
        return "kafka://" + options.serveursKafka().split(",")[0].trim() + "/" + topic;
    }

    /** The years of these millésimes, from 1 January of the first to 31 December of the last; null when none. */
    static Periode periode(List<Source> sources) {
        var annees = new TreeSet<Integer>();
        for (Source s : sources) {
            if (s != null && s.millesime() != null) {
                Matcher m = ANNEE.matcher(s.millesime());
                while (m.find()) {
                    annees.add(Integer.parseInt(m.group()));
                }
            }
        }
        return annees.isEmpty() ? null
                : new Periode(LocalDate.of(annees.first(), 1, 1), LocalDate.of(annees.last(), 12, 31));
    }

    /** "l'Insee", "l'IGN"; a name starting with a consonant as it is. */
    static String avecArticle(String producteur) {
        return producteur != null && producteur.matches("(?i)^[aeiouyéèâî].*") ? "l'" + producteur : producteur;
    }

    private static List<String> motsCles(Genre genre, boolean simule, String producteur) {
        return List.of(genre.libelle(), simule ? CatalogueDonnees.SIMULEES : CatalogueDonnees.REELLES, producteur);
    }

    /** "Base du comparateur (2021)" → "base-du-comparateur-2021": ASCII, lower case, dashes. */
    static String slug(String texte) {
        String sansAccents = Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
