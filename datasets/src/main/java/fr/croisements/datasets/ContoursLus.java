package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.Source;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Geometry;

/**
 * The commune contours of an import, read from every contour file (national, departmental or
 * extracts, WGS84 or Lambert-93), keeping only the communes asked for. A commune in two files gets
 * its contour from the first; the same contour twice (an extract of the other file) is kept once,
 * two different contours are an error. Immutable once read.
 */
final class ContoursLus {

    /** The properties of the france-geojson files, whose source, vintage and licence are known (SOURCES.md). */
    static final Set<String> PROPRIETES_FRANCE_GEOJSON = Set.of("code", "nom");

    private final Map<String, Geometry> contours;
    private final Map<String, Path> origines;
    private final Set<Path> franceGeojson;
    private final String noms;

    private ContoursLus(Map<String, Geometry> contours, Map<String, Path> origines, Set<Path> franceGeojson, String noms) {
        this.contours = Collections.unmodifiableMap(contours);
        this.origines = Collections.unmodifiableMap(origines);
        this.franceGeojson = Set.copyOf(franceGeojson);
        this.noms = noms;
    }

    /**
     * @param fichiers files of nature {@link NatureFichier#CONTOURS}
     * @param garder the communes whose contour to keep, by code
     * @throws EntreeInvalide naming the files when a commune has two different contours, or as
     *     {@link ContoursCommunes#lire(Path, Predicate)}
     */
    static ContoursLus lire(List<FichiersOfficiels.Reconnu> fichiers, Predicate<String> garder, JournalLectures journal) {
        var contours = new TreeMap<String, Geometry>();
        var origine = new TreeMap<String, Path>();
        var franceGeojson = new HashSet<Path>();
        for (FichiersOfficiels.Reconnu fichier : fichiers) {
            if (PROPRIETES_FRANCE_GEOJSON.containsAll(ContoursCommunes.proprietes(fichier.chemin()))) {
                franceGeojson.add(fichier.chemin());
            }
            Map<String, Geometry> lus = journal.lire(fichier, garder, filtre -> ContoursCommunes.lire(fichier.chemin(),
                    filtre));
            lus.forEach((code, contour) -> {
                Geometry deja = contours.putIfAbsent(code, contour);
                if (deja == null) {
                    origine.put(code, fichier.chemin());
                } else if (!deja.equalsExact(contour, 1e-9)) {
                    throw new EntreeInvalide(fichier.chemin().toString(), 0, "la commune " + code + " y a un autre contour"
                            + " que dans " + origine.get(code).getFileName() + " : ne garder qu'un des deux fichiers de"
                            + " contours, ou choisir avec --fichier contours=CHEMIN");
                }
            });
        }
        String noms = String.join(", ", fichiers.stream().map(f -> f.chemin().getFileName().toString()).toList());
        return new ContoursLus(contours, origine, franceGeojson, noms);
    }

    /**
     * The contour of a commune.
     *
     * @throws EntreeInvalide naming the contour files and the commune when none has it
     */
    Geometry contour(String code, String nom) {
        Geometry contour = contours.get(code);
        if (contour == null || contour.isEmpty()) {
            throw new EntreeInvalide(noms, 0, "aucun contour pour la commune " + code + " (" + nom + ") : ajouter un"
                    + " fichier de contours qui la couvre (--fichier contours=CHEMIN)");
        }
        return contour;
    }

    /**
     * The source of the contours of some communes: that of the france-geojson files (IGN Admin Express
     * COG 2018, {@link TerritoireImporter#SOURCE_CONTOURS}) when they all come from files with their
     * properties only, else an imported file whose producer, vintage and licence the import cannot
     * tell, named as such rather than guessed.
     */
    Source source(Collection<String> codes) {
        List<Path> fichiers = codes.stream().map(origines::get).distinct().sorted().toList();
        if (franceGeojson.containsAll(fichiers)) {
            return TerritoireImporter.SOURCE_CONTOURS;
        }
        return new Source("Contours des communes (fichier importé : " + String.join(", ",
                fichiers.stream().map(f -> f.getFileName().toString()).toList()) + ")", "non précisé", "non précisé",
                "non précisée", false);
    }

    /** Every contour kept, by code. */
    Map<String, Geometry> tous() {
        return contours;
    }
}
