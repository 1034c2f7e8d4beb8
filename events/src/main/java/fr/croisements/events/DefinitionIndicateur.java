package fr.croisements.events;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an indicator means, for the topology that computes it and for the people who read it.
 * Every crossing is described by one of these, so that stores, topics, labels and the secrecy
 * rule are named the same way everywhere, and the words shown around its figures (map, exports,
 * data catalogue) are written once.
 *
 * @param id stable id, kebab-case; names the output topic ({@code indicateurs-<id>}) and store
 * @param libelle short French label, e.g. "Taux de présentation des bacs"
 * @param unite unit as shown, e.g. "%"
 * @param question the question the indicator answers, in plain French
 * @param methode how it is computed, in plain French
 * @param limites what it does not say, in plain French
 * @param niveau zone level of the cells ({@link Zone#COMMUNE}...)
 * @param fenetre window length of the cells
 * @param seuilSecret minimum number of distinct contributors for a cell to be published
 * @param libelles the words written next to its figures
 * @param composantes for a composite indicator, the French label of each component by its name in
 *     {@link Indicateur#mesures()}, in the order shown; components are in {@link #unite()} (a
 *     geometric mean of rates is a rate). Empty for a ratio.
 * @param entrees the topics the crossing reads (names as in {@code Topics}), e.g. the lifts and the
 *     INSEE references; tells the data catalogue what each indicator is made of
 * @param bornes fixed class breaks of the map, in {@link #unite()}, ascending; empty when the map
 *     should cut classes from the values shown (quantiles)
 * @param dominance the dominance rule of statistical secrecy: a cell where one contributor makes
 *     more than this share (0 to 1, e.g. 0.85) of the counted quantity is secret; {@code null} when
 *     the rule does not apply
 * @param fichier the indicator file that declares it (its name, e.g. {@code dechets-par-habitant.yaml}),
 *     or {@code null} for an indicator built into Croisements
 * @param variablesInsee the INSEE variables of the zone it needs (e.g. {@code menages}): a territory
 *     whose pack lacks one cannot have it, and the map says so
 * @param reference whether it shows one reference figure of the zones (an INSEE figure as published)
 *     rather than a crossing
 * @param conservation how long its cells are kept in its store: a cell whose window ends more than this
 *     before the latest window end of the store (stream time, the cells' own time, not the wall clock) is
 *     deleted, from the store and its changelog; {@link #CONSERVATION_PAR_DEFAUT} when not declared
 */
public record DefinitionIndicateur(
        String id,
        String libelle,
        String unite,
        String question,
        String methode,
        String limites,
        String niveau,
        Duration fenetre,
        int seuilSecret,
        Libelles libelles,
        Map<String, String> composantes,
        List<String> entrees,
        List<Double> bornes,
        Double dominance,
        String fichier,
        List<String> variablesInsee,
        boolean reference,
        Duration conservation) {

    /**
     * How long the cells of an indicator that declares nothing are kept: 400 days, as long as the
     * windows of the built-in counts accept late records, so a year of weeks or days and its
     * comparison with the same weeks of the year before stay on the map.
     */
    public static final Duration CONSERVATION_PAR_DEFAUT = Duration.ofDays(400);

    /**
     * The words around the figures of an indicator, in plain French.
     *
     * @param sujet what a map of it is about, for titles, e.g. "présentation des bacs d'ordures ménagères"
     * @param numerateur what the numerator counts, e.g. "bacs présentés"; {@code null} when the
     *     indicator has none (a composite of published rates)
     * @param denominateur what the denominator counts, e.g. "ménages (Insee)", or {@code null}
     * @param sansDonnee what a zone without a cell says, e.g. "pas encore de levée"
     * @param secret the sentence shown on a cell hidden by statistical secrecy, saying why
     */
    public record Libelles(String sujet, String numerateur, String denominateur, String sansDonnee, String secret) {
        public Libelles {
            Objects.requireNonNull(sujet, "sujet");
            Objects.requireNonNull(sansDonnee, "sansDonnee");
            Objects.requireNonNull(secret, "secret");
        }
    }

    public DefinitionIndicateur {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(libelles, "libelles");
        // a LinkedHashMap keeps the order in which the components are shown
        composantes = composantes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(composantes));
        entrees = entrees == null ? List.of() : List.copyOf(entrees);
        bornes = bornes == null ? List.of() : List.copyOf(bornes);
        variablesInsee = variablesInsee == null ? List.of() : List.copyOf(variablesInsee);
        conservation = conservation == null ? CONSERVATION_PAR_DEFAUT : conservation;
        if (conservation.isNegative() || conservation.isZero()) {
            throw new IllegalArgumentException("Retention of " + id + " must be positive: " + conservation);
        }
        if (dominance != null && !(dominance > 0 && dominance <= 1)) {
            throw new IllegalArgumentException("Dominance share of " + id + " must be in ]0, 1]: " + dominance);
        }
        for (int i = 1; i < bornes.size(); i++) {
            if (bornes.get(i) <= bornes.get(i - 1)) {
                throw new IllegalArgumentException("Class breaks of " + id + " must be ascending: " + bornes);
            }
        }
    }

    /** An indicator kept for {@link #CONSERVATION_PAR_DEFAUT}. */
    public DefinitionIndicateur(String id, String libelle, String unite, String question, String methode,
            String limites, String niveau, Duration fenetre, int seuilSecret, Libelles libelles,
            Map<String, String> composantes, List<String> entrees, List<Double> bornes, Double dominance,
            String fichier, List<String> variablesInsee, boolean reference) {
        this(id, libelle, unite, question, methode, limites, niveau, fenetre, seuilSecret, libelles, composantes,
                entrees, bornes, dominance, fichier, variablesInsee, reference, null);
    }

    /** A built-in indicator without dominance rule. */
    public DefinitionIndicateur(String id, String libelle, String unite, String question, String methode,
            String limites, String niveau, Duration fenetre, int seuilSecret, Libelles libelles,
            Map<String, String> composantes, List<String> entrees, List<Double> bornes) {
        this(id, libelle, unite, question, methode, limites, niveau, fenetre, seuilSecret, libelles, composantes,
                entrees, bornes, null, null, List.of(), false);
    }

    /** A built-in crossing without dominance rule, needing these INSEE variables. */
    public DefinitionIndicateur(String id, String libelle, String unite, String question, String methode,
            String limites, String niveau, Duration fenetre, int seuilSecret, Libelles libelles,
            Map<String, String> composantes, List<String> entrees, List<Double> bornes, List<String> variablesInsee) {
        this(id, libelle, unite, question, methode, limites, niveau, fenetre, seuilSecret, libelles, composantes,
                entrees, bornes, null, null, variablesInsee, false);
    }

    /**
     * An indicator with neutral words ("numérateur", "dénominateur", "pas encore de donnée"), no
     * component, no declared input and quantile classes. Prefer the full constructor: the map,
     * the exports and the data catalogue read what it declares.
     */
    public DefinitionIndicateur(String id, String libelle, String unite, String question, String methode,
            String limites, String niveau, Duration fenetre, int seuilSecret) {
        this(id, libelle, unite, question, methode, limites, niveau, fenetre, seuilSecret,
                new Libelles(libelle == null || libelle.isEmpty() ? id
                                : libelle.substring(0, 1).toLowerCase(Locale.ROOT) + libelle.substring(1),
                        "numérateur", "dénominateur", "pas encore de donnée",
                        "Secret statistique : moins de " + seuilSecret + " contributeurs, la valeur n'est pas publiée."),
                Map.of(), List.of(), List.of());
    }

    /** The output topic name of this indicator. */
    public String topic() {
        return "indicateurs-" + id;
    }

    /** The name of the state store that keeps its cells. */
    public String store() {
        return "indicateurs-" + id + "-store";
    }

    /** The same indicator, its cells kept for {@code duree}. */
    public DefinitionIndicateur conserveePendant(Duration duree) {
        return new DefinitionIndicateur(id, libelle, unite, question, methode, limites, niveau, fenetre, seuilSecret,
                libelles, composantes, entrees, bornes, dominance, fichier, variablesInsee, reference, duree);
    }

    /** Whether a cell built on {@code contributeurs} distinct contributors must be hidden. */
    public boolean estSecret(long contributeurs) {
        return contributeurs < seuilSecret;
    }

    /**
     * The secrecy rule of the indicator: a cell is hidden when it describes fewer distinct
     * contributors than {@link #seuilSecret()}, or when one of them makes more than
     * {@link #dominance()} of it.
     *
     * @param partDominante the share (0 to 1) of the largest contributor, or {@code null} when unknown
     */
    public boolean estSecret(long contributeurs, Double partDominante) {
        return estSecret(contributeurs) || dominance != null && partDominante != null && partDominante > dominance;
    }

    /** Whether a data team's file declares it, rather than Croisements' own code. */
    public boolean estDeclareParFichier() {
        return fichier != null;
    }

    /**
     * Whether its value combines components (shown one by one) rather than a numerator over a
     * denominator. An indicator with a numerator may still list measures in {@link #composantes()}:
     * it is not composite.
     */
    public boolean estComposite() {
        return !composantes.isEmpty() && libelles.numerateur() == null;
    }
}
