package fr.croisements.streams.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Source;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where an indicator's cells are made, and where its secrecy rule is applied.
 *
 * <p>A crossing says what it counted (value, numerator, denominator, measures, their sources,
 * distinct contributors, the share of the largest one); {@link Cellule#construire()} hides what the
 * rule of the {@link DefinitionIndicateur} says must be hidden:
 * <ul>
 *   <li>counted from local data and describing fewer contributors than {@code seuilSecret}, or
 *       dominated by one beyond {@code dominance}: no value, numerator, measures or contributor
 *       count; the denominator (a published figure) stays;
 *   <li>crossing a figure its publisher keeps secret ({@link Cellule#secretDUneSource()}, INSEE's
 *       {@code s}/{@code nd}): no value, the published components stay, since they are published.
 * </ul>
 * Thread-safe (immutable); a {@link Cellule} is a builder for one cell, used by one thread.
 */
public final class FabriqueCellules {

    private final DefinitionIndicateur definition;

    public FabriqueCellules(DefinitionIndicateur definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    public DefinitionIndicateur definition() {
        return definition;
    }

    /** A new cell of zone {@code codeZone} ({@code niveau}: commune, IRIS, car park) over [debut, fin[. */
    public Cellule cellule(String codeZone, String niveau, String nomZone, Instant debut, Instant fin) {
        return new Cellule(codeZone, niveau, nomZone, debut, fin);
    }

    /** Rounds to one decimal, the precision every figure of the map is shown with. */
    public static double arrondi(double valeur) {
        return Math.round(valeur * 10.0) / 10.0;
    }

    /** One cell being made. */
    public final class Cellule {
        private final String codeZone;
        private final String niveau;
        private final String nomZone;
        private final Instant debut;
        private final Instant fin;
        private Double valeur;
        private Double numerateur;
        private Double denominateur;
        private Source sourceNumerateur;
        private Source sourceDenominateur;
        private final Map<String, Double> mesures = new LinkedHashMap<>();
        private final Map<String, Source> sourcesMesures = new LinkedHashMap<>();
        private Long contributeurs;
        private Double partDominante;
        private boolean secretDUneSource;
        private boolean simule;

        private Cellule(String codeZone, String niveau, String nomZone, Instant debut, Instant fin) {
            this.codeZone = codeZone;
            this.niveau = niveau;
            this.nomZone = nomZone;
            this.debut = debut;
            this.fin = fin;
        }

        public Cellule valeur(Double valeur) {
            this.valeur = valeur;
            return this;
        }

        public Cellule numerateur(Double numerateur, Source source) {
            this.numerateur = numerateur;
            this.sourceNumerateur = source;
            return this;
        }

        public Cellule denominateur(Double denominateur, Source source) {
            this.denominateur = denominateur;
            this.sourceDenominateur = source;
            return this;
        }

        /** A further figure of the cell; {@code null} values are left out. */
        public Cellule mesure(String nom, Double valeur) {
            if (valeur != null) {
                mesures.put(nom, valeur);
            }
            return this;
        }

        public Cellule mesures(Map<String, Double> figures) {
            figures.forEach(this::mesure);
            return this;
        }

        /** The source of a measure (or of a component of a composite indicator), by the same name. */
        public Cellule sourceMesure(String nom, Source source) {
            if (source != null) {
                sourcesMesures.put(nom, source);
            }
            return this;
        }

        /** How many distinct contributors (bins, sensors, car parks...) the cell describes. */
        public Cellule contributeurs(long contributeurs) {
            this.contributeurs = contributeurs;
            return this;
        }

        /** The share (0 to 1) of the counted quantity that its largest contributor makes. */
        public Cellule partDominante(Double part) {
            this.partDominante = part;
            return this;
        }

        /** One crossed figure is kept secret by its publisher: the cell's value cannot be given. */
        public Cellule secretDUneSource() {
            this.secretDUneSource = true;
            return this;
        }

        public Cellule simule(boolean simule) {
            this.simule = simule;
            return this;
        }

        /** Whether the definition's rule hides the counted figures of this cell. */
        public boolean secretParLaRegle() {
            return contributeurs != null && definition.estSecret(contributeurs, partDominante);
        }

        public Indicateur construire() {
            if (secretParLaRegle()) {
                return new Indicateur(definition.id(), codeZone, niveau, nomZone, debut, fin, null, definition.unite(),
                        null, denominateur, sourceNumerateur, sourceDenominateur, Map.of(), null, true, simule, Map.of());
            }
            return new Indicateur(definition.id(), codeZone, niveau, nomZone, debut, fin,
                    secretDUneSource ? null : valeur, definition.unite(), numerateur, denominateur, sourceNumerateur,
                    sourceDenominateur, mesures, contributeurs, secretDUneSource, simule, sourcesMesures);
        }
    }
}
