package fr.croisements.viz;

import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.StoreIndisponibleException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory devices and gateways, in insertion order; can pretend the stores are not readable yet. */
public final class FaussesCapteurs implements CapteursQueries {

    private final List<SanteCapteur> capteurs = new CopyOnWriteArrayList<>();
    private final List<SantePasserelle> passerelles = new CopyOnWriteArrayList<>();
    private volatile boolean indisponible;

    public FaussesCapteurs ajouter(SanteCapteur... nouveaux) {
        capteurs.addAll(List.of(nouveaux));
        return this;
    }

    public FaussesCapteurs ajouter(SantePasserelle... nouvelles) {
        passerelles.addAll(List.of(nouvelles));
        return this;
    }

    /** Replaces the gateway with the same id (a newer state of it). */
    public void remplacer(SantePasserelle passerelle) {
        passerelles.replaceAll(g -> g.id().equals(passerelle.id()) ? passerelle : g);
    }

    /** Replaces the device with the same DevEUI (a newer state of it). */
    public void remplacer(SanteCapteur capteur) {
        capteurs.replaceAll(c -> c.devEui().equals(capteur.devEui()) ? capteur : c);
    }

    public void vider() {
        capteurs.clear();
        passerelles.clear();
        indisponible = false;
    }

    public void rendreIndisponible() {
        indisponible = true;
    }

    @Override
    public List<SanteCapteur> capteurs() {
        if (indisponible) {
            throw new StoreIndisponibleException("store sante-capteurs-store not running",
                    new IllegalStateException("REBALANCING"));
        }
        return List.copyOf(capteurs);
    }

    @Override
    public List<SantePasserelle> passerelles() {
        if (indisponible) {
            throw new StoreIndisponibleException("store sante-passerelles-store not running",
                    new IllegalStateException("REBALANCING"));
        }
        return List.copyOf(passerelles);
    }

    /** A gateway that received {@code receptions} uplinks from the given devices. */
    public static SantePasserelle passerelle(String id, double longitude, double latitude, Instant derniereReception,
            long receptions, boolean simule, String... capteurs) {
        return new SantePasserelle(id, new Position(longitude, latitude, 30.0), derniereReception, List.of(capteurs),
                receptions, simule);
    }

    /** A temperature, humidity and CO₂ sensor heard by the given gateways, 120 frames with 3 lost. */
    public static SanteCapteur capteur(String devEui, double longitude, double latitude, Instant derniereReception,
            boolean simule, String... passerelles) {
        return new SanteCapteur(devEui, "milesight-em500-co2", new Position(longitude, latitude, null), derniereReception,
                Map.of("temperature", new Mesure(21.43, "°C"), "humidite", new Mesure(45, "%"),
                        "co2", new Mesure(612, "ppm"), "batterie", new Mesure(87, "%")),
                87.0, List.of(passerelles), 120, 3, 0, 4242L, simule);
    }
}
