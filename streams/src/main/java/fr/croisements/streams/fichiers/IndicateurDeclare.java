package fr.croisements.streams.fichiers;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.DefinitionIndicateur.Libelles;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import fr.croisements.streams.fichiers.FichierIndicateur.Filtre;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A checked indicator file, ready to run: its {@link DefinitionIndicateur} (what the map, the
 * exports and the catalogue show) and its plan, the steps every record goes through: read its
 * fields, filter, locate, window, aggregate, divide by the INSEE denominator. Immutable.
 */
public final class IndicateurDeclare {

    private final FichierIndicateur fichier;
    private final String nomFichier;
    private final DefinitionIndicateur definition;
    private final FenetreCalendaire fenetre;
    private final ZoneId fuseau;
    private final Duration grace;
    private final String fonction;
    private final String parEntite;

    IndicateurDeclare(FichierIndicateur fichier, String nomFichier) {
        this.fichier = fichier;
        this.nomFichier = nomFichier;
        this.fenetre = FenetreCalendaire.parNom(fichier.fenetre().duree());
        this.fuseau = ZoneId.of(fichier.fenetre().fuseau() == null ? "Europe/Paris" : fichier.fenetre().fuseau());
        this.grace = Duration.parse(fichier.fenetre().grace());
        this.fonction = fichier.agregation().fonction();
        this.parEntite = fichier.agregation().parEntite();
        this.definition = definir();
    }

    public DefinitionIndicateur definition() {
        return definition;
    }

    public FichierIndicateur fichier() {
        return fichier;
    }

    public String nomFichier() {
        return nomFichier;
    }

    public String topicSource() {
        return fichier.source().topic();
    }

    Duration grace() {
        return grace;
    }

    /** Every JSON Pointer of the file, by where it is written in it ({@code /source/cle}...). */
    public Map<String, String> pointeurs() {
        var pointeurs = new LinkedHashMap<String, String>();
        var s = fichier.source();
        put(pointeurs, "/source/cle", s.cle());
        put(pointeurs, "/source/instant", s.instant());
        put(pointeurs, "/source/simule", s.simule());
        if (fichier.filtre() != null) {
            for (int i = 0; i < fichier.filtre().size(); i++) {
                put(pointeurs, "/filtre/" + i + "/champ", fichier.filtre().get(i).champ());
            }
        }
        var l = fichier.localisation();
        put(pointeurs, "/localisation/longitude", l.longitude());
        put(pointeurs, "/localisation/latitude", l.latitude());
        put(pointeurs, "/localisation/zone", l.zone());
        put(pointeurs, "/agregation/champ", fichier.agregation().champ());
        return pointeurs;
    }

    private static void put(Map<String, String> pointeurs, String ou, String pointeur) {
        if (pointeur != null) {
            pointeurs.put(ou, pointeur);
        }
    }

    private DefinitionIndicateur definir() {
        var mots = fichier.libelles();
        var denominateur = fichier.denominateur();
        int seuil = fichier.secret() == null || fichier.secret().seuil() == null ? Indicateurs.SEUIL_SECRET
                : fichier.secret().seuil();
        String sujet = mots != null && mots.sujet() != null ? mots.sujet()
                : fichier.libelle().substring(0, 1).toLowerCase(Locale.ROOT) + fichier.libelle().substring(1);
        var libelles = new Libelles(sujet,
                mots != null && mots.numerateur() != null ? mots.numerateur() : "valeur agrégée",
                denominateur == null ? null : mots != null && mots.denominateur() != null ? mots.denominateur()
                        : denominateur.variable() + " (Insee)",
                mots != null && mots.sansDonnee() != null ? mots.sansDonnee() : "pas encore de donnée",
                mots != null && mots.secret() != null ? mots.secret()
                        : "Secret statistique : moins de " + seuil + " contributeurs, la valeur n'est pas publiée.");
        var entrees = new ArrayList<String>();
        entrees.add(fichier.source().topic());
        if (denominateur != null) {
            entrees.add(Topics.REF_INSEE_COMMUNES.name());
        }
        return new DefinitionIndicateur(fichier.id(), fichier.libelle(), fichier.unite(), fichier.question(),
                fichier.methode(), fichier.limites(), niveau(), fenetre.dureeNominale(), seuil, libelles,
                Map.of("enregistrements", "enregistrements comptés"), entrees,
                fichier.classes() == null ? List.of() : fichier.classes().bornes(),
                fichier.secret() == null ? null : fichier.secret().dominance(), nomFichier,
                denominateur == null ? List.of() : List.of(denominateur.variable()), false, conservation());
    }

    /** The declared retention, or that of the built-in indicators of the same window: hours 35 days, else 400. */
    private Duration conservation() {
        if (fichier.conservation() != null) {
            return Duration.parse(fichier.conservation().trim());
        }
        return "heure".equals(fichier.fenetre().duree()) ? Indicateurs.CONSERVATION_HORAIRE
                : Indicateurs.CONSERVATION_CALENDAIRE;
    }

    String niveau() {
        return fichier.localisation().niveau() == null ? Zone.COMMUNE : fichier.localisation().niveau();
    }

    // ---- one record ----

    /** Why a record cannot be counted, in French. */
    static final class Refus extends Exception {
        Refus(String raison) {
            super(raison, null, false, false);
        }
    }

    /** Whether the record meets every condition of {@code filtre}. */
    boolean retenu(JsonNode enregistrement) {
        if (fichier.filtre() == null) {
            return true;
        }
        for (Filtre f : fichier.filtre()) {
            JsonNode v = enregistrement.at(f.champ());
            boolean present = !v.isMissingNode() && !v.isNull();
            if (f.present() != null && f.present() != present) {
                return false;
            }
            if (f.egal() != null && !(present && (v.equals(f.egal()) || v.asText().equals(f.egal().asText())))) {
                return false;
            }
            if ((f.min() != null || f.max() != null) && !(present && v.isNumber()
                    && (f.min() == null || v.asDouble() >= f.min()) && (f.max() == null || v.asDouble() <= f.max()))) {
                return false;
            }
        }
        return true;
    }

    /** The event time of the record: its {@code instant} field, or the record's timestamp. */
    Instant instant(JsonNode enregistrement, long timestamp) throws Refus {
        String pointeur = fichier.source().instant();
        if (pointeur == null) {
            return Instant.ofEpochMilli(timestamp);
        }
        JsonNode v = enregistrement.at(pointeur);
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return OffsetDateTime.parse(v.asText()).toInstant();
            } catch (RuntimeException e) {
                throw new Refus("instant « " + v.asText() + " » illisible au champ " + pointeur
                        + " (attendu : ISO 8601, ex. 2025-06-30T08:15:00Z)");
            }
        }
        throw new Refus("instant manquant au champ " + pointeur);
    }

    /** The contributor's id: its {@code cle} field, or the record's key. */
    String entite(JsonNode enregistrement, String cleKafka) throws Refus {
        String pointeur = fichier.source().cle();
        if (pointeur == null) {
            if (cleKafka == null) {
                throw new Refus("enregistrement sans clé : son contributeur est inconnu (donnez « source.cle »)");
            }
            return cleKafka;
        }
        JsonNode v = enregistrement.at(pointeur);
        if (v.isMissingNode() || v.isNull() || v.asText().isEmpty()) {
            throw new Refus("contributeur manquant au champ " + pointeur);
        }
        return v.asText();
    }

    /** The number aggregated, or {@code null} when the indicator counts records. */
    Double valeur(JsonNode enregistrement) throws Refus {
        String pointeur = fichier.agregation().champ();
        if (pointeur == null) {
            return null;
        }
        JsonNode v = enregistrement.at(pointeur);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new Refus("valeur « " + v.asText() + " » au champ " + pointeur + " : ce n'est pas un nombre");
            }
        }
        throw new Refus("valeur manquante au champ " + pointeur);
    }

    boolean simule(JsonNode enregistrement) {
        String pointeur = fichier.source().simule();
        return pointeur != null && enregistrement.at(pointeur).asBoolean(false);
    }

    /** The point to locate, {@code [longitude, latitude]}, or {@code null} when the file gives a zone field. */
    double[] point(JsonNode enregistrement) throws Refus {
        var l = fichier.localisation();
        if (l.longitude() == null) {
            return null;
        }
        JsonNode lon = enregistrement.at(l.longitude());
        JsonNode lat = enregistrement.at(l.latitude());
        if (!lon.isNumber() || !lat.isNumber()) {
            throw new Refus("position manquante ou illisible (champs " + l.longitude() + " et " + l.latitude()
                    + ") : sa zone est inconnue");
        }
        return new double[] {lon.asDouble(), lat.asDouble()};
    }

    /** The zone code the record carries ({@code localisation.zone}). */
    String zone(JsonNode enregistrement) throws Refus {
        JsonNode v = enregistrement.at(fichier.localisation().zone());
        String code = v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
        boolean commune = niveau().equals(Zone.COMMUNE);
        if (commune ? !Zone.estCodeCommune(code) : !(code.length() == 9 && Zone.estCodeCommune(code.substring(0, 5)))) {
            throw new Refus("code de zone « " + code + " » invalide au champ " + fichier.localisation().zone()
                    + (commune ? " (un code commune a 5 caractères, ex. 54431 ou 2A004)" : " (un code IRIS a 9 caractères)"));
        }
        return code;
    }

    Instant debutFenetre(Instant instant) {
        return fenetre.debut(instant, fuseau);
    }

    Instant finFenetre(Instant debut) {
        return fenetre.fin(debut, fuseau);
    }

    // ---- one cell ----

    /** Whether the aggregate keeps every value (a percentile over the records). */
    boolean garderValeurs() {
        return fonction.equals("centile") && parEntite == null;
    }

    /** The contributor's own figure ({@code par-entite}) from what it brought, or {@code null} without {@code par-entite}. */
    Double figureEntite(Agregat.Contribution c) {
        if (parEntite == null || c == null || c.n() == 0) {
            return null;
        }
        return switch (parEntite) {
            case "compte" -> (double) c.n();
            case "somme" -> c.somme();
            case "moyenne" -> c.somme() / c.n();
            case "min" -> c.min();
            default -> c.max();
        };
    }

    /** The contributor's counted quantity, for the dominance rule: its summed values, or its records. */
    double part(Agregat.Contribution c) {
        if (c == null) {
            return 0;
        }
        return fichier.agregation().champ() != null ? Math.max(0, c.somme()) : c.n();
    }

    /** The aggregated figure of the cell, before any denominator; {@code null} when it has none. */
    Double agreger(Agregat a) {
        if (a.enregistrements() == 0) {
            return null;
        }
        if (parEntite != null) {
            return switch (fonction) {
                case "compte", "compte-distinct" -> (double) a.entites();
                case "somme" -> a.sommeEntites();
                default -> a.entites() == 0 ? null : a.sommeEntites() / a.entites();
            };
        }
        return switch (fonction) {
            case "compte" -> (double) a.enregistrements();
            case "compte-distinct" -> (double) a.entites();
            case "somme" -> a.somme();
            case "moyenne" -> a.somme() / a.enregistrements();
            case "min" -> a.min();
            case "max" -> a.max();
            default -> centile(a.valeurs().stream().sorted().toList());
        };
    }

    /** The nearest-rank percentile of sorted values. */
    private Double centile(List<Double> tries) {
        if (tries.isEmpty()) {
            return null;
        }
        int rang = (int) Math.ceil(fichier.agregation().centile() / 100.0 * tries.size());
        return tries.get(Math.max(0, Math.min(tries.size() - 1, rang - 1)));
    }

    /** The share of the cell that its largest contributor makes, or {@code null} when nothing was counted. */
    Double partDominante(Agregat a) {
        return a.totalParts() <= 0 ? null : a.plusGrandePart() / a.totalParts();
    }

    /** {@code numerateur × multiplicateur ÷ denominateur}, rounded half up to the file's decimals. */
    Double ratio(double numerateur, Double denominateur) {
        BigDecimal n = BigDecimal.valueOf(numerateur);
        if (denominateur != null) {
            double multiplicateur = fichier.denominateur().multiplicateur() == null ? 1 : fichier.denominateur().multiplicateur();
            n = n.multiply(BigDecimal.valueOf(multiplicateur)).divide(BigDecimal.valueOf(denominateur), MathContext.DECIMAL64);
        }
        return n.setScale(decimales(), RoundingMode.HALF_UP).doubleValue();
    }

    int decimales() {
        return fichier.decimales() == null ? 1 : fichier.decimales();
    }

    /** The variable of the INSEE denominator, or {@code null}. */
    String variableDenominateur() {
        return fichier.denominateur() == null ? null : fichier.denominateur().variable();
    }

    /** The source of the aggregated figures, as shown beside them. */
    Source sourceNumerateur(boolean simule) {
        var s = fichier.source();
        String titre = s.titre() != null ? s.titre() : "Topic Kafka « " + s.topic() + " »";
        return new Source(simule ? titre + " (données simulées)" : titre,
                s.producteur() != null ? s.producteur() : simule ? "Croisements (simulateur)" : "Source du topic",
                s.millesime() != null ? s.millesime() : "en continu",
                s.licence() != null ? s.licence() : "selon la source", simule);
    }
}
