package fr.croisements.app;

import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.Pluriel;
import java.io.PrintWriter;
import java.util.List;

/**
 * The lines under an ingestion's summary: the first rejects, then the first warnings, each with
 * its {@code fichier:ligne}, and how many more there are. Pure apart from the writer it is given.
 */
final class Resume {

    private Resume() {}

    /** The rejects, then the warnings (values normalised or left empty, car parks already published...), of a run. */
    static void details(PrintWriter out, Bilan bilan) {
        lignes(out, "Rejets", bilan.raisons(), bilan.rejetes());
        if (bilan.nombreAvertissements() > 0) {
            out.println(Pluriel.de(bilan.nombreAvertissements(), "avertissement", "avertissements")
                    + " (ces lignes ne sont pas rejetées) :");
            lignes(out, null, bilan.avertissements(), bilan.nombreAvertissements());
        }
    }

    /**
     * {@code titre :} (when not {@code null}) then one indented line each, and "… et 12 autres" when
     * there were more than those kept.
     */
    static void lignes(PrintWriter out, String titre, List<String> lignes, long total) {
        if (lignes.isEmpty()) {
            return;
        }
        if (titre != null) {
            out.println(titre + " :");
        }
        lignes.forEach(l -> out.println("  " + l));
        if (total > lignes.size()) {
            out.println("  … et " + Pluriel.de(total - lignes.size(), "autre", "autres"));
        }
    }
}
