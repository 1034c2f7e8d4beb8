package fr.croisements.ingest.lora;

import fr.croisements.events.Mesure;
import java.util.Map;
import java.util.Objects;

/** What a {@link PayloadDecoder} made of a payload: measures, or the reason why not, in French. */
public sealed interface Decodage permits Decodage.Reussi, Decodage.Refuse {

    /** The payload was read entirely; {@code mesures} may be empty (a start-up or debug frame). */
    record Reussi(Map<String, Mesure> mesures) implements Decodage {
        public Reussi {
            mesures = Map.copyOf(mesures);
        }
    }

    /** The payload could not be read: wrong length, unknown channel or port, unknown model... */
    record Refuse(String raison) implements Decodage {
        public Refuse {
            Objects.requireNonNull(raison, "raison");
        }
    }

    static Decodage reussi(Map<String, Mesure> mesures) {
        return new Reussi(mesures);
    }

    static Decodage refuse(String raison) {
        return new Refuse(raison);
    }
}
