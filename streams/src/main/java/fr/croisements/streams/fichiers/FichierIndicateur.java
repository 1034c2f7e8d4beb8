package fr.croisements.streams.fichiers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An indicator file as a data team writes it (YAML, French keys). Every field is described, with
 * an example, in {@code docs/indicateurs.md}; {@link LecteurIndicateur} reads and checks it.
 *
 * @param id stable id, kebab-case: names the topic {@code indicateurs-<id>} and the store
 * @param libelle short French label
 * @param unite unit as shown, e.g. "kg par habitant"
 * @param question the question answered, in plain French
 * @param methode how it is computed, in plain French
 * @param limites what it does not say, in plain French
 * @param source the topic read and the fields used
 * @param filtre conditions a record must meet to be counted (all of them); none: every record
 * @param localisation how a record finds its zone
 * @param fenetre the calendar windows of the cells
 * @param agregation what is computed over the records of a cell
 * @param denominateur the INSEE figure the result is divided by, or none
 * @param secret the statistical-secrecy rule
 * @param decimales decimals of the value (default 1)
 * @param classes class breaks of the map, or quantiles when absent
 * @param libelles the words written next to the figures
 * @param conservation how long its cells are kept, ISO-8601 ({@code P400D}); absent: 35 days for hours,
 *     400 days otherwise, as the built-in indicators
 */
public record FichierIndicateur(
        String id,
        String libelle,
        String unite,
        String question,
        String methode,
        String limites,
        SourceFichier source,
        List<Filtre> filtre,
        Localisation localisation,
        Fenetre fenetre,
        Agregation agregation,
        Denominateur denominateur,
        Secret secret,
        Integer decimales,
        Classes classes,
        Libelles libelles,
        String conservation) {

    /**
     * @param topic the Kafka topic of JSON records read
     * @param cle JSON Pointer of the contributor's id (a bin, a sensor): distinct counts and the
     *     secrecy rule count these; absent: the record's Kafka key
     * @param instant JSON Pointer of the event time (ISO-8601 text or epoch milliseconds); absent:
     *     the record's timestamp
     * @param simule JSON Pointer of a boolean saying the record is simulated
     * @param titre the dataset, as shown beside the figures
     * @param producteur who produces it
     * @param millesime its vintage, e.g. "en continu" or "2025"
     * @param licence its licence
     */
    public record SourceFichier(String topic, String cle, String instant, String simule, String titre,
            String producteur, String millesime, String licence) {}

    /**
     * One condition on a field: equal to a value, present, or within bounds.
     *
     * @param champ JSON Pointer of the field
     * @param egal the value it must equal (text, number or boolean)
     * @param present whether the field must be present (true) or absent (false)
     * @param min the smallest value allowed, inclusive
     * @param max the largest value allowed, inclusive
     */
    public record Filtre(String champ, JsonNode egal, Boolean present, Double min, Double max) {}

    /**
     * @param longitude JSON Pointer of a WGS84 longitude (with {@code latitude})
     * @param latitude JSON Pointer of a WGS84 latitude
     * @param zone JSON Pointer of a zone code the record already carries (instead of a point)
     * @param niveau the zone level, {@code commune} (default) or {@code iris} (with {@code zone})
     */
    public record Localisation(String longitude, String latitude, String zone, String niveau) {}

    /**
     * @param duree {@code heure}, {@code jour}, {@code semaine} (ISO, from Monday) or {@code mois}
     * @param grace how long after its window a record is still counted, ISO-8601 ({@code PT2H}, {@code P2D})
     * @param fuseau the time zone of the calendar, {@code Europe/Paris} by default
     */
    public record Fenetre(String duree, String grace, String fuseau) {}

    /**
     * @param fonction {@code compte}, {@code compte-distinct}, {@code somme}, {@code moyenne}, {@code min},
     *     {@code max} or {@code centile}
     * @param champ JSON Pointer of the number aggregated (not for the counts)
     * @param centile the percentile, from 1 to 100, for {@code centile}
     * @param parEntite a first aggregation per contributor before {@code fonction} across them
     */
    public record Agregation(String fonction, String champ, Double centile,
            @JsonProperty("par-entite") String parEntite) {}

    /**
     * @param variable an INSEE variable of the reference table (e.g. {@code population}, {@code menages})
     * @param multiplicateur what the ratio is multiplied by, e.g. 1000 for "per 1 000 inhabitants" (default 1)
     */
    public record Denominateur(String variable, Double multiplicateur) {}

    /**
     * @param seuil fewer distinct contributors than this and a cell is secret (default 11)
     * @param dominance a cell where one contributor makes more than this share (0 to 1) of the
     *     counted quantity is secret; absent: no dominance rule
     */
    public record Secret(Integer seuil, Double dominance) {}

    /** @param bornes fixed class breaks, ascending, in the unit; absent: quantiles of the values shown */
    public record Classes(List<Double> bornes) {}

    /**
     * @param sujet what a map of it is about, for titles
     * @param numerateur what the aggregated figure is
     * @param denominateur what the denominator counts
     * @param sansDonnee what a zone without a cell says
     * @param secret the sentence shown on a secret cell
     */
    public record Libelles(String sujet, String numerateur, String denominateur,
            @JsonProperty("sans-donnee") String sansDonnee, String secret) {}
}
