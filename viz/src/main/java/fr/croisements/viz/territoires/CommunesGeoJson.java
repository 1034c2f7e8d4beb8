package fr.croisements.viz.territoires;

import com.fasterxml.jackson.databind.util.RawValue;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.viz.indicateurs.Definitions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The communes of a territory as a GeoJSON (RFC 7946) FeatureCollection, each with one cell of one
 * indicator (its latest, or that of the window shown: {@link Fenetres}) in French properties:
 *
 * <pre>
 * code, nom, menages, population           the commune and its INSEE figures
 * indicateur, unite                        which indicator
 * valeur, numerateur, denominateur, levees the cell's figures (valeur, numerateur, levees: null when secret)
 * debut, fin, semaine                      the window, ISO-8601 and as a French label
 * sourceNumerateur, sourceDenominateur     source labels ("Insee, … (2021)")
 * secret, simule                           the flags of the cell (false without a cell)
 * etat                                     "valeur disponible", "secret statistique" or e.g. "pas encore de levée"
 * mention                                  "données simulées" when the cell is simulated, else null
 * composantes                              for a composite indicator, its components in order:
 *                                          [{code, libelle, valeur, unite, source, secret}], valeur null when
 *                                          secret; for a ratio detailed by measures, those (unite null:
 *                                          the label says it); [] otherwise
 * sources                                  every source label of the cell ([] without a cell)
 * sourcesDetaillees                        the same sources with their licence and whether simulated
 * </pre>
 *
 * The IRIS of a territory that have a contour ({@link #carteIris}) are written the same way, {@code nom} being
 * the IRIS name, {@code population} its census population and {@code menages} null, with four more keys:
 * {@code niveau} ("iris"), {@code commune} and {@code nomCommune} (its commune), {@code sourceContours} (the
 * IRIS contours' label with their vintage, e.g. "IGN – Insee, Contours…IRIS (… 2016)").
 *
 * Every key is always present, null when unknown. Contours are written once, at construction, as
 * GeoJSON text that each answer copies as it is (the contours do not change, and writing thousands of
 * coordinates at every answer cost more than everything else); thread-safe afterwards.
 */
final class CommunesGeoJson {

    static final String SECRET = "secret statistique";
    static final String DISPONIBLE = "valeur disponible";
    static final String SIMULEES = "données simulées";

    record FeatureCollection(String type, List<Feature> features) {}

    /** {@code geometry} is GeoJSON text written as it is, or null. */
    record Feature(String type, String id, RawValue geometry, Map<String, Object> properties) {}

    /** Geometries by territory id, then by commune code. */
    private final Map<String, Map<String, RawValue>> contours = new HashMap<>();
    /** Geometries by territory id, then by IRIS code. */
    private final Map<String, Map<String, RawValue>> contoursIris = new HashMap<>();

    CommunesGeoJson(List<Territoire> territoires) {
        var writer = new GeoJsonWriter();
        writer.setEncodeCRS(false); // RFC 7946: WGS84 only, no "crs" member
        writer.setForceCCW(true); // RFC 7946: exterior rings counterclockwise
        for (Territoire t : territoires) {
            var parCode = new HashMap<String, RawValue>();
            t.communes().forEach(c -> parCode.put(c.codeInsee(), geometrie(writer, c.contour())));
            contours.put(t.id(), parCode);
            var parIris = new HashMap<String, RawValue>();
            t.irisAvecContour().forEach(i -> parIris.put(i.codeIris(), geometrie(writer, i.contour())));
            contoursIris.put(t.id(), parIris);
        }
    }

    /** The IRIS of the territory that have a contour, each with its cell of the indicator (by IRIS code). */
    FeatureCollection carteIris(Territoire territoire, DefinitionIndicateur indicateur, Map<String, Indicateur> cellules) {
        Map<String, RawValue> geometries = contoursIris.getOrDefault(territoire.id(), Map.of());
        String sourceContours = territoire.sourceContoursIris() == null ? null : territoire.sourceContoursIris().libelle();
        List<Feature> features = territoire.irisAvecContour().stream()
                .map(i -> {
                    var p = proprietes(i.codeIris(), i.nom() != null ? i.nom() : "IRIS " + i.codeIris(), null,
                            i.chiffre(Iris.POPULATION), indicateur, cellules.get(i.codeIris()));
                    p.put("niveau", Zone.IRIS);
                    p.put("commune", i.codeInsee());
                    p.put("nomCommune", territoire.commune(i.codeInsee()).map(Commune::nom).orElse(null));
                    p.put("sourceContours", sourceContours);
                    return new Feature("Feature", i.codeIris(), geometries.get(i.codeIris()), p);
                })
                .toList();
        return new FeatureCollection("FeatureCollection", features);
    }

    FeatureCollection carte(Territoire territoire, DefinitionIndicateur indicateur, Map<String, Indicateur> dernieres) {
        Map<String, RawValue> geometries = contours.getOrDefault(territoire.id(), Map.of());
        List<Feature> features = territoire.communes().stream()
                .map(c -> new Feature("Feature", c.codeInsee(), geometries.get(c.codeInsee()),
                        proprietes(c, indicateur, dernieres.get(c.codeInsee()))))
                .toList();
        return new FeatureCollection("FeatureCollection", features);
    }

    static Map<String, Object> proprietes(Commune commune, DefinitionIndicateur indicateur, Indicateur cellule) {
        return proprietes(commune.codeInsee(), commune.nom(), commune.chiffre(Commune.MENAGES),
                commune.chiffre(Commune.POPULATION), indicateur, cellule);
    }

    private static Map<String, Object> proprietes(String code, String nom, Double menages, Double population,
            DefinitionIndicateur indicateur, Indicateur cellule) {
        boolean avecCellule = cellule != null;
        boolean secret = avecCellule && cellule.secret();
        boolean visible = avecCellule && !secret;
        var p = new LinkedHashMap<String, Object>();
        p.put("code", code);
        p.put("nom", nom);
        p.put("menages", menages);
        p.put("population", population);
        p.put("indicateur", indicateur.id());
        p.put("unite", avecCellule && cellule.unite() != null ? cellule.unite() : indicateur.unite());
        p.put("valeur", visible ? cellule.valeur() : null);
        p.put("numerateur", visible ? cellule.numerateur() : null);
        p.put("denominateur", avecCellule ? cellule.denominateur() : null);
        p.put("levees", visible ? cellule.mesures().get("levees") : null);
        p.put("debut", avecCellule ? cellule.debut() : null);
        p.put("fin", avecCellule ? cellule.fin() : null);
        p.put("semaine", avecCellule ? Periodes.libelle(cellule.debut(), cellule.fin()) : null);
        p.put("sourceNumerateur", avecCellule ? libelle(cellule.sourceNumerateur()) : null);
        p.put("sourceDenominateur", avecCellule ? libelle(cellule.sourceDenominateur()) : null);
        p.put("secret", secret);
        p.put("simule", avecCellule && cellule.simule());
        p.put("etat", etat(indicateur, cellule));
        p.put("mention", avecCellule && cellule.simule() ? SIMULEES : null);
        p.put("composantes", composantes(indicateur, cellule));
        p.put("sources", avecCellule ? cellule.sources().stream().map(Source::libelle).toList() : List.of());
        p.put("sourcesDetaillees", avecCellule ? cellule.sources().stream().map(CommunesGeoJson::detail).toList() : List.of());
        return p;
    }

    /** A source as the fiche lists it: its label, licence and whether it is simulated. */
    record SourceDetaillee(String libelle, String licence, boolean simule) {}

    private static SourceDetaillee detail(Source source) {
        return new SourceDetaillee(source.libelle(), source.licence(), source.simule());
    }

    /** A component of a composite indicator, as shown in the popup of a commune. */
    record Composante(String code, String libelle, Double valeur, String unite, String source, boolean secret) {}

    /**
     * The components in the definition's order. A secret cell keeps the components INSEE
     * published; the one missing is the secret one. The measures detailing a ratio (LoRaWAN
     * indicators) have no unit here: theirs is in their label, "température la plus haute (°C)".
     */
    static List<Composante> composantes(DefinitionIndicateur indicateur, Indicateur cellule) {
        var result = new ArrayList<Composante>();
        String unite = Definitions.estComposite(indicateur) ? indicateur.unite() : null;
        indicateur.composantes().forEach((code, libelle) -> {
            Double valeur = cellule == null ? null : cellule.mesures().get(code);
            boolean secret = cellule != null && cellule.secret() && valeur == null;
            Source source = cellule == null ? null : cellule.sourcesMesures().get(code);
            result.add(new Composante(code, libelle, valeur, unite, libelle(source), secret));
        });
        return result;
    }

    private static String etat(DefinitionIndicateur indicateur, Indicateur cellule) {
        if (cellule == null) {
            return indicateur.libelles().sansDonnee();
        }
        if (cellule.secret()) {
            return SECRET;
        }
        return cellule.valeur() == null ? indicateur.libelles().sansDonnee() : DISPONIBLE;
    }

    private static String libelle(Source source) {
        return source == null ? null : source.libelle();
    }

    private static RawValue geometrie(GeoJsonWriter writer, Geometry contour) {
        if (contour == null || contour.isEmpty()) {
            return null; // a Feature may have a null geometry (RFC 7946 §3.2)
        }
        return new RawValue(writer.write(contour));
    }
}
