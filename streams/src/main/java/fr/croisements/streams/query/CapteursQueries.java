package fr.croisements.streams.query;

import fr.croisements.events.SanteCapteur;
import java.util.List;

/**
 * Read-only access to the devices known to the pipeline (LoRaWAN sensors), for the map's point
 * layers. Implementations throw {@link StoreIndisponibleException} while the store cannot be read.
 */
public interface CapteursQueries {

    /** Every known device, by DevEUI. */
    List<SanteCapteur> capteurs();
}
