package fr.croisements.ingest.lora;

import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.Position;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the user (or the simulator) knows about its devices and the messages do not say: the
 * model of each DevEUI, so that its payload can be decoded, and where it is installed, for
 * ChirpStack uplinks (which carry no device position) and TTS devices without a registered location.
 *
 * <p>Read from a small CSV file ({@link #lire}), UTF-8, header line required, separator {@code ,}
 * or {@code ;} (the one in the header): {@code dev_eui} (required), {@code modele},
 * {@code longitude}, {@code latitude}, {@code altitude} (optional; longitude and latitude go
 * together, WGS84 degrees). A default model ({@code --modele}) applies to the devices whose model
 * neither the file nor the message gives.
 *
 * <p>Immutable and thread-safe.
 */
public final class Appareils {

    /**
     * @param devEui 16 uppercase hex characters
     * @param modele a model id or alias (see {@link DecodeurRegistre#resoudre}), or {@code null}
     * @param position where it is installed, or {@code null}
     */
    public record Appareil(String devEui, String modele, Position position) {
        public Appareil {
            Objects.requireNonNull(devEui, "devEui");
        }
    }

    private static final Appareils AUCUN = new Appareils(Map.of(), null);

    private final Map<String, Appareil> parDevEui;
    private final String modeleParDefaut;

    private Appareils(Map<String, Appareil> parDevEui, String modeleParDefaut) {
        this.parDevEui = Map.copyOf(parDevEui);
        this.modeleParDefaut = modeleParDefaut;
    }

    /** No device known, no default model. */
    public static Appareils aucun() {
        return AUCUN;
    }

    /**
     * @throws IllegalArgumentException when a DevEUI is not 16 hex characters or appears twice
     */
    public static Appareils de(Collection<Appareil> appareils) {
        var map = new HashMap<String, Appareil>();
        for (Appareil a : appareils) {
            String devEui = Normalisation.devEui(a.devEui());
            if (devEui == null) {
                throw new IllegalArgumentException("DevEUI invalide : « " + a.devEui() + " » (16 caractères hexadécimaux attendus)");
            }
            if (map.put(devEui, new Appareil(devEui, a.modele(), a.position())) != null) {
                throw new IllegalArgumentException("appareil en double : " + devEui);
            }
        }
        return new Appareils(map, null);
    }

    /**
     * Reads a devices file.
     *
     * @throws EntreeInvalide with {@code fichier:ligne} and a French reason when a line is unusable
     */
    public static Appareils lire(Path fichier) throws IOException {
        try (BufferedReader lecteur = Files.newBufferedReader(fichier, StandardCharsets.UTF_8)) {
            return lire(lecteur, fichier.getFileName().toString());
        }
    }

    static Appareils lire(Reader lecteur, String nom) throws IOException {
        var tampon = lecteur instanceof BufferedReader b ? b : new BufferedReader(lecteur);
        String entete = tampon.readLine();
        if (entete == null || entete.isBlank()) {
            throw new EntreeInvalide(nom, 1, "fichier d'appareils vide (en-tête attendu : dev_eui,modele,longitude,latitude)");
        }
        if (entete.charAt(0) == '\uFEFF') {
            entete = entete.substring(1);
        }
        char separateur = entete.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separateur).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<String> colonnes;
        try (CSVParser p = CSVParser.parse(entete, format)) {
            colonnes = p.getRecords().get(0).toList().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        }
        if (!colonnes.contains("dev_eui")) {
            throw new EntreeInvalide(nom, 1, "colonne manquante : dev_eui");
        }
        var appareils = new HashMap<String, Appareil>();
        try (CSVParser p = CSVParser.parse(tampon, format)) {
            for (CSVRecord r : p) {
                long ligne = r.getRecordNumber() + 1; // the header is line 1
                if (r.size() != colonnes.size()) {
                    throw new EntreeInvalide(nom, ligne, "nombre de champs incorrect : " + r.size() + " au lieu de " + colonnes.size());
                }
                String brut = valeur(r, colonnes, "dev_eui");
                String devEui = Normalisation.devEui(brut);
                if (devEui == null) {
                    throw new EntreeInvalide(nom, ligne, "DevEUI invalide : « " + brut + " » (16 caractères hexadécimaux attendus)");
                }
                String modele = valeur(r, colonnes, "modele");
                Position pos = position(r, colonnes, nom, ligne);
                if (appareils.put(devEui, new Appareil(devEui, modele.isEmpty() ? null : modele, pos)) != null) {
                    throw new EntreeInvalide(nom, ligne, "appareil en double : " + devEui);
                }
            }
        }
        return new Appareils(appareils, null);
    }

    /** The same devices, with a default model for devices whose model is otherwise unknown. */
    public Appareils avecModeleParDefaut(String modele) {
        return new Appareils(parDevEui, modele == null || modele.isBlank() ? null : modele.strip());
    }

    /** What is known of a device, by normalised DevEUI. */
    public Optional<Appareil> appareil(String devEui) {
        return Optional.ofNullable(parDevEui.get(devEui));
    }

    public Collection<Appareil> tous() {
        return parDevEui.values();
    }

    public Optional<String> modeleParDefaut() {
        return Optional.ofNullable(modeleParDefaut);
    }

    private static String valeur(CSVRecord r, List<String> colonnes, String colonne) {
        int i = colonnes.indexOf(colonne);
        return i < 0 ? "" : r.get(i).strip();
    }

    private static Position position(CSVRecord r, List<String> colonnes, String nom, long ligne) {
        String lon = valeur(r, colonnes, "longitude");
        String lat = valeur(r, colonnes, "latitude");
        if (lon.isEmpty() && lat.isEmpty()) {
            return null;
        }
        Double longitude = nombre(lon);
        Double latitude = nombre(lat);
        if (longitude == null || longitude < -180 || longitude > 180) {
            throw new EntreeInvalide(nom, ligne, "longitude illisible ou hors de [-180, 180] : « " + lon + " »");
        }
        if (latitude == null || latitude < -90 || latitude > 90) {
            throw new EntreeInvalide(nom, ligne, "latitude illisible ou hors de [-90, 90] : « " + lat + " »");
        }
        String alt = valeur(r, colonnes, "altitude");
        Double altitude = alt.isEmpty() ? null : nombre(alt);
        if (!alt.isEmpty() && altitude == null) {
            throw new EntreeInvalide(nom, ligne, "altitude illisible : « " + alt + " »");
        }
        return new Position(longitude, latitude, altitude);
    }

    private static Double nombre(String texte) {
        try {
            double v = Double.parseDouble(texte.replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
