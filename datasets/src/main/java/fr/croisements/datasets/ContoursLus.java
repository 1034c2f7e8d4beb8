package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    private final Map<String, Geometry> contours;
    private final String noms;

    private ContoursLus(Map<String, Geometry> contours, String noms) {
        this.contours = Collections.unmodifiableMap(contours);
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
        for (FichiersOfficiels.Reconnu fichier : fichiers) {
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
        return new ContoursLus(contours, noms);
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

    /** Every contour kept, by code. */
    Map<String, Geometry> tous() {
        return contours;
    }
}
