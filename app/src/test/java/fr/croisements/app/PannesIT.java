package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The fault suite, as `croisements essai-pannes` runs it: three real `run` processes of the packaged jar
 * on an embedded broker, one killed with kill -9 in the middle of a replay and started again, one
 * stopped and started while the map is queried, the broker stopped and started under them, a burst of
 * two weeks of lifts sent at once. Every cell must equal the direct computation from
 * the lifts (0 lost, 0 counted twice) and every query made during the faults must get a complete map.
 */
class PannesIT {

    private static final Path JAR = Path.of("target", "croisements.jar");

    @Test
    void noCellLostOrCountedTwiceAndTheMapAnsweredThroughTheFaults() {
        assumeTrue(Files.isRegularFile(JAR), "target/croisements.jar absent: run the integration tests after mvn package");
        var out = new StringWriter();
        var err = new StringWriter();
        var ligne = new CommandLine(new Croisements());
        ligne.setOut(new PrintWriter(out, true));
        ligne.setErr(new PrintWriter(err, true));
        int code = ligne.execute("essai-pannes", "--jar", JAR.toString(), "--semaines", "3");
        System.out.println(out);
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("arret-brutal").contains("reequilibrage").contains("coupure-broker")
                .contains("rafale").contains("requêtes servies").contains("× le rythme de la démo");
    }
}
