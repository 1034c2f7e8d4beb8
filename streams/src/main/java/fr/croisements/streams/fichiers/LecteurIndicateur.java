package fr.croisements.streams.fichiers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import fr.croisements.streams.fichiers.FichierIndicateur.Agregation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads an indicator file and checks it, reporting every problem in French with its line and
 * column: YAML syntax, unknown field (with the fields allowed there), missing field, wrong type,
 * unknown INSEE variable, malformed JSON Pointer, window without grace period, unknown function...
 * A file is valid when no problem is found; its {@link IndicateurDeclare} can then run.
 *
 * <p>The checks that need a running cluster (does the topic exist, does each JSON Pointer match
 * something in its latest records) are made by the {@code croisements indicateur verifier} command,
 * through {@link #verifierTopic} and {@link #verifierChamps}. Thread-safe.
 */
public final class LecteurIndicateur {

    /** What was read: the indicator when the file is valid, and every problem found. */
    public record Resultat(IndicateurDeclare indicateur, List<Probleme> problemes) {
        public boolean valide() {
            return problemes.isEmpty();
        }
    }

    static final Set<String> FONCTIONS = Set.of("compte", "compte-distinct", "somme", "moyenne", "min", "max", "centile");
    static final Set<String> FONCTIONS_PAR_ENTITE = Set.of("compte", "somme", "moyenne", "min", "max");
    static final Set<String> DUREES = Set.of("heure", "jour", "semaine", "mois");
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int ID_MAX = 60;

    private final Set<String> variablesInsee;
    private final Predicate<String> topicsCatalogue;

    /**
     * @param variablesInsee the INSEE variables of the reference table (those a denominator may name)
     */
    public LecteurIndicateur(Set<String> variablesInsee) {
        this.variablesInsee = Set.copyOf(variablesInsee);
        this.topicsCatalogue = nom -> Topics.TOUS.stream().anyMatch(t -> t.name().equals(nom));
    }

    /** A reader knowing the INSEE variables of these territories, communes and IRIS. */
    public static LecteurIndicateur pour(Collection<Territoire> territoires) {
        var variables = new TreeSet<String>();
        for (Territoire t : territoires) {
            for (Commune c : t.communes()) {
                variables.addAll(c.chiffres().keySet());
                variables.addAll(c.secrets());
            }
            for (Iris i : t.iris()) {
                variables.addAll(i.chiffres().keySet());
                variables.addAll(i.secrets());
            }
        }
        return new LecteurIndicateur(variables);
    }

    public Set<String> variablesInsee() {
        return variablesInsee;
    }

    public Resultat lire(Path fichier) {
        String nom = fichier.getFileName().toString();
        try {
            return lire(nom, Files.readString(fichier, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Resultat(null, List.of(new Probleme(nom, 0, 0, "fichier illisible : " + e.getMessage())));
        }
    }

    public Resultat lire(String nom, String texte) {
        var problemes = new ArrayList<Probleme>();
        Map<String, JsonLocation> positions;
        try {
            positions = positions(texte);
        } catch (IOException e) {
            JsonLocation l = e instanceof JsonProcessingException j ? j.getLocation() : null;
            problemes.add(new Probleme(nom, ligne(l), colonne(l), "YAML illisible : " + premiereLigne(e.getMessage())
                    + ". Vérifiez l'indentation (des espaces, pas de tabulation) et les deux-points après chaque champ."));
            return new Resultat(null, problemes);
        }
        FichierIndicateur fichier = null;
        try {
            fichier = mapper(nom, problemes, positions).readValue(texte, FichierIndicateur.class);
        } catch (MismatchedInputException e) {
            problemes.add(new Probleme(nom, ligne(e.getLocation()), colonne(e.getLocation()),
                    "valeur inattendue pour « " + chemin(e.getPath()) + " » : " + attendu(e)));
        } catch (IOException e) {
            JsonLocation l = e instanceof JsonProcessingException j ? j.getLocation() : null;
            problemes.add(new Probleme(nom, ligne(l), colonne(l), "fichier illisible : " + premiereLigne(e.getMessage())));
        }
        if (fichier == null) {
            if (problemes.isEmpty()) {
                problemes.add(new Probleme(nom, 0, 0, "le fichier est vide : il doit décrire un indicateur (voir docs/indicateurs.md)"));
            }
            return new Resultat(null, problemes);
        }
        new Verification(nom, fichier, positions, problemes).toutVerifier();
        if (!problemes.isEmpty()) {
            return new Resultat(null, problemes);
        }
        return new Resultat(new IndicateurDeclare(fichier, nom), List.of());
    }

    /**
     * Problems of the source topic against a cluster: {@code topicExiste} tells whether the topic is
     * there; a topic that is neither in the catalogue nor in the cluster is a problem.
     */
    public List<Probleme> verifierTopic(String nom, String texte, FichierIndicateur fichier, boolean topicExiste) {
        if (topicExiste || fichier.source() == null || fichier.source().topic() == null) {
            return List.of();
        }
        JsonLocation l = positionsSansErreur(texte).get("/source/topic");
        return List.of(new Probleme(nom, ligne(l), colonne(l), "topic inconnu : « " + fichier.source().topic()
                + " » n'existe pas sur le cluster Kafka" + (topicsCatalogue.test(fichier.source().topic())
                ? " (il est au catalogue : démarrez Croisements une fois pour le créer)" : "")
                + ". Topics du catalogue : " + String.join(", ", topicsLisibles()) + "."));
    }

    /**
     * Problems of the JSON Pointers against the latest records of the topic: a pointer that matches
     * nothing in any of them is reported with its line, with the fields the records do have.
     */
    public List<Probleme> verifierChamps(String nom, String texte, IndicateurDeclare indicateur,
            List<com.fasterxml.jackson.databind.JsonNode> derniers) {
        if (derniers.isEmpty()) {
            return List.of();
        }
        var problemes = new ArrayList<Probleme>();
        Map<String, JsonLocation> positions = positionsSansErreur(texte);
        indicateur.pointeurs().forEach((ou, pointeur) -> {
            boolean trouve = derniers.stream().anyMatch(r -> !r.at(pointeur).isMissingNode() && !r.at(pointeur).isNull());
            if (!trouve) {
                JsonLocation l = positions.get(ou);
                var champs = new TreeSet<String>();
                derniers.forEach(r -> champs(r, "", champs));
                problemes.add(new Probleme(nom, ligne(l), colonne(l), "le pointeur JSON « " + pointeur
                        + " » ne trouve rien dans les " + derniers.size() + " derniers enregistrements du topic « "
                        + indicateur.fichier().source().topic() + " ». Champs présents : " + String.join(", ", champs) + "."));
            }
        });
        return problemes;
    }

    private static void champs(com.fasterxml.jackson.databind.JsonNode noeud, String prefixe, Set<String> champs) {
        if (champs.size() > 40) {
            return;
        }
        noeud.fieldNames().forEachRemaining(nomChamp -> {
            String chemin = prefixe + "/" + nomChamp;
            var enfant = noeud.get(nomChamp);
            if (enfant.isObject()) {
                champs(enfant, chemin, champs);
            } else {
                champs.add(chemin);
            }
        });
    }

    private static List<String> topicsLisibles() {
        return Topics.TOUS.stream().map(t -> t.name())
                .filter(n -> !n.startsWith("indicateurs-") && !n.equals(Topics.REJETS.name())).toList();
    }

    // ---- the checks ----

    private final class Verification {
        private final String nom;
        private final FichierIndicateur f;
        private final Map<String, JsonLocation> positions;
        private final List<Probleme> problemes;

        Verification(String nom, FichierIndicateur f, Map<String, JsonLocation> positions, List<Probleme> problemes) {
            this.nom = nom;
            this.f = f;
            this.positions = positions;
            this.problemes = problemes;
        }

        void toutVerifier() {
            identite();
            source();
            filtres();
            localisation();
            fenetre();
            agregation();
            denominateur();
            secret();
            classes();
            conservation();
        }

        private void conservation() {
            if (f.conservation() == null) {
                return;
            }
            String attendu = " : écrivez une durée ISO 8601 en jours ou en heures, ex. P400D (400 jours), PT72H (72 heures)";
            try {
                Duration d = Duration.parse(f.conservation().trim());
                if (d.isNegative() || d.isZero()) {
                    probleme("/conservation", "durée de conservation « " + f.conservation() + " » nulle ou négative" + attendu);
                }
            } catch (DateTimeParseException e) {
                probleme("/conservation", "durée de conservation « " + f.conservation() + " » illisible" + attendu);
            }
        }

        private void identite() {
            if (requis("/id", f.id(), "l'identifiant de l'indicateur, en minuscules et tirets (ex. dechets-par-habitant)")) {
                if (!ID.matcher(f.id()).matches() || f.id().length() > ID_MAX) {
                    probleme("/id", "identifiant « " + f.id() + " » invalide : lettres minuscules sans accent, chiffres et "
                            + "tirets seulement, " + ID_MAX + " caractères au plus (ex. dechets-par-habitant)");
                } else if (Indicateurs.parId(f.id()).isPresent()) {
                    probleme("/id", "l'identifiant « " + f.id() + " » est celui d'un indicateur intégré à Croisements : "
                            + "choisissez-en un autre");
                }
            }
            requis("/libelle", f.libelle(), "le nom court de l'indicateur, en français");
            requis("/unite", f.unite(), "l'unité affichée (ex. « kg par habitant », « % »)");
            requis("/question", f.question(), "la question à laquelle l'indicateur répond, en français simple");
            requis("/methode", f.methode(), "comment il est calculé, en français simple");
            requis("/limites", f.limites(), "ce qu'il ne dit pas, en français simple");
            if (f.decimales() != null && (f.decimales() < 0 || f.decimales() > 6)) {
                probleme("/decimales", "decimales doit être entre 0 et 6 (" + f.decimales() + " donné)");
            }
        }

        private void source() {
            var s = f.source();
            if (s == null) {
                probleme("", "champ « source » manquant : le topic lu et les champs utilisés (voir docs/indicateurs.md)");
                return;
            }
            if (requis("/source/topic", s.topic(), "le topic Kafka lu (ex. dechets-levees)")) {
                if (s.topic().startsWith("indicateurs-") || s.topic().equals(Topics.REJETS.name())) {
                    probleme("/source/topic", "le topic « " + s.topic() + " » est une sortie de Croisements, pas une source ; "
                            + "topics du catalogue : " + String.join(", ", topicsLisibles()));
                }
            }
            pointeur("/source/cle", s.cle());
            pointeur("/source/instant", s.instant());
            pointeur("/source/simule", s.simule());
        }

        private void filtres() {
            if (f.filtre() == null) {
                return;
            }
            for (int i = 0; i < f.filtre().size(); i++) {
                var filtre = f.filtre().get(i);
                String ici = "/filtre/" + i;
                if (filtre == null) {
                    probleme(ici, "condition vide");
                    continue;
                }
                if (requis(ici + "/champ", filtre.champ(), "le pointeur JSON du champ testé (ex. /flux)")) {
                    pointeur(ici + "/champ", filtre.champ());
                }
                if (filtre.egal() == null && filtre.present() == null && filtre.min() == null && filtre.max() == null) {
                    probleme(ici, "condition sans test : donnez « egal », « present », « min » ou « max »");
                }
            }
        }

        private void localisation() {
            var l = f.localisation();
            if (l == null) {
                probleme("", "champ « localisation » manquant : les champs longitude et latitude d'un point, ou le champ "
                        + "d'un code de zone");
                return;
            }
            String niveau = l.niveau() == null ? Zone.COMMUNE : l.niveau();
            if (!niveau.equals(Zone.COMMUNE) && !niveau.equals(Zone.IRIS)) {
                probleme("/localisation/niveau", "niveau « " + niveau + " » inconnu : commune ou iris");
            }
            boolean point = l.longitude() != null || l.latitude() != null;
            if (point && l.zone() != null) {
                probleme("/localisation/zone", "donnez soit un point (longitude et latitude), soit un code de zone, pas les deux");
            } else if (point) {
                if (l.longitude() == null) {
                    probleme("/localisation", "latitude sans longitude : donnez les deux pointeurs JSON");
                } else if (l.latitude() == null) {
                    probleme("/localisation", "longitude sans latitude : donnez les deux pointeurs JSON");
                }
                pointeur("/localisation/longitude", l.longitude());
                pointeur("/localisation/latitude", l.latitude());
                if (niveau.equals(Zone.IRIS)) {
                    probleme("/localisation/niveau", "un indicateur écrit en fichier ne localise encore un point qu'en "
                            + "commune ; pour l'IRIS, donnez le champ d'un code IRIS avec « zone »");
                }
            } else if (l.zone() != null) {
                pointeur("/localisation/zone", l.zone());
            } else {
                probleme("/localisation", "localisation vide : donnez « longitude » et « latitude », ou « zone »");
            }
        }

        private void fenetre() {
            var w = f.fenetre();
            if (w == null) {
                probleme("", "champ « fenetre » manquant : la durée des cellules (heure, jour, semaine ou mois) et le délai de grâce");
                return;
            }
            if (requis("/fenetre/duree", w.duree(), "heure, jour, semaine ou mois") && !DUREES.contains(w.duree())) {
                probleme("/fenetre/duree", "durée « " + w.duree() + " » inconnue : heure, jour, semaine ou mois");
            }
            if (w.grace() == null) {
                probleme("/fenetre", "fenêtre sans délai de grâce : donnez « grace », le temps pendant lequel un enregistrement "
                        + "arrivé après la fin de sa fenêtre compte encore (ex. PT2H pour deux heures, P2D pour deux jours)");
            } else {
                try {
                    if (Duration.parse(w.grace()).isNegative()) {
                        probleme("/fenetre/grace", "délai de grâce négatif : " + w.grace());
                    }
                } catch (DateTimeParseException e) {
                    probleme("/fenetre/grace", "délai de grâce « " + w.grace() + " » illisible : écrivez-le en ISO 8601, "
                            + "ex. PT30M (30 minutes), PT2H (2 heures), P2D (2 jours)");
                }
            }
            if (w.fuseau() != null) {
                try {
                    ZoneId.of(w.fuseau());
                } catch (RuntimeException e) {
                    probleme("/fenetre/fuseau", "fuseau horaire « " + w.fuseau() + " » inconnu (ex. Europe/Paris, UTC)");
                }
            }
        }

        private void agregation() {
            Agregation a = f.agregation();
            if (a == null) {
                probleme("", "champ « agregation » manquant : ce qui est calculé sur les enregistrements d'une cellule");
                return;
            }
            if (!requis("/agregation/fonction", a.fonction(), String.join(", ", new TreeSet<>(FONCTIONS)))) {
                return;
            }
            if (!FONCTIONS.contains(a.fonction())) {
                probleme("/agregation/fonction", "fonction « " + a.fonction() + " » inconnue : "
                        + String.join(", ", new TreeSet<>(FONCTIONS)));
                return;
            }
            boolean compte = a.fonction().startsWith("compte");
            boolean compteSansChamp = compte && (a.parEntite() == null || a.parEntite().equals("compte"));
            if (!compteSansChamp && a.champ() == null) {
                probleme("/agregation", "la fonction « " + a.fonction() + " » a besoin de « champ », le pointeur JSON du nombre "
                        + "agrégé (ex. /poidsKg)");
            }
            pointeur("/agregation/champ", a.champ());
            if (a.fonction().equals("centile")) {
                if (a.centile() == null || a.centile() <= 0 || a.centile() > 100) {
                    probleme("/agregation", "la fonction « centile » a besoin de « centile », entre 1 et 100 (ex. 90)");
                }
            } else if (a.centile() != null) {
                probleme("/agregation/centile", "« centile » ne sert qu'avec la fonction « centile »");
            }
            if (a.parEntite() != null) {
                if (!FONCTIONS_PAR_ENTITE.contains(a.parEntite())) {
                    probleme("/agregation/par-entite", "« par-entite » inconnu : " + a.parEntite() + " ; possibles : "
                            + String.join(", ", new TreeSet<>(FONCTIONS_PAR_ENTITE)));
                } else if (a.fonction().equals("compte-distinct")) {
                    probleme("/agregation/par-entite", "« compte-distinct » compte déjà les entités : retirez « par-entite »");
                } else if (!Set.of("somme", "moyenne", "compte").contains(a.fonction())) {
                    probleme("/agregation/par-entite", "avec « par-entite », la fonction sur l'ensemble des contributeurs est "
                            + "somme, moyenne ou compte (« " + a.fonction() + " » ne se tient pas à jour sans garder chaque "
                            + "contributeur)");
                }
            }
        }

        private void denominateur() {
            var d = f.denominateur();
            if (d == null) {
                return;
            }
            if (requis("/denominateur/variable", d.variable(), "une variable Insee de la table de référence")
                    && !variablesInsee.contains(d.variable())) {
                probleme("/denominateur/variable", "variable Insee « " + d.variable() + " » inconnue ; variables des packs : "
                        + String.join(", ", new TreeSet<>(variablesInsee)));
            }
            if (d.multiplicateur() != null && !(d.multiplicateur() > 0)) {
                probleme("/denominateur/multiplicateur", "le multiplicateur doit être positif (ex. 1000 pour « pour 1 000 habitants »)");
            }
        }

        private void secret() {
            var s = f.secret();
            if (s == null) {
                return;
            }
            if (s.seuil() != null && s.seuil() < 0) {
                probleme("/secret/seuil", "le seuil du secret statistique doit être positif ou nul");
            }
            if (s.seuil() != null && s.seuil() < Indicateurs.SEUIL_SECRET && f.source() != null && f.source().topic() != null
                    && f.source().topic().equals(Topics.DECHETS_LEVEES.name())) {
                probleme("/secret/seuil", "les levées de bacs décrivent des ménages : le seuil ne peut pas être inférieur à "
                        + Indicateurs.SEUIL_SECRET);
            }
            if (s.dominance() != null && !(s.dominance() > 0 && s.dominance() <= 1)) {
                probleme("/secret/dominance", "la dominance est une part entre 0 et 1 (ex. 0.85 pour 85 %)");
            }
        }

        private void classes() {
            if (f.classes() == null || f.classes().bornes() == null) {
                return;
            }
            List<Double> bornes = f.classes().bornes();
            for (int i = 1; i < bornes.size(); i++) {
                if (bornes.get(i) == null || bornes.get(i - 1) == null || bornes.get(i) <= bornes.get(i - 1)) {
                    probleme("/classes/bornes", "les bornes des classes doivent être croissantes : " + bornes);
                    return;
                }
            }
        }

        private boolean requis(String ou, String valeur, String attendu) {
            if (valeur == null || valeur.isBlank()) {
                int fin = ou.lastIndexOf('/');
                String champ = ou.substring(fin + 1);
                probleme(ou.substring(0, fin), "champ « " + champ + " » manquant : " + attendu);
                return false;
            }
            return true;
        }

        private void pointeur(String ou, String valeur) {
            if (valeur == null) {
                return;
            }
            try {
                if (!valeur.startsWith("/")) {
                    throw new IllegalArgumentException();
                }
                JsonPointer.compile(valeur);
            } catch (IllegalArgumentException e) {
                probleme(ou, "« " + valeur + " » n'est pas un pointeur JSON : il commence par / et sépare les niveaux par / "
                        + "(ex. /poidsKg, /position/longitude)");
            }
        }

        private void probleme(String ou, String message) {
            JsonLocation l = positions.get(ou);
            problemes.add(new Probleme(nom, ligne(l), colonne(l), message));
        }
    }

    // ---- positions and Jackson ----

    /** The position of every field and value of the YAML, by JSON Pointer ("" for the document). */
    static Map<String, JsonLocation> positions(String texte) throws IOException {
        var positions = new HashMap<String, JsonLocation>();
        try (JsonParser p = new YAMLFactory().createParser(texte)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String ou = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        || t.isScalarValue()) {
                    positions.putIfAbsent(ou, p.currentTokenLocation());
                }
            }
        }
        return positions;
    }

    private static Map<String, JsonLocation> positionsSansErreur(String texte) {
        try {
            return positions(texte);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** A mapper that reports every unknown field (with the fields allowed there) and goes on. */
    private static ObjectMapper mapper(String nom, List<Probleme> problemes, Map<String, JsonLocation> positions) {
        var mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                    Object beanOrClass, String propertyName) throws IOException {
                // records are read through a buffer that has no position: find the field in the document
                String ou = p.getParsingContext().pathAsPointer().toString();
                JsonLocation l = positions.get(ou);
                if (l == null) {
                    l = positions.entrySet().stream().filter(e -> e.getKey().endsWith("/" + propertyName))
                            .map(Map.Entry::getValue).min(java.util.Comparator.comparingLong(JsonLocation::getCharOffset))
                            .orElse(null);
                }
                var connus = new TreeSet<String>();
                deserializer.getKnownPropertyNames().forEach(n -> connus.add(String.valueOf(n)));
                problemes.add(new Probleme(nom, ligne(l), colonne(l), "champ inconnu « " + propertyName + " »"
                        + (connus.isEmpty() ? "" : " ; champs possibles ici : " + String.join(", ", connus))));
                p.skipChildren();
                return true;
            }
        });
        return mapper;
    }

    private static String attendu(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return premiereLigne(e.getOriginalMessage());
        }
        if (type == String.class) {
            return "un texte est attendu";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class) {
            return "un nombre est attendu";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false est attendu";
        }
        if (List.class.isAssignableFrom(type)) {
            return "une liste est attendue (des lignes commençant par « - »)";
        }
        return "un bloc de champs est attendu (« " + type.getSimpleName().toLowerCase(Locale.ROOT) + " »)";
    }

    private static String chemin(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> chemin) {
        var morceaux = new ArrayList<String>();
        for (var r : chemin) {
            morceaux.add(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return String.join(".", morceaux);
    }

    static int ligne(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    static int colonne(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static String premiereLigne(String message) {
        if (message == null) {
            return "erreur inconnue";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
