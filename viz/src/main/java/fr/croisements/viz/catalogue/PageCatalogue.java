package fr.croisements.viz.catalogue;

import fr.croisements.datasets.catalogue.CatalogueDonnees;
import fr.croisements.datasets.catalogue.CatalogueTexte;
import fr.croisements.datasets.catalogue.Distribution;
import fr.croisements.datasets.catalogue.Genre;
import fr.croisements.datasets.catalogue.JeuDeDonnees;
import fr.croisements.datasets.catalogue.ServiceDonnees;
import java.util.List;

/**
 * The data catalogue as one HTML page in plain French, for an elected official: one card per
 * dataset (title, real or simulated, producer, millésime, licence, coverage, period, update
 * frequency, content, provenance, formats and links), grouped by kind, then the live services.
 * Each card's {@code id} is the fragment of its dataset's IRI, so {@code /catalogue#indicateur-…}
 * opens on it. Every text is HTML-escaped. Pure.
 */
final class PageCatalogue {

    private PageCatalogue() {}

    static String html(CatalogueDonnees c) {
        var h = new StringBuilder(16_384);
        h.append("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(c.titre())).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/css/app.css\">\n")
                .append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"/catalogue.jsonld\" title=\"DCAT-AP\">\n")
                .append("</head>\n<body class=\"page-catalogue\">\n<header class=\"entete\">\n<h1>")
                .append(e(c.titre())).append("</h1>\n<p class=\"etat\">").append(e(c.description())).append("</p>\n")
                .append("<nav class=\"liens\" aria-label=\"Autres vues\"><a href=\"/\">Les territoires et leurs cartes</a>")
                .append("<a href=\"/catalogue.jsonld\">Version DCAT-AP (JSON-LD)</a>")
                .append("<a href=\"/catalogue/data-gouv.json\">Champs pour data.gouv.fr</a>")
                .append("<a href=\"/api.html\">L'API HTTP (OpenAPI)</a>")
                .append("<a href=\"/asyncapi.json\">Les flux Kafka (AsyncAPI)</a></nav>\n</header>\n")
                .append("<main class=\"catalogue\">\n");
        resume(h, c);
        for (Genre genre : Genre.values()) {
            List<JeuDeDonnees> jeux = c.jeux(genre);
            if (!jeux.isEmpty()) {
                h.append("<section aria-labelledby=\"genre-").append(genre.name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">\n<h2 id=\"genre-").append(genre.name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                        .append(e(CatalogueTexte.titreGenre(genre))).append("</h2>\n<div class=\"cartes-jeux\">\n");
                jeux.forEach(j -> carte(h, j));
                h.append("</div>\n</section>\n");
            }
        }
        services(h, c.services());
        h.append("</main>\n<footer class=\"pied\"><p>Catalogue produit le ").append(e(c.date().toString()))
                .append(" par ").append(e(c.editeur())).append(". Les données réelles viennent des fichiers officiels ")
                .append("cités ; les données simulées sont produites par le simulateur de la démonstration et ne ")
                .append("décrivent aucune réalité observée.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void resume(StringBuilder h, CatalogueDonnees c) {
        long simules = c.jeux().stream().filter(JeuDeDonnees::simule).count();
        h.append("<p class=\"resume\">").append(c.jeux().size()).append(" jeux de données : ")
                .append(c.jeux(Genre.REFERENCE).size()).append(" de référence, ")
                .append(c.jeux(Genre.FLUX).size()).append(" flux en direct, ")
                .append(c.jeux(Genre.INDICATEUR).size()).append(" indicateurs. ")
                .append(c.jeux().size() - simules).append(" contiennent des <span class=\"badge reel\">")
                .append(CatalogueDonnees.REELLES).append("</span>, ").append(simules)
                .append(" des <span class=\"badge simule\">").append(CatalogueDonnees.SIMULEES).append("</span>.</p>\n");
    }

    private static void carte(StringBuilder h, JeuDeDonnees j) {
        String ancre = j.id().substring(j.id().indexOf('#') + 1);
        h.append("<article class=\"carte-jeu\" id=\"").append(e(ancre)).append("\" data-simule=\"").append(j.simule())
                .append("\">\n<h3>").append(e(j.titre())).append("</h3>\n")
                .append("<p><span class=\"badge ").append(j.simule() ? "simule" : "reel").append("\">")
                .append(e(j.nature())).append("</span> <span class=\"genre\">").append(e(j.genre().libelle()))
                .append("</span></p>\n<p class=\"description\">").append(e(j.description())).append("</p>\n<dl>\n");
        ligne(h, "Producteur", e(j.producteur()));
        ligne(h, "Millésime", e(j.millesime() == null ? "en continu" : j.millesime()));
        ligne(h, "Licence", j.licence().uri() == null ? e(j.licence().libelle())
                : "<a href=\"" + e(j.licence().uri()) + "\">" + e(j.licence().libelle()) + "</a>");
        ligne(h, "Couverture", e(CatalogueTexte.couverture(j.couverture())));
        ligne(h, "Période", e(j.periode() == null ? "non précisée" : CatalogueTexte.periode(j.periode())));
        ligne(h, "Mise à jour", e(j.frequence().libelle()));
        if (!j.variables().isEmpty()) {
            ligne(h, "Contenu", e(String.join(", ", j.variables())));
        }
        ligne(h, "Provenance", e(j.provenance()));
        h.append("</dl>\n<h4>Formats et liens</h4>\n<ul class=\"distributions\">\n");
        for (Distribution d : j.distributions()) {
            h.append("<li><span class=\"format\">").append(e(d.format().libelle())).append("</span> ");
            if (d.adresse().startsWith("http")) {
                h.append("<a href=\"").append(e(d.adresse())).append("\"")
                        .append(d.telechargeable() ? " download" : "").append(">").append(e(d.titre())).append("</a>");
            } else {
                h.append(e(d.titre())).append(" : <code>").append(e(d.adresse())).append("</code>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n</article>\n");
    }

    private static void services(StringBuilder h, List<ServiceDonnees> services) {
        h.append("<section aria-labelledby=\"services\">\n<h2 id=\"services\">Services en direct</h2>\n")
                .append("<p>Pour les équipes techniques : où lire les flux au fil de l'eau. Chaque topic Kafka, sa clé, ")
                .append("le schéma JSON de ses valeurs, un exemple et sa rétention sont décrits dans ")
                .append("<a href=\"").append(ServiceDonnees.ASYNCAPI).append("\">le document AsyncAPI des flux</a> ; ")
                .append("chaque adresse du serveur dans <a href=\"").append(ServiceDonnees.OPENAPI)
                .append("\">le document OpenAPI de l'API HTTP</a>, lisible sur <a href=\"").append(ServiceDonnees.PAGE_API)
                .append("\">la page de l'API</a>.</p>\n<ul class=\"services\">\n");
        for (ServiceDonnees s : services) {
            h.append("<li><strong>").append(e(s.titre())).append("</strong> <span class=\"badge ")
                    .append(s.simule() ? "simule" : "reel").append("\">")
                    .append(s.simule() ? CatalogueDonnees.SIMULEES : CatalogueDonnees.REELLES).append("</span><br>")
                    .append(e(s.description())).append("<br><code>").append(e(s.adresse())).append("</code>");
            if (s.documentation() != null) {
                h.append(" — <a href=\"").append(e(s.documentation())).append("\">").append(s.documentation()
                        .endsWith(ServiceDonnees.ASYNCAPI) ? "sa description AsyncAPI" : "sa description OpenAPI").append("</a>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    private static void ligne(StringBuilder h, String terme, String htmlValeur) {
        h.append("<dt>").append(e(terme)).append("</dt><dd>").append(htmlValeur).append("</dd>\n");
    }

    /** HTML-escapes a text for an element or a quoted attribute. */
    static String e(String texte) {
        if (texte == null) {
            return "";
        }
        var sb = new StringBuilder(texte.length() + 16);
        for (char ch : texte.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
