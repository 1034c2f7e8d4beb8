package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the IRIS files of an import give for the communes of a pack: the IRIS contours and names
 * ({@link NatureFichier#CONTOURS_IRIS}: features carrying {@code CODE_IRIS}, WGS84 or Lambert-93, streamed
 * feature by feature) and the census figures by IRIS ({@link NatureFichier#CHIFFRES_IRIS}, {@link LigneIris}).
 * An IRIS in two files keeps what the first gives. Immutable once read.
 */
final class IrisLus {

    private static final Logger log = LoggerFactory.getLogger(IrisLus.class);

    /** The properties that may carry the 9-character IRIS code, in the order they are looked for. */
    static final List<String> PROPRIETES_CODE = List.of("CODE_IRIS", "code_iris", "codeIris", "iris_code");
    /** The properties that may carry the IRIS name. */
    static final List<String> PROPRIETES_NOM = List.of("NOM_IRIS", "nom_iris", "nomIris", "iris_name");
    /**
     * The properties of IGN – INSEE's Contours…IRIS, as france-geojson publishes them: a file with only
     * these is that source (SOURCES.md: edition not stated, before November 2016).
     */
    static final Set<String> PROPRIETES_CONTOURS_IRIS_IGN = Set.of("INSEE_COM", "NOM_COM", "IRIS", "CODE_IRIS",
            "NOM_IRIS", "TYP_IRIS");

    private static final String LICENCE = "Licence Ouverte 2.0";

    /** The source of the IGN – INSEE Contours…IRIS as found (france-geojson, pull request of 2016). */
    static final Source SOURCE_CONTOURS_IRIS = new Source(
            "Contours…IRIS (édition non précisée, antérieure à fin 2016 ; via france-geojson, simplifiés)", "IGN – Insee", "2016", LICENCE, false);

    private final Map<String, Geometry> contours;
    private final Map<String, String> noms;
    private final Map<String, LigneIris> chiffres;
    private final Source sourceContours;

    private IrisLus(Map<String, Geometry> contours, Map<String, String> noms, Map<String, LigneIris> chiffres,
            Source sourceContours) {
        this.contours = contours;
        this.noms = noms;
        this.chiffres = chiffres;
        this.sourceContours = sourceContours;
    }

    /** The code property of an IRIS feature, or {@code null} when it has none. */
    static String proprieteCode(JsonNode properties) {
        return PROPRIETES_CODE.stream().filter(properties::hasNonNull).findFirst().orElse(null);
    }

    /**
     * Reads the IRIS files of an import, keeping the IRIS of the communes asked for.
     *
     * @throws EntreeInvalide naming the file on unreadable JSON or geometry, or an IRIS twice in one file
     */
    static IrisLus lire(FichiersOfficiels fichiers, Set<String> communes, JournalLectures journal) {
        Predicate<String> garder = communes::contains;
        var contours = new TreeMap<String, Geometry>();
        var noms = new TreeMap<String, String>();
        var ign = new HashSet<Path>();
        var origines = new ArrayList<Path>();
        for (FichiersOfficiels.Reconnu fichier : fichiers.de(NatureFichier.CONTOURS_IRIS)) {
            var lus = new TreeMap<String, Geometry>();
            var nomsLus = new TreeMap<String, String>();
            Set<String> proprietes = journal.lire(fichier, garder, filtre -> lireContours(fichier.chemin(), filtre, lus,
                    nomsLus));
            if (PROPRIETES_CONTOURS_IRIS_IGN.containsAll(proprietes)) {
                ign.add(fichier.chemin());
            }
            if (!lus.isEmpty()) {
                origines.add(fichier.chemin());
            }
            lus.forEach(contours::putIfAbsent);
            nomsLus.forEach(noms::putIfAbsent);
        }
        var chiffres = new TreeMap<String, LigneIris>();
        for (FichiersOfficiels.Reconnu fichier : fichiers.de(NatureFichier.CHIFFRES_IRIS)) {
            ImportCsv<LigneIris> lu = journal.lire(fichier, garder,
                    filtre -> fichier.importer(LigneIris::parse, ligne -> filtre.test(ligne.codeCommune())));
            journal.signaler(lu.signalements());
            lu.valeurs().forEach(l -> chiffres.putIfAbsent(l.code(), l));
        }
        chiffres.values().forEach(l -> {
            if (l.nom() != null) {
                noms.putIfAbsent(l.code(), l.nom());
            }
        });
        Source source = origines.isEmpty() ? null : ign.containsAll(origines) ? SOURCE_CONTOURS_IRIS
                : new Source("Contours des IRIS (fichier importé : " + String.join(", ",
                        origines.stream().map(f -> f.getFileName().toString()).toList()) + ")", "non précisé",
                        "non précisé", "non précisée", false);
        return new IrisLus(contours, noms, chiffres, source);
    }

    /** The IRIS codes of a commune that these files know (contours or figures), sorted. */
    Set<String> codes(String codeInsee) {
        var codes = new java.util.TreeSet<String>();
        contours.keySet().stream().filter(c -> c.startsWith(codeInsee)).forEach(codes::add);
        chiffres.keySet().stream().filter(c -> c.startsWith(codeInsee)).forEach(codes::add);
        return codes;
    }

    Geometry contour(String codeIris) {
        return contours.get(codeIris);
    }

    String nom(String codeIris) {
        return noms.get(codeIris);
    }

    /** The census figures of an IRIS (empty without a row). */
    Map<String, Double> chiffres(String codeIris) {
        LigneIris ligne = chiffres.get(codeIris);
        return ligne == null ? Map.of() : ligne.chiffres();
    }

    /** The source of the IRIS contours, or {@code null} when no contour was kept. */
    Source sourceContours() {
        return sourceContours;
    }

    /**
     * The sources of the census figures read, by IRIS variable: the census year of the files read
     * (the most recent when they differ); empty without such a file.
     */
    Map<String, Source> sourcesChiffres() {
        int annee = chiffres.values().stream().mapToInt(LigneIris::annee).max().orElse(0);
        if (annee == 0) {
            return Map.of();
        }
        var sources = new LinkedHashMap<String, Source>();
        Source recensement = new Source("Recensement de la population par IRIS (population par âge)", "Insee",
                String.valueOf(annee), LICENCE, false);
        sources.put(Iris.POPULATION, recensement);
        sources.put(Iris.PART_75_PLUS, recensement);
        sources.put(Iris.SUPERFICIE_KM2, new Source("Contours…IRIS (surface calculée en Lambert-93)", "IGN – Insee",
                "2016", LICENCE, false));
        sources.put(Iris.DENSITE, new Source("Recensement de la population par IRIS rapporté à la surface des contours"
                + " IRIS", "Insee, IGN", String.valueOf(annee), LICENCE, false));
        return sources;
    }

    /** Streams one FeatureCollection of IRIS; returns the property names met. */
    private static Set<String> lireContours(Path fichier, Predicate<String> garder, Map<String, Geometry> contours,
            Map<String, String> noms) {
        var reader = new GeoJsonReader(ContoursCommunes.GEOMETRIES);
        var proprietes = new HashSet<String>();
        JsonNode crs = null;
        try (JsonParser json = JsonSerde.MAPPER.createParser(fichier.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new EntreeInvalide(fichier.toString(), 0, "pas une collection GeoJSON (objet JSON attendu)");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String membre = json.currentName();
                JsonToken valeur = json.nextToken();
                if (membre.equals("crs")) {
                    crs = json.readValueAsTree();
                } else if (membre.equals("features") && valeur == JsonToken.START_ARRAY) {
                    int rang = 0;
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        rang++;
                        long ligne = Math.max(json.currentTokenLocation().getLineNr(), 0);
                        JsonNode feature = json.readValueAsTree();
                        feature.path("properties").fieldNames().forEachRemaining(proprietes::add);
                        lireFeature(fichier, rang, ligne, feature, garder, reader, contours, noms);
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            long ligne = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new EntreeInvalide(fichier.toString(), Math.max(ligne, 0), RaisonJson.de(e), e);
        } catch (java.io.CharConversionException e) {
            // bytes Jackson takes for UTF-32 or another encoding it cannot decode (found by FichiersInseeFuzzTest)
            throw new EntreeInvalide(fichier.toString(), 0, RaisonJson.ENCODAGE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GeoJSON file " + fichier, e);
        }
        if (ContoursCommunes.crs(crs, contours.values(), fichier) == ContoursCommunes.Crs.LAMBERT_93) {
            contours.replaceAll((code, contour) -> Lambert93.versWgs84(contour));
        }
        return proprietes;
    }

    private static void lireFeature(Path fichier, int rang, long ligne, JsonNode feature, Predicate<String> garder,
            GeoJsonReader reader, Map<String, Geometry> contours, Map<String, String> noms) {
        JsonNode properties = feature.path("properties");
        String propriete = proprieteCode(properties);
        if (propriete == null) {
            throw new EntreeInvalide(fichier.toString(), ligne, "le contour n° " + rang + " n'a pas de code IRIS"
                    + " (propriété CODE_IRIS)");
        }
        Lecture<String> code = CodesInsee.codeIris(properties.get(propriete).asText(), "properties." + propriete);
        if (code.estRejet()) {
            log.warn("{}: {}; feature skipped", fichier.getFileName(), code.raison());
            return;
        }
        if (!garder.test(code.valeur().substring(0, 5))) {
            return;
        }
        Geometry contour;
        try {
            contour = reader.read(feature.path("geometry").toString());
        } catch (ParseException | RuntimeException e) {
            throw new EntreeInvalide(fichier.toString(), ligne, "contour illisible pour l'IRIS " + code.valeur(), e);
        }
        if (contours.put(code.valeur(), contour) != null) {
            throw new EntreeInvalide(fichier.toString(), ligne, "l'IRIS " + code.valeur() + " y a deux contours");
        }
        PROPRIETES_NOM.stream().filter(properties::hasNonNull).findFirst()
                .map(p -> properties.get(p).asText().strip())
                .filter(n -> !n.isEmpty())
                .ifPresent(n -> noms.put(code.valeur(), n));
    }
}
