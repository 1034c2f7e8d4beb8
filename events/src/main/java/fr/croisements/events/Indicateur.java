package fr.croisements.events;

import fr.croisements.events.contrats.Requis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published cell of an indicator: a zone over a time window.
 *
 * <p>When {@link #secret()} is true, the statistical-secrecy rule hid the cell: {@link #valeur()} and
 * {@link #numerateur()} are empty. A cell counted from local data (bins, sensors) also drops its
 * {@link #mesures()}; a crossing of published INSEE figures keeps its non-secret components there,
 * since INSEE published them. {@link #denominateur()}, a published INSEE figure, is always kept.
 *
 * @param indicateur indicator id, e.g. {@code taux-presentation-bacs}
 * @param codeZone zone code (string)
 * @param niveau zone level ({@link Zone#COMMUNE}...)
 * @param nomZone zone name, in French
 * @param debut window start (inclusive)
 * @param fin window end (exclusive)
 * @param valeur the indicator value, in {@link #unite()}, or {@code null} when secret
 * @param unite unit, in French, e.g. "%"
 * @param numerateur the counted part, or {@code null} when secret
 * @param denominateur the reference population (e.g. INSEE households)
 * @param sourceNumerateur where the numerator comes from
 * @param sourceDenominateur where the denominator comes from
 * @param mesures further figures of the cell by name (e.g. {@code levees}), empty when secret
 * @param contributeurs how many distinct contributors (bins, sensors...) the cell describes, or
 *     {@code null} when secret
 * @param secret whether the privacy rule hides the cell
 * @param simule whether any input of the cell is simulated
 * @param sourcesMesures the source of each figure of {@link #mesures()} (or of a component of a
 *     composite indicator), by the same name; empty when the numerator's source says it all
 */
public record Indicateur(
        @Requis String indicateur,
        @Requis String codeZone,
        String niveau,
        String nomZone,
        @Requis Instant debut,
        @Requis Instant fin,
        Double valeur,
        String unite,
        Double numerateur,
        Double denominateur,
        Source sourceNumerateur,
        Source sourceDenominateur,
        Map<String, Double> mesures,
        Long contributeurs,
        boolean secret,
        boolean simule,
        Map<String, Source> sourcesMesures) {

    public Indicateur {
        Objects.requireNonNull(indicateur, "indicateur");
        Objects.requireNonNull(codeZone, "codeZone");
        Objects.requireNonNull(debut, "debut");
        Objects.requireNonNull(fin, "fin");
        mesures = mesures == null ? Map.of() : Map.copyOf(mesures);
        sourcesMesures = sourcesMesures == null ? Map.of() : Map.copyOf(sourcesMesures);
    }

    /** A cell whose measures need no source of their own. */
    public Indicateur(String indicateur, String codeZone, String niveau, String nomZone, Instant debut, Instant fin,
            Double valeur, String unite, Double numerateur, Double denominateur, Source sourceNumerateur,
            Source sourceDenominateur, Map<String, Double> mesures, Long contributeurs, boolean secret, boolean simule) {
        this(indicateur, codeZone, niveau, nomZone, debut, fin, valeur, unite, numerateur, denominateur,
                sourceNumerateur, sourceDenominateur, mesures, contributeurs, secret, simule, Map.of());
    }

    /** Every distinct source of the cell: numerator, denominator, then the measures' by name. */
    public List<Source> sources() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(sourceNumerateur, sourceDenominateur),
                        new java.util.TreeMap<>(sourcesMesures).values().stream())
                .filter(Objects::nonNull).distinct().toList();
    }
}
