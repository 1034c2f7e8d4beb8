package fr.croisements.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code croisements}: the command line of the project. */
@Command(name = "croisements", mixinStandardHelpOptions = true, version = "croisements 0.1.0",
        description = "Croise en temps réel des flux de capteurs et de données ouvertes locales avec les "
                + "indicateurs de l'Insee, et les montre sur une carte.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ImportCommand.class,
                BenchmarkCommand.class, CatalogueCommand.class, IndicateurCommand.class})
public final class Croisements {

    public static void main(String[] args) {
        int code = new CommandLine(new Croisements()).execute(args);
        if (code != 0) {
            Runtime.getRuntime().exit(code);
        }
    }
}
