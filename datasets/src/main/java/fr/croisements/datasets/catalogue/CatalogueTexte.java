package fr.croisements.datasets.catalogue;

import fr.croisements.datasets.catalogue.Couverture.TerritoireCouvert;
import fr.croisements.datasets.catalogue.JeuDeDonnees.Periode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A {@link CatalogueDonnees} in plain French text, for a terminal: one block per dataset with its
 * title, real or simulated, producer, millésime, licence, coverage, period, update frequency and
 * links. Also the French wording of periods and coverages, shared with the HTML page. Pure.
 */
public final class CatalogueTexte {

    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private CatalogueTexte() {}

    public static String texte(CatalogueDonnees catalogue) {
        var sb = new StringBuilder();
        sb.append(catalogue.titre()).append('\n');
        sb.append(catalogue.description()).append('\n');
        sb.append(catalogue.jeux().size()).append(" jeux de données, ").append(catalogue.services().size())
                .append(" services en direct. DCAT-AP : ").append(catalogue.id()).append(".jsonld\n");
        for (Genre genre : Genre.values()) {
            var jeux = catalogue.jeux(genre);
            if (jeux.isEmpty()) {
                continue;
            }
            sb.append('\n').append(titreGenre(genre)).append('\n');
            for (JeuDeDonnees j : jeux) {
                sb.append('\n').append("■ ").append(j.titre()).append(" — ").append(j.nature()).append('\n');
                ligne(sb, "Producteur", j.producteur());
                ligne(sb, "Millésime", j.millesime() == null ? "en continu" : j.millesime());
                ligne(sb, "Licence", j.licence().libelle());
                ligne(sb, "Couverture", couverture(j.couverture()));
                ligne(sb, "Période", j.periode() == null ? "non précisée" : periode(j.periode()));
                ligne(sb, "Mise à jour", j.frequence().libelle());
                if (!j.variables().isEmpty()) {
                    ligne(sb, "Contenu", String.join(", ", j.variables()));
                }
                ligne(sb, "Provenance", j.provenance());
                for (Distribution d : j.distributions()) {
                    ligne(sb, d.format().libelle(), d.titre() + " : " + d.adresse());
                }
            }
        }
        sb.append('\n').append("Services en direct").append('\n');
        for (ServiceDonnees s : catalogue.services()) {
            sb.append("  ").append(s.titre()).append(" — ").append(s.adresse()).append(" — ")
                    .append(s.simule() ? CatalogueDonnees.SIMULEES : CatalogueDonnees.REELLES).append('\n');
        }
        return sb.toString();
    }

    /** "Données de référence", "Flux en direct", "Indicateurs". */
    public static String titreGenre(Genre genre) {
        return switch (genre) {
            case REFERENCE -> "Données de référence";
            case FLUX -> "Flux en direct";
            case INDICATEUR -> "Indicateurs";
        };
    }

    /** "année 2021", "de janvier 2021 à décembre 2022", "du 6 janvier 2025 au 3 mars 2025". */
    public static String periode(Periode p) {
        LocalDate debut = p.debut();
        LocalDate fin = p.fin();
        boolean anneesEntieres = debut.getDayOfYear() == 1 && fin.getMonthValue() == 12 && fin.getDayOfMonth() == 31;
        if (anneesEntieres) {
            return debut.getYear() == fin.getYear() ? "année " + debut.getYear()
                    : "de " + MOIS_ANNEE.format(debut) + " à " + MOIS_ANNEE.format(fin);
        }
        return "du " + jour(debut) + " au " + jour(fin);
    }

    /** "28 communes (Communauté d'agglomération de La Rochelle), à la commune". */
    public static String couverture(Couverture c) {
        if (c.estVide()) {
            return "aucune commune des territoires chargés";
        }
        int communes = c.communes().size();
        int iris = c.territoires().stream().mapToInt(t -> t.iris().size()).sum();
        String zones = c.granularite() == Granularite.IRIS
                ? iris + " IRIS dans " + communes + (communes > 1 ? " communes" : " commune")
                : communes + (communes > 1 ? " communes" : " commune");
        return zones + " (" + String.join(", ", c.territoires().stream().map(TerritoireCouvert::nom).toList()) + "), "
                + c.granularite().libelle();
    }

    private static String jour(LocalDate jour) {
        return (jour.getDayOfMonth() == 1 ? "1er" : Integer.toString(jour.getDayOfMonth())) + " "
                + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).format(jour);
    }

    private static void ligne(StringBuilder sb, String nom, String valeur) {
        sb.append("  ").append(nom).append(" : ").append(valeur).append('\n');
    }
}
