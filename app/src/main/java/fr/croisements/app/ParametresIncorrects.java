package fr.croisements.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Explains a wrong command line in French, then how to get the command's help: picocli's own
 * messages are in English and cannot be translated through its resource bundle, so each kind of
 * {@link ParameterException} is told in our words here (unknown option or command, missing or
 * invalid value...). A {@link ParameterException} thrown by our commands already speaks French.
 * Exit code: the command's {@code exitCodeOnInvalidInput} (2). Stateless.
 */
final class ParametresIncorrects implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commande = ex.getCommandLine();
        PrintWriter err = commande.getErr();
        err.println(message(ex));
        err.println("Pour l'aide : " + commande.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return commande.getExitCodeExceptionMapper() != null
                ? commande.getExitCodeExceptionMapper().getExitCode(ex)
                : commande.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Pure: what is wrong with the command line, in French. */
    static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException inconnu) {
            return inconnu(inconnu);
        }
        if (ex instanceof MissingParameterException manquant) {
            return manquant(manquant);
        }
        if (ex instanceof OverwrittenOptionException deuxFois) {
            return "Option donnée deux fois : " + nom(deuxFois.getOverwritten()) + " (une seule valeur attendue).";
        }
        if (ex instanceof MaxValuesExceededException) {
            return "Trop de valeurs sur la ligne de commande.";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return "Valeur invalide pour " + nom(ex.getArgSpec()) + " : « " + ex.getValue() + " »" + attendu(ex.getArgSpec()) + ".";
        }
        String message = ex.getMessage() == null ? "Ligne de commande incorrecte." : ex.getMessage();
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String inconnu(UnmatchedArgumentException ex) {
        List<String> inconnus = ex.getUnmatched();
        String premier = inconnus.isEmpty() ? "" : inconnus.get(0);
        boolean commandes = !ex.getCommandLine().getSubcommands().isEmpty();
        String quoi = ex.isUnknownOption() ? "Option inconnue" : commandes ? "Commande inconnue" : "Argument en trop";
        String message = quoi + " : « " + premier + " »" + (inconnus.size() > 1 ? " (puis " + cites(inconnus.subList(1, inconnus.size())) + ")" : "");
        List<String> suggestions = ex.getSuggestions();
        if (!suggestions.isEmpty()) {
            message += ". Vouliez-vous dire : " + String.join(", ", suggestions) + " ?";
        } else if (commandes && !ex.isUnknownOption()) {
            message += ". Commandes : " + String.join(", ", ex.getCommandLine().getSubcommands().keySet()) + ".";
        } else {
            message += ".";
        }
        return message;
    }

    private static String manquant(MissingParameterException ex) {
        List<ArgSpec> manquants = ex.getMissing();
        String original = ex.getMessage() == null ? "" : ex.getMessage();
        if (manquants.size() == 1 && manquants.get(0).isOption()
                && (original.startsWith("Missing required parameter for option") || original.startsWith("Expected parameter"))) {
            return "L'option " + nom(manquants.get(0)) + " attend une valeur" + attendu(manquants.get(0)) + ".";
        }
        if (manquants.size() == 1) {
            ArgSpec seul = manquants.get(0);
            return (seul.isOption() ? "Option obligatoire manquante : " : "Paramètre obligatoire manquant : ") + nom(seul)
                    + description(seul) + ".";
        }
        return "Il manque : " + manquants.stream().map(a -> nom(a) + description(a)).collect(Collectors.joining(" ; ")) + ".";
    }

    /** {@code --port} for an option, {@code <fichier>} for a positional parameter. */
    private static String nom(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return ((PositionalParamSpec) arg).paramLabel();
    }

    private static String description(ArgSpec arg) {
        String[] lignes = arg.description();
        return lignes.length == 0 ? "" : " (" + lignes[0].replaceAll("\\.$", "") + ")";
    }

    /** What a value of the argument's type looks like: " (nombre entier attendu)". */
    private static String attendu(ArgSpec arg) {
        Class<?> type = arg.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return " (nombre entier attendu)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return " (nombre attendu, avec un point décimal)";
        }
        if (type == LocalDate.class) {
            return " (date attendue, AAAA-MM-JJ)";
        }
        if (type.isEnum()) {
            return " (valeurs possibles : " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (type == Path.class) {
            return " (chemin de fichier attendu)";
        }
        if (Map.class.isAssignableFrom(type) && arg instanceof OptionSpec option) {
            return " (" + option.paramLabel() + " attendu)";
        }
        return "";
    }

    private static String cites(List<String> valeurs) {
        return valeurs.stream().map(v -> "« " + v + " »").collect(Collectors.joining(", "));
    }
}
