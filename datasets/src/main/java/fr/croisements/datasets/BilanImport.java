package fr.croisements.datasets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did, for the person who ran it: the files of figures and contours read (rows,
 * time), the packs written, for each pack the variables some communes lack and why (the map shows
 * "missing input" from the pack's {@code absences}), the codes of the official files that are not
 * current communes (communes merged since the files were made) with the commune they are now part
 * of when the lists of communes say it, and the rows skipped or repaired. {@link #texte()} says it
 * in French. Immutable.
 *
 * @param lus the files of figures and contours read, in reading order
 * @param packs the pack files written (empty when the packs were only generated)
 * @param territoires what each pack holds and lacks
 * @param horsCog for each file read, the codes absent from the current COG (files without any are left out)
 * @param rattachementsConnus whether the lists of communes give former codes at all
 * @param signalements rows skipped and values repaired in every file read
 */
public record BilanImport(
        List<FichierLu> lus,
        List<Path> packs,
        List<PackImporte> territoires,
        List<CodesHorsCog> horsCog,
        boolean rattachementsConnus,
        List<Signalement> signalements) {

    /** Problems of the files listed at most by {@link #texte()}; all are in {@link #signalements()} and the log. */
    static final int SIGNALEMENTS_CITES = 10;
    /** Codes absent from the COG listed at most per file, after those of the territory. */
    static final int CODES_CITES = 20;

    public BilanImport {
        lus = List.copyOf(lus);
        packs = List.copyOf(packs);
        territoires = List.copyOf(territoires);
        horsCog = List.copyOf(horsCog);
        signalements = List.copyOf(signalements);
    }

    /**
     * A file read.
     *
     * @param lignes rows (or contours) read
     * @param gardees those kept, of the territories' communes
     * @param duree time taken to read it
     */
    public record FichierLu(Path chemin, NatureFichier nature, long lignes, long gardees, Duration duree) {}

    /**
     * A pack made.
     *
     * @param absences the variables some communes lack, and why
     * @param contoursDisparus codes of contours of communes that no longer exist and touch the territory
     */
    public record PackImporte(String id, String nom, int communes, int iris, List<Absence> absences,
            List<String> contoursDisparus) {
        public PackImporte {
            absences = List.copyOf(absences);
            contoursDisparus = List.copyOf(contoursDisparus);
        }
    }

    /**
     * A variable that some communes of a pack lack (neither a figure nor a secret).
     *
     * @param communes their codes, sorted
     * @param sur the number of communes of the pack
     * @param raison why, in French: "aucun fichier « dossier complet »", "pas de ligne dans x.csv"…
     */
    public record Absence(String variable, List<String> communes, int sur, String raison) {
        public Absence {
            communes = List.copyOf(communes);
        }
    }

    /** The codes of one file absent from the current COG. */
    public record CodesHorsCog(Path fichier, List<CodeHorsCog> codes) {
        public CodesHorsCog {
            codes = List.copyOf(codes);
        }
    }

    /**
     * A code absent from the current COG.
     *
     * @param successeur the current commune it is part of, or {@code null} when the lists do not say
     * @param lien how, in French ("commune déléguée de"), or {@code null}
     * @param dansUnTerritoire whether the successor is a commune of a pack made
     */
    public record CodeHorsCog(String code, String successeur, String nomSuccesseur, String lien, boolean dansUnTerritoire) {}

    /** The report in French, one line per item. */
    public List<String> texte() {
        var lignes = new ArrayList<String>();
        for (PackImporte pack : territoires) {
            lignes.add("Territoire " + pack.id() + " (" + pack.nom() + ") : " + pluriel(pack.communes(), "commune")
                    + ", " + pack.iris() + " IRIS.");
            absences(pack, lignes);
            for (String code : pack.contoursDisparus()) {
                lignes.add("  Le contour de " + code + ", commune qui n'existe plus, touche le territoire : si elle a"
                        + " fusionné dans une de ses communes, le contour de celle-ci n'a pas sa part.");
            }
        }
        horsCog(lignes);
        if (!signalements.isEmpty()) {
            lignes.add(pluriel(signalements.size(), "signalement") + " dans les fichiers lus (lignes ignorées ou valeurs"
                    + " réparées)" + (signalements.size() > SIGNALEMENTS_CITES ? ", les " + SIGNALEMENTS_CITES
                    + " premiers :" : " :"));
            signalements.stream().limit(SIGNALEMENTS_CITES).forEach(s -> lignes.add("  " + s));
        }
        return lignes;
    }

    /** The absent variables of a pack, those with the same communes and reason on one line. */
    private static void absences(PackImporte pack, List<String> lignes) {
        Map<String, List<String>> parCause = new LinkedHashMap<>();
        Map<String, Absence> exemple = new LinkedHashMap<>();
        for (Absence absence : pack.absences()) {
            String cause = absence.raison() + "|" + absence.communes();
            parCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(absence.variable());
            exemple.putIfAbsent(cause, absence);
        }
        if (parCause.isEmpty()) {
            return;
        }
        lignes.add("  Variables absentes (la carte les dira manquantes) :");
        parCause.forEach((cause, variables) -> {
            Absence a = exemple.get(cause);
            String qui = a.communes().size() == a.sur() ? (a.sur() == 1 ? "la commune" : "les " + a.sur() + " communes")
                    : a.communes().size() + " commune" + (a.communes().size() > 1 ? "s" : "") + " sur " + a.sur() + " ("
                    + citer(a.communes()) + ")";
            lignes.add("    " + FichiersOfficiels.enumeration(variables) + " : " + qui + ", " + a.raison() + ".");
        });
    }

    private void horsCog(List<String> lignes) {
        if (horsCog.isEmpty()) {
            return;
        }
        lignes.add("Codes des fichiers absents du COG actuel (communes fusionnées ou disparues depuis"
                + (rattachementsConnus ? ")" : " ; successeur inconnu : les listes de communes lues ne donnent pas les"
                + " anciens codes)") + " :");
        for (CodesHorsCog fichier : horsCog) {
            var cites = new ArrayList<String>();
            fichier.codes().stream().filter(CodeHorsCog::dansUnTerritoire).forEach(c -> cites.add(decrire(c)));
            fichier.codes().stream().filter(c -> !c.dansUnTerritoire()).limit(Math.max(0, CODES_CITES - cites.size()))
                    .forEach(c -> cites.add(decrire(c)));
            int reste = fichier.codes().size() - cites.size();
            lignes.add("  " + fichier.fichier().getFileName() + " : " + String.join(", ", cites)
                    + (reste > 0 ? " et " + reste + " autre" + (reste > 1 ? "s" : "") : "") + ".");
        }
    }

    private static String decrire(CodeHorsCog code) {
        if (code.successeur() == null) {
            return code.code();
        }
        return code.code() + " (" + code.lien() + " " + code.successeur()
                + (code.nomSuccesseur() == null ? "" : " " + code.nomSuccesseur())
                + (code.dansUnTerritoire() ? ", dans le territoire" : "") + ")";
    }

    private static String citer(List<String> codes) {
        return codes.size() <= CODES_CITES ? String.join(", ", codes)
                : String.join(", ", codes.subList(0, CODES_CITES)) + "…";
    }

    private static String pluriel(long n, String mot) {
        return n + " " + mot + (n > 1 ? "s" : "");
    }

    /** "12,3 s", "850 ms", "2 min 05 s": a duration for a person. */
    static String duree(Duration duree) {
        long ms = duree.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.FRANCE, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.FRANCE, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
