package fr.croisements.events;

import fr.croisements.events.contrats.Requis;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A row of INSEE reference figures for one zone, as published on a compacted reference topic
 * keyed by {@link #codeZone()}.
 *
 * @param codeZone zone code as a string (commune: 5-character COG code, IRIS: 9 characters)
 * @param niveau zone level, {@link Zone#COMMUNE} or {@link Zone#IRIS}
 * @param nom zone name, in French
 * @param valeurs figures by variable name, e.g. {@code menages}, {@code population}; a figure
 *     under statistical secrecy is absent, never 0
 * @param sources the source of each figure, by the same variable name
 * @param secrets the variables that INSEE does not publish for this zone (statistical secrecy):
 *     absent from {@code valeurs}, and to be shown as "secret statistique", not as missing
 * @param cog the vintage of the Code officiel géographique of {@code codeZone} (communes merge and
 *     split: a code is only meaningful with its COG year), or {@code null} when unknown
 */
public record IndicateurInsee(
        @Requis String codeZone, String niveau, String nom, @Requis Map<String, Double> valeurs,
        @Requis Map<String, Source> sources,
        Set<String> secrets, String cog) {

    public IndicateurInsee {
        Objects.requireNonNull(codeZone, "codeZone");
        valeurs = Map.copyOf(valeurs);
        sources = Map.copyOf(sources);
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
    }

    /** A row without secret figures and without COG year. */
    public IndicateurInsee(String codeZone, String niveau, String nom, Map<String, Double> valeurs,
            Map<String, Source> sources) {
        this(codeZone, niveau, nom, valeurs, sources, Set.of(), null);
    }

    /** A row without COG year. */
    public IndicateurInsee(String codeZone, String niveau, String nom, Map<String, Double> valeurs,
            Map<String, Source> sources, Set<String> secrets) {
        this(codeZone, niveau, nom, valeurs, sources, secrets, null);
    }

    /** Whether INSEE keeps {@code variable} secret for this zone. */
    public boolean estSecret(String variable) {
        return secrets.contains(variable);
    }

    /** The figure named {@code variable}, or {@code null} when absent or secret. */
    public Double valeur(String variable) {
        return valeurs.get(variable);
    }

    public Source source(String variable) {
        return sources.get(variable);
    }
}
