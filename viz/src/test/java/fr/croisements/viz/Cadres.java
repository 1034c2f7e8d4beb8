package fr.croisements.viz;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Where the communes of a map are on screen, for the browser tests of the fitting (cadrage.js): each
 * commune's centroid (JTS, from the pack's contour) placed in the page through the box of its drawn
 * path (Web Mercator inside that box), then checked against the map's own box and the boxes of the
 * panels over the map (every visible Leaflet control: legend, point layers, zoom, attributions).
 */
final class Cadres {

    private Cadres() {}

    /**
     * What is wrong with the map in {@code conteneur}: one line per commune of the pack not drawn,
     * whose centroid falls outside the map or under a panel; empty when every centroid is visible.
     */
    @SuppressWarnings("unchecked")
    static List<String> centroidesCaches(JavascriptExecutor navigateur, Territoire pack, WebElement conteneur) {
        Map<String, Object> mesures = (Map<String, Object>) navigateur.executeScript("""
                const conteneur = arguments[0];
                const boite = (e) => { const r = e.getBoundingClientRect();
                  return { gauche: r.left, haut: r.top, droite: r.right, bas: r.bottom }; };
                const chemins = {};
                conteneur.querySelectorAll('path[data-code]').forEach((p) => { chemins[p.getAttribute('data-code')] = boite(p); });
                const panneaux = [...conteneur.querySelectorAll('.leaflet-control-container .leaflet-control')]
                  .filter((c) => c.getBoundingClientRect().width > 1 && getComputedStyle(c).visibility !== 'hidden')
                  .map((c) => ({ nom: c.className, ...boite(c) }));
                return { carte: boite(conteneur), chemins, panneaux };""", conteneur);
        Map<String, Object> carte = (Map<String, Object>) mesures.get("carte");
        Map<String, Map<String, Object>> chemins = (Map<String, Map<String, Object>>) mesures.get("chemins");
        List<Map<String, Object>> panneaux = (List<Map<String, Object>>) mesures.get("panneaux");
        List<String> problemes = new ArrayList<>();
        for (Commune c : pack.communes()) {
            Map<String, Object> chemin = chemins.get(c.codeInsee());
            if (chemin == null) {
                problemes.add(c.nom() + " : pas dessinée");
                continue;
            }
            double[] centre = surLaPage(c, chemin);
            if (!dedans(centre, carte)) {
                problemes.add(c.nom() + " : centre hors de la carte (" + (int) centre[0] + ", " + (int) centre[1] + ")");
            }
            for (Map<String, Object> panneau : panneaux) {
                if (dedans(centre, panneau)) {
                    problemes.add(c.nom() + " : centre sous « " + panneau.get("nom") + " »");
                }
            }
        }
        return problemes;
    }

    /** The commune's centroid in page pixels, from the box of its path. */
    private static double[] surLaPage(Commune c, Map<String, Object> chemin) {
        Envelope e = c.contour().getEnvelopeInternal();
        Point centroide = c.contour().getCentroid();
        double x = n(chemin, "gauche") + (centroide.getX() - e.getMinX()) / (e.getMaxX() - e.getMinX())
                * (n(chemin, "droite") - n(chemin, "gauche"));
        double y = n(chemin, "haut") + (mercator(e.getMaxY()) - mercator(centroide.getY()))
                / (mercator(e.getMaxY()) - mercator(e.getMinY())) * (n(chemin, "bas") - n(chemin, "haut"));
        return new double[] {x, y};
    }

    private static double mercator(double latitude) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2));
    }

    private static boolean dedans(double[] point, Map<String, Object> boite) {
        return point[0] >= n(boite, "gauche") && point[0] <= n(boite, "droite")
                && point[1] >= n(boite, "haut") && point[1] <= n(boite, "bas");
    }

    private static double n(Map<String, Object> boite, String cle) {
        return ((Number) boite.get(cle)).doubleValue();
    }
}
