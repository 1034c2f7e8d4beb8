package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraUplink;
import fr.croisements.ingest.Horodatages;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When the network received an uplink, and where that time comes from (one of the
 * {@code LoraUplink.ORIGINE_*} values, kept in {@link LoraUplink#origineInstant()}).
 *
 * @param instant the reception time
 * @param origine {@link LoraUplink#ORIGINE_RESEAU}, {@link LoraUplink#ORIGINE_PASSERELLE},
 *     {@link LoraUplink#ORIGINE_HORLOGE_PASSERELLE} or {@link LoraUplink#ORIGINE_INGESTION}
 */
record DateReception(Instant instant, String origine) {

    DateReception {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(origine, "origine");
    }

    /**
     * The earliest date in the field {@code champ} of the objects of a JSON array (the gateways'
     * receptions), or {@code null} when none has a readable one. An unreadable date, or one a Kafka
     * record cannot carry (a gateway without GPS says year 1: {@link Horodatages}), is skipped:
     * these dates only stand in for the network server's.
     */
    static DateReception auPlusTot(JsonNode receptions, String champ, String origine) {
        Instant plusTot = null;
        for (JsonNode rx : receptions) {
            String texte = rx.isObject() ? Normalisation.texte(rx, champ) : null;
            if (texte == null) {
                continue;
            }
            try {
                Instant t = Normalisation.instant(texte);
                if (Horodatages.publiable(t) && (plusTot == null || t.isBefore(plusTot))) {
                    plusTot = t;
                }
            } catch (DateTimeParseException e) {
                // skipped, see above
            }
        }
        return plusTot == null ? null : new DateReception(plusTot, origine);
    }
}
