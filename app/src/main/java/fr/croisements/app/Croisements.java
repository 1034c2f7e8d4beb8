package fr.croisements.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code croisements}: the command line of the project. Everything it prints for a person is in
 * French: picocli's own words come from the resource bundle {@code AideCommandes}, a wrong command
 * line is explained by {@link ParametresIncorrects}, an error while running by
 * {@link ErreursExecution} (no stack trace unless {@code --debug}).
 */
@Command(name = "croisements", mixinStandardHelpOptions = true, version = "croisements 0.1.0",
        resourceBundle = "fr.croisements.app.AideCommandes",
        description = "Croise en temps réel des flux de capteurs et de données ouvertes locales avec les "
                + "indicateurs de l'Insee, et les montre sur une carte.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ImportCommand.class,
                BenchmarkCommand.class, CatalogueCommand.class, IndicateurCommand.class, EssaiPannesCommand.class,
                SimulerCommand.class})
public final class Croisements {

    /** Exit code of an unusable input or an error while running (picocli uses 2 for a wrong command line). */
    static final int ENTREE_INUTILISABLE = 3;

    // INHERIT: every subcommand accepts it too (croisements ingest --debug ...), and sets this field
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "En cas d'erreur, affiche aussi le détail technique (la pile d'appels), pour la signaler.")
    boolean debug;

    public static void main(String[] args) {
        int code = ligneDeCommande().execute(args);
        if (code != 0) {
            Runtime.getRuntime().exit(code);
        }
    }

    /** The command line, with its French messages for wrong arguments and errors. */
    static CommandLine ligneDeCommande() {
        return new CommandLine(new Croisements())
                .setParameterExceptionHandler(new ParametresIncorrects())
                .setExecutionExceptionHandler(new ErreursExecution());
    }
}
