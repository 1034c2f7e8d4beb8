package fr.croisements.ingest.lora;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import java.util.Objects;

/** What an adapter made of one network-server message: pure, nothing sent yet. */
public sealed interface Lecture permits Lecture.Uplink, Lecture.Statut, Lecture.Ignore, Lecture.Invalide {

    /**
     * An uplink to publish on {@code lora-uplinks}.
     *
     * @param avertissement when not {@code null}, why the payload gave no measure (unknown model,
     *     payload the decoder refused, decoded fields not recognised): the uplink is still published
     *     for its radio metadata, and a reject with this reason goes to {@code rejets}
     */
    record Uplink(LoraUplink uplink, String avertissement) implements Lecture {
        public Uplink {
            Objects.requireNonNull(uplink, "uplink");
        }
    }

    /** A device status (ChirpStack {@code status} event) to publish on {@code lora-statuts}. */
    record Statut(LoraStatut statut) implements Lecture {
        public Statut {
            Objects.requireNonNull(statut, "statut");
        }
    }

    /** A well-formed message that carries no measurement ({@code join}, {@code ack}...): counted, not published. */
    record Ignore(String type) implements Lecture {
        public Ignore {
            Objects.requireNonNull(type, "type");
        }
    }

    /** An unusable message, with the reason in French: published to {@code rejets}. */
    record Invalide(String raison) implements Lecture {
        public Invalide {
            Objects.requireNonNull(raison, "raison");
        }
    }
}
