package fr.croisements.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scatter-gather of {@link Instances} against a real HTTP instance and a port where nothing answers:
 * what the answer holds, and the {@link Provenance} it notes (active tasks only, standby replicas, parts
 * missing).
 */
class InstancesTest {

    private static final String STORE = "cellules-taux";
    private static final String CHEMIN = "/interne/indicateurs/taux/dernieres";
    private static final TypeReference<List<String>> TEXTES = new TypeReference<>() {};
    private static final TopicPartition P0 = new TopicPartition("croisements-levees-par-commune-repartition", 0);
    private static final TopicPartition P1 = new TopicPartition("croisements-levees-par-commune-repartition", 1);
    private static final Set<String> SOURCES = Set.of("levees-par-commune-repartition");

    private final HostInfo moi = new HostInfo("localhost", 7070);
    private HttpServer autre;
    private HostInfo autreHote;
    private final List<String> demandes = new ArrayList<>();

    @BeforeEach
    void demarrerUneAutreInstance() throws IOException {
        autre = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        autre.createContext(CHEMIN, echange -> {
            String requete = echange.getRequestURI().toString();
            synchronized (demandes) {
                demandes.add(requete);
            }
            byte[] corps = (requete.contains("secours=true") ? "[\"autre-1\",\"autre-secours-0\"]" : "[\"autre-1\"]")
                    .getBytes(StandardCharsets.UTF_8);
            echange.sendResponseHeaders(200, corps.length);
            echange.getResponseBody().write(corps);
            echange.close();
        });
        autre.start();
        autreHote = new HostInfo("localhost", autre.getAddress().getPort());
    }

    @AfterEach
    void arreter() {
        autre.stop(0);
    }

    private static StreamsMetadata instance(HostInfo hote, Set<TopicPartition> actives, Set<TopicPartition> secours) {
        return new StreamsMetadataImpl(hote, actives.isEmpty() ? Set.of() : Set.of(STORE), actives,
                secours.isEmpty() ? Set.of() : Set.of(STORE), secours);
    }

    private Instances instances(Collection<StreamsMetadata> metadonnees, boolean sourcesConnues) {
        return new Instances(() -> metadonnees, moi, store -> sourcesConnues && store.equals(STORE) ? SOURCES : Set.of());
    }

    private static int portFerme() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Supplier<List<String>> indisponible() {
        return () -> {
            throw new StoreIndisponibleException("rebalance", null);
        };
    }

    @Test
    void everyInstanceAnsweringGivesTheActiveTasksAndSaysNothing() throws Exception {
        var metadonnees = List.of(instance(moi, Set.of(P0), Set.of(P1)), instance(autreHote, Set.of(P1), Set.of(P0)));

        var relevee = Provenance.relever(() -> instances(metadonnees, true).rassembler(STORE, CHEMIN,
                () -> List.of("moi-0"), () -> List.of("moi-secours-1"), TEXTES));

        assertThat(relevee.valeur()).containsExactly("moi-0", "autre-1");
        assertThat(relevee.provenance()).isEqualTo(Provenance.ACTIVES);
        assertThat(relevee.provenance().ordinaire()).isTrue();
        assertThat(demandes).containsExactly(CHEMIN);
    }

    @Test
    void anInstanceAwayIsReplacedByTheStandbyReplicaOfItsPartitionsAndTheAnswerSaysSo() throws Exception {
        var absente = new HostInfo("localhost", portFerme());
        var metadonnees = List.of(instance(moi, Set.of(P0), Set.of(P1)), instance(absente, Set.of(P1), Set.of(P0)));

        var relevee = Provenance.relever(() -> instances(metadonnees, true).rassembler(STORE, CHEMIN,
                () -> List.of("moi-0"), () -> List.of("moi-0", "moi-secours-1"), TEXTES));

        assertThat(relevee.valeur()).containsExactly("moi-0", "moi-0", "moi-secours-1");
        assertThat(relevee.provenance().secours()).isTrue();
        assertThat(relevee.provenance().incomplete()).as("partition 1 has a standby replica here").isFalse();
        assertThat(relevee.provenance().absentes()).containsExactly("localhost:" + absente.port());
    }

    @Test
    void aPartitionOfAnInstanceAwayWithoutAnyReplicaMakesTheAnswerIncomplete() throws Exception {
        var absente = new HostInfo("localhost", portFerme());
        // three instances: the one away held partition 1, whose standby replica is on no instance that answered
        var metadonnees = List.of(instance(moi, Set.of(P0), Set.of()), instance(absente, Set.of(P1), Set.of(P0)),
                instance(autreHote, Set.of(), Set.of(P0)));

        var relevee = Provenance.relever(() -> instances(metadonnees, true).rassembler(STORE, CHEMIN,
                () -> List.of("moi-0"), () -> List.of("moi-0"), TEXTES));

        assertThat(relevee.provenance().secours()).isTrue();
        assertThat(relevee.provenance().incomplete()).isTrue();
        assertThat(relevee.valeur()).doesNotContain("moi-secours-1");
        assertThat(demandes).as("the instance holding standby replicas was asked for them")
                .contains(CHEMIN + "?secours=true");
    }

    @Test
    void withoutTheSourcesOfTheStoreAPartIsMissingWhenNoInstanceThatAnsweredHoldsAReplicaOfTheStore() throws Exception {
        var absente = new HostInfo("localhost", portFerme());
        var sansSecours = List.of(instance(moi, Set.of(P0), Set.of()), instance(absente, Set.of(P1), Set.of()));
        var avecSecours = List.of(instance(moi, Set.of(P0), Set.of(P1)), instance(absente, Set.of(P1), Set.of()));

        var manque = Provenance.relever(() -> instances(sansSecours, false).rassembler(STORE, CHEMIN,
                () -> List.of("moi-0"), () -> List.of("moi-0"), TEXTES)).provenance();
        var complete = Provenance.relever(() -> instances(avecSecours, false).rassembler(STORE, CHEMIN,
                () -> List.of("moi-0"), () -> List.of("moi-0", "moi-secours-1"), TEXTES)).provenance();

        assertThat(manque.incomplete()).isTrue();
        assertThat(complete.incomplete()).isFalse();
        assertThat(complete.secours()).isTrue();
    }

    @Test
    void whileThisInstancesOwnStoresMoveItsStaleCopiesAndTheOthersReplicasFillIn() throws Exception {
        var metadonnees = List.of(instance(moi, Set.of(P0), Set.of()), instance(autreHote, Set.of(P1), Set.of(P0)));

        var relevee = Provenance.relever(() -> instances(metadonnees, true).rassembler(STORE, CHEMIN,
                indisponible(), () -> List.of("moi-0-restauree"), TEXTES));

        assertThat(relevee.valeur()).containsExactly("autre-1", "moi-0-restauree", "autre-1", "autre-secours-0");
        assertThat(relevee.provenance().secours()).isTrue();
        assertThat(relevee.provenance().incomplete()).isFalse();
        assertThat(relevee.provenance().absentes()).containsExactly("localhost:7070");
    }

    @Test
    void aRelevéCollectsTheQueriesMadeInItAndHandsThemToTheEnclosingOne() throws Exception {
        var secours = new Provenance(true, false, Set.of("b:2"));
        var manque = new Provenance(true, true, Set.of("a:1"));

        Provenance.commencer();
        var interieur = Provenance.relever(() -> {
            Provenance.noter(secours);
            return 1;
        });
        Provenance.noter(manque);
        Provenance exterieur = Provenance.terminer();

        assertThat(interieur.provenance()).isEqualTo(secours);
        assertThat(exterieur.secours()).isTrue();
        assertThat(exterieur.incomplete()).isTrue();
        assertThat(exterieur.absentes()).containsExactly("a:1", "b:2");
        assertThat(Provenance.terminer()).as("nothing left open on the thread").isEqualTo(Provenance.ACTIVES);
        Provenance.noter(manque); // without a relevé open: nothing kept
        assertThat(Provenance.terminer()).isEqualTo(Provenance.ACTIVES);
    }
}
