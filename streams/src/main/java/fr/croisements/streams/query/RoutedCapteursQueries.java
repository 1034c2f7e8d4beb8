package fr.croisements.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import fr.croisements.streams.lora.SanteCapteursTopology;
import java.util.List;

/**
 * The devices and gateways, whichever instance holds them (see {@link RoutedIndicateursQueries}:
 * the same scatter-gather, the same fallback to standby replicas). Thread-safe.
 */
public final class RoutedCapteursQueries implements CapteursQueries {

    private static final TypeReference<List<SanteCapteur>> CAPTEURS = new TypeReference<>() {};
    private static final TypeReference<List<SantePasserelle>> PASSERELLES = new TypeReference<>() {};

    private final LocalCapteursQueries locales;
    private final LocalCapteursQueries secours;
    private final Instances instances;

    public RoutedCapteursQueries(LocalCapteursQueries locales, LocalCapteursQueries secours, Instances instances) {
        this.locales = locales;
        this.secours = secours;
        this.instances = instances;
    }

    @Override
    public List<SanteCapteur> capteurs() {
        return Instances.uniques(instances.rassembler(SanteCapteursTopology.STORE, "/interne/capteurs", locales::capteurs,
                secours::capteurs, CAPTEURS), SanteCapteur::devEui);
    }

    @Override
    public List<SantePasserelle> passerelles() {
        return Instances.uniques(instances.rassembler(SanteCapteursTopology.STORE_PASSERELLES, "/interne/passerelles",
                locales::passerelles, secours::passerelles, PASSERELLES), SantePasserelle::id);
    }
}
