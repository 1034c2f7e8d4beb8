package fr.croisements.app;

import fr.croisements.events.EntreeInvalide;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Ends a command that failed while running with one French message on the error output, and no
 * stack trace unless {@code --debug} was given: an input a person gave that cannot be used
 * ({@link EntreeInvalide}, which names its file and line), a file that cannot be read, Kafka
 * refusing the records, or, for anything else, an unexpected error and the advice to run again
 * with {@code --debug}. Exit code {@link Croisements#ENTREE_INUTILISABLE}. Stateless.
 */
final class ErreursExecution implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commande, ParseResult parseResult) {
        PrintWriter err = commande.getErr();
        boolean debug = debug(commande);
        err.println(message(ex));
        if (debug) {
            ex.printStackTrace(err);
        } else if (!attendue(ex)) {
            err.println("Relancez la commande avec --debug pour voir le détail technique (à joindre si vous signalez ce problème).");
        }
        err.flush();
        return commande.getExitCodeExceptionMapper() != null
                ? commande.getExitCodeExceptionMapper().getExitCode(ex) : Croisements.ENTREE_INUTILISABLE;
    }

    /** Pure: the French message for an exception. */
    static String message(Exception ex) {
        if (ex instanceof EntreeInvalide e) {
            return "Erreur : " + e.getMessage();
        }
        IOException io = ex instanceof IOException i ? i : ex instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            return "Erreur : " + fichier(io);
        }
        Throwable authentification = authentification(ex);
        if (authentification != null) {
            return "Erreur : le cluster Kafka a refusé l'authentification ou l'accès (vérifiez les identifiants et la "
                    + "sécurité du fichier de --config : security.protocol, sasl.mechanism, sasl.jaas.config, ssl.*) ;"
                    + " détail : " + authentification.getMessage();
        }
        if (ex instanceof KafkaException) {
            return "Erreur : Kafka n'a pas pris les données (vérifiez --bootstrap-servers et que le broker est joignable) ;"
                    + " détail : " + ex.getMessage();
        }
        return "Erreur inattendue (" + ex.getClass().getSimpleName() + ")" + (ex.getMessage() == null ? "" : " : " + ex.getMessage());
    }

    /** The refused authentication or authorisation among the causes of {@code ex}, or null. */
    private static Throwable authentification(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthenticationException
                    || t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return t;
            }
        }
        return null;
    }

    /** A file that cannot be read or written, in French, naming it. */
    private static String fichier(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return "fichier ou dossier introuvable : " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "accès refusé au fichier : " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return "ce n'est pas un dossier : " + f.getFile();
        }
        if (e instanceof FileSystemException f) {
            return "fichier illisible : " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        }
        if (e instanceof CharacterCodingException) {
            return "fichier illisible : ses caractères ne sont pas de l'UTF-8 valide";
        }
        IOException cause = e.getCause() instanceof IOException c ? c : null;
        return cause != null ? fichier(cause) : "lecture ou écriture impossible : " + e.getMessage();
    }

    /** Errors a person can fix from the message alone: no advice to run again with --debug. */
    private static boolean attendue(Exception ex) {
        return ex instanceof EntreeInvalide || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof KafkaException || authentification(ex) != null;
    }

    /** Whether --debug was given, on the root command or any subcommand (an inherited option sets the root's field). */
    private static boolean debug(CommandLine commande) {
        CommandLine racine = commande;
        while (racine.getParent() != null) {
            racine = racine.getParent();
        }
        return racine.getCommand() instanceof Croisements c && c.debug;
    }
}
