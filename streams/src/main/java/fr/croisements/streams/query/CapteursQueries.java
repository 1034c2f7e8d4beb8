package fr.croisements.streams.query;

import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import java.util.List;

/**
 * Read-only access to the devices known to the pipeline (LoRaWAN sensors), for the map's point
 * layers. Implementations throw {@link StoreIndisponibleException} while the store cannot be read.
 */
public interface CapteursQueries {

    /** Every known device, by DevEUI. */
    List<SanteCapteur> capteurs();

    /** Every gateway seen in the receptions, by id. */
    default List<SantePasserelle> passerelles() {
        return List.of();
    }
}
