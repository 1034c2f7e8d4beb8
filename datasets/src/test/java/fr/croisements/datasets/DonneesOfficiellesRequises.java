package fr.croisements.datasets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test (class or method) that reads the official files of {@code ../shared/datasets}: where that
 * folder is absent (a fresh clone alone), the test is reported skipped with the reason, before any
 * {@code @BeforeAll} tries to read them. CI has the folder, so there the tests run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DonneesOfficiellesRequises.Condition.class)
public @interface DonneesOfficiellesRequises {

    /** Enables the test only where the official files' folder exists. */
    final class Condition implements ExecutionCondition {
        /** The official files' folder: the property the parent pom sets, else {@code ../../shared/datasets} from the module. */
        static Path dossier() {
            String propriete = System.getProperty(TerritoireImporter.PROPRIETE_DOSSIER);
            Path dossier = propriete == null || propriete.isBlank() ? Path.of("..", "..", "shared", "datasets") : Path.of(propriete);
            return dossier.toAbsolutePath().normalize();
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Path dossier = dossier();
            return Files.isDirectory(dossier)
                    ? ConditionEvaluationResult.enabled("fichiers officiels présents : " + dossier)
                    : ConditionEvaluationResult.disabled("fichiers officiels absents (" + dossier
                            + ") : ce test lit les fichiers publiés par l'Insee, l'IGN et Etalab ; "
                            + "les placer dans ../shared/datasets ou donner -Dcroisements.donnees.officielles=DOSSIER");
        }
    }
}
