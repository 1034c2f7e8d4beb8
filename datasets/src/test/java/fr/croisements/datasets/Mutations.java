package fr.croisements.datasets;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Damaged copies of real samples, the way files and messages arrive damaged: cut short, a byte
 * flipped, a number replaced by a word or by a huge one, nested too deep, saved in another encoding,
 * with byte order marks, empty or duplicated columns, lines doubled or lost. Each input keeps the
 * list of what was done to it, so that a failing try says how its input was made.
 *
 * <p>Generated from jqwik's own {@link Random} ({@link Arbitraries#randomValue}): a failing seed replays
 * the same input.
 */
public final class Mutations {

    /** One generated input: the bytes, the sample it came from and what was done to it. */
    public record Entree(String echantillon, List<String> mutations, byte[] octets) {
        public String texte() {
            return new String(octets, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String t = texte();
            return echantillon + " " + mutations + " (" + octets.length + " octets) : "
                    + (t.length() > 600 ? t.substring(0, 600) + "…" : t);
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Values of the wrong type, or out of any range, to put where a number or a word stood. */
    static final List<String> VALEURS_HOSTILES = List.of("", " ", "abc", "dix", "null", "true", "[]", "{}", "\"\"",
            "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "1E999999999", "1e2147483648",
            "99999999999999999999999999999", "-9223372036854775809", "9223372036854775808", "2147483648", "-0", "0x1F",
            "1,5", "12,5", "1.000,5", "1 000", "+5", "--3", "9".repeat(400), "0".repeat(50) + "1", "١٢٣", "٣",
            "2025-02-30T00:00:00Z", "2025-03-04T06:12:00", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "2025-03-04T25:61:00+01:00", "2025-03-04T06:12:00+25:00", "AAAA", "====", "A===", "/w==", "é",
            "\u0000", "\uFFFD", "\uD800", "\uDC00x", "😀", "\u202E", "«", "»", "\"", ";", ",", "\t", "\\", "\\u0000",
            "x".repeat(5000));

    /** Characters that matter to a parser, inserted anywhere. */
    private static final List<String> CARACTERES = List.of("\"", ";", ",", "{", "}", "[", "]", ":", "\n", "\r", "\r\n",
            "\\", "\uFEFF", "\u0000", " ", "\t", "'", "«", "é", "\u2028");

    private static final Pattern NOMBRE = Pattern.compile("-?\\d+(?:[.,]\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern MOT = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_-]*");
    private static final Pattern CHAINE_JSON = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");

    private final List<String> echantillons;
    private final List<String> noms;
    private final boolean json;
    private final int tailleMax;

    /**
     * @param noms the samples' names, for the failure messages
     * @param echantillons the samples, real files or messages written for the project
     * @param json whether the inputs are JSON (nesting and JSON value swaps are then likelier)
     * @param tailleMax the largest input kept, in characters (a longer one is cut), to keep tries fast
     */
    public Mutations(List<String> noms, List<String> echantillons, boolean json, int tailleMax) {
        if (noms.size() != echantillons.size() || echantillons.isEmpty()) {
            throw new IllegalArgumentException("one name per sample");
        }
        this.noms = List.copyOf(noms);
        this.echantillons = List.copyOf(echantillons);
        this.json = json;
        this.tailleMax = tailleMax;
    }

    /** Mutations of test resources ({@code src/test/resources/<chemin>}), the project's own samples. */
    public static Mutations depuisRessources(boolean json, int tailleMax, String... chemins) {
        var textes = new ArrayList<String>();
        for (String chemin : chemins) {
            try (var in = Mutations.class.getResourceAsStream("/" + chemin)) {
                if (in == null) {
                    throw new IllegalArgumentException("No test resource /" + chemin);
                }
                textes.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Mutations(List.of(chemins), textes, json, tailleMax);
    }

    /** Inputs: one sample (now and then left intact, or two glued), then one to four mutations. */
    public Arbitrary<Entree> entrees() {
        return Arbitraries.randomValue(this::generer);
    }

    Entree generer(Random r) {
        int i = r.nextInt(echantillons.size());
        String texte = echantillons.get(i);
        var faites = new ArrayList<String>();
        if (r.nextInt(10) == 0) {
            int j = r.nextInt(echantillons.size());
            texte = texte + (json ? "\n" : "") + echantillons.get(j);
            faites.add("collé à " + noms.get(j));
        }
        int n = r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(4);
        byte[] octets = null;
        for (int k = 0; k < n; k++) {
            int op = r.nextInt(json ? 20 : 19);
            boolean surOctets = op >= 16 && op <= 18;
            if (surOctets && octets == null) {
                octets = texte.getBytes(StandardCharsets.UTF_8);
            } else if (!surOctets && octets != null) {
                // a text mutation after a byte one: the bytes, read back, are the new text
                texte = new String(octets, StandardCharsets.UTF_8);
                octets = null;
            }
            switch (op) {
                case 0 -> {
                    int p = r.nextInt(texte.length() + 1);
                    texte = texte.substring(0, p);
                    faites.add("tronqué à " + p);
                }
                case 1 -> {
                    int a = r.nextInt(texte.length() + 1);
                    int b = Math.min(texte.length(), a + r.nextInt(40));
                    texte = texte.substring(0, a) + texte.substring(b);
                    faites.add("retiré " + a + "-" + b);
                }
                case 2, 3 -> {
                    String v = hostile(r);
                    texte = remplacer(texte, NOMBRE, v, r);
                    faites.add("nombre remplacé par " + court(v));
                }
                case 4 -> {
                    String v = hostile(r);
                    texte = remplacer(texte, json ? CHAINE_JSON : MOT, json ? jsonValeur(v, r) : v, r);
                    faites.add("valeur remplacée par " + court(v));
                }
                case 5 -> {
                    int p = r.nextInt(texte.length() + 1);
                    String c = CARACTERES.get(r.nextInt(CARACTERES.size()));
                    texte = texte.substring(0, p) + c + texte.substring(p);
                    faites.add("inséré " + court(c) + " en " + p);
                }
                case 6 -> {
                    texte = lignes(texte, r, "doublée");
                    faites.add("ligne doublée");
                }
                case 7 -> {
                    texte = lignes(texte, r, "retirée");
                    faites.add("ligne retirée");
                }
                case 8 -> {
                    texte = lignes(texte, r, "échangée");
                    faites.add("lignes échangées");
                }
                case 9 -> {
                    texte = colonne(texte, r, true);
                    faites.add("colonne vide ajoutée");
                }
                case 10 -> {
                    texte = colonne(texte, r, false);
                    faites.add("colonne doublée");
                }
                case 11 -> {
                    texte = "\uFEFF" + texte;
                    faites.add("BOM");
                }
                case 12 -> {
                    texte = r.nextBoolean() ? texte.replace("\n", "\r\n") : texte.replace("\n", "\r");
                    faites.add("fins de ligne");
                }
                case 13 -> {
                    int p = r.nextInt(texte.length() + 1);
                    int q = Math.min(texte.length(), p + r.nextInt(200));
                    String bout = texte.substring(p, q);
                    int fois = 1 + r.nextInt(20);
                    texte = texte.substring(0, q) + bout.repeat(fois) + texte.substring(q);
                    faites.add("morceau répété " + fois + " fois");
                }
                case 14 -> {
                    texte = texte.isEmpty() ? texte : " ".repeat(r.nextInt(3)) + texte.strip() + "\n".repeat(r.nextInt(4));
                    faites.add("blancs autour");
                }
                case 15 -> {
                    int profondeur = List.of(5, 200, 1500, 20_000).get(r.nextInt(4));
                    texte = imbriquer(texte, profondeur, r);
                    faites.add("imbriqué " + profondeur + " fois");
                }
                case 16 -> {
                    int bits = 1 + r.nextInt(5);
                    for (int b = 0; b < bits && octets.length > 0; b++) {
                        int p = r.nextInt(octets.length);
                        octets[p] ^= (byte) (1 << r.nextInt(8));
                    }
                    faites.add(bits + " bits inversés");
                }
                case 17 -> {
                    octets = encoder(texte, r, faites);
                }
                case 18 -> {
                    byte[] aleatoires = new byte[1 + r.nextInt(8)];
                    r.nextBytes(aleatoires);
                    int p = r.nextInt(octets.length + 1);
                    byte[] nouveaux = new byte[octets.length + aleatoires.length];
                    System.arraycopy(octets, 0, nouveaux, 0, p);
                    System.arraycopy(aleatoires, 0, nouveaux, p, aleatoires.length);
                    System.arraycopy(octets, p, nouveaux, p + aleatoires.length, octets.length - p);
                    octets = nouveaux;
                    faites.add(aleatoires.length + " octets au hasard en " + p);
                }
                default -> {
                    texte = jsonType(texte, r);
                    faites.add("type JSON changé");
                }
            }
            if (texte.length() > tailleMax) {
                texte = texte.substring(0, tailleMax);
            }
        }
        if (octets == null) {
            octets = texte.getBytes(StandardCharsets.UTF_8);
        }
        return new Entree(noms.get(i), faites, octets);
    }

    private static String hostile(Random r) {
        return VALEURS_HOSTILES.get(r.nextInt(VALEURS_HOSTILES.size()));
    }

    private static String court(String v) {
        return v.length() > 20 ? v.substring(0, 20) + "…(" + v.length() + ")" : v.replace("\n", "\\n").replace("\r", "\\r");
    }

    /** In JSON, a hostile value as a string, a bare number, or a structure. */
    private static String jsonValeur(String v, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 1 -> NOMBRE.matcher(v).matches() || v.equals("true") || v.equals("null") ? v : "\"" + v + "\"";
            default -> List.of("[]", "{}", "null", "[1,2]", "{\"a\":{}}", "123", "true", "-1e400", "1e400").get(r.nextInt(9));
        };
    }

    /** Replaces one match of a pattern, chosen at random. */
    private static String remplacer(String texte, Pattern motif, String valeur, Random r) {
        Matcher m = motif.matcher(texte);
        var debuts = new ArrayList<int[]>();
        while (m.find() && debuts.size() < 500) {
            debuts.add(new int[] {m.start(), m.end()});
        }
        if (debuts.isEmpty()) {
            return texte;
        }
        int[] choisi = debuts.get(r.nextInt(debuts.size()));
        return texte.substring(0, choisi[0]) + valeur + texte.substring(choisi[1]);
    }

    private static String lignes(String texte, Random r, String quoi) {
        var lignes = new ArrayList<>(Arrays.asList(texte.split("\n", -1)));
        if (lignes.isEmpty()) {
            return texte;
        }
        int i = r.nextInt(lignes.size());
        switch (quoi) {
            case "doublée" -> lignes.add(i, lignes.get(i));
            case "retirée" -> lignes.remove(i);
            default -> {
                int j = r.nextInt(lignes.size());
                String l = lignes.get(i);
                lignes.set(i, lignes.get(j));
                lignes.set(j, l);
            }
        }
        return String.join("\n", lignes);
    }

    /** An empty column, or a copy of an existing one (name included), added to every line. */
    private static String colonne(String texte, Random r, boolean vide) {
        String[] lignes = texte.split("\n", -1);
        if (lignes.length == 0 || lignes[0].isEmpty()) {
            return texte;
        }
        char sep = lignes[0].indexOf(';') >= 0 ? ';' : ',';
        String[] entete = lignes[0].split(Pattern.quote(String.valueOf(sep)), -1);
        int c = r.nextInt(entete.length);
        var sortie = new StringBuilder();
        for (int l = 0; l < lignes.length; l++) {
            String[] champs = lignes[l].split(Pattern.quote(String.valueOf(sep)), -1);
            var liste = new ArrayList<>(Arrays.asList(champs));
            int p = Math.min(c, liste.size());
            String ajout = vide ? "" : (c < champs.length ? champs[c] : "");
            if (!lignes[l].isEmpty() || l == 0) {
                liste.add(p, ajout);
            }
            if (l > 0) {
                sortie.append('\n');
            }
            sortie.append(String.join(String.valueOf(sep), liste));
        }
        return sortie.toString();
    }

    /** The text, or one of its values, inside many arrays or objects. */
    private static String imbriquer(String texte, int profondeur, Random r) {
        String ouvre = r.nextBoolean() ? "[" : "{\"a\":";
        String ferme = ouvre.equals("[") ? "]" : "}";
        if (r.nextBoolean()) {
            return ouvre.repeat(profondeur) + texte + ferme.repeat(profondeur);
        }
        String cible = ouvre.repeat(profondeur) + "1" + ferme.repeat(r.nextInt(10) == 0 ? profondeur / 2 : profondeur);
        return remplacer(texte, NOMBRE, cible, r);
    }

    /** A JSON value of another type: an object where a string was, a number as a string, an array for an object. */
    private static String jsonType(String texte, Random r) {
        Matcher m = Pattern.compile("\"([A-Za-z_@]+)\"\\s*:\\s*").matcher(texte);
        var fins = new ArrayList<Integer>();
        while (m.find() && fins.size() < 500) {
            fins.add(m.end());
        }
        if (fins.isEmpty()) {
            return texte;
        }
        int debut = fins.get(r.nextInt(fins.size()));
        int fin = finValeur(texte, debut);
        String valeur = texte.substring(debut, fin);
        String nouvelle = switch (r.nextInt(6)) {
            case 0 -> "[" + valeur + "]";
            case 1 -> "{\"valeur\":" + valeur + "}";
            case 2 -> valeur.startsWith("\"") ? valeur.substring(1, Math.max(1, valeur.length() - 1)) : "\"" + valeur + "\"";
            case 3 -> "null";
            case 4 -> List.of("0", "-1", "1e308", "3.5", "18446744073709551616", "true", "\"\"").get(r.nextInt(7));
            default -> "[" + valeur + "," + valeur + "]";
        };
        return texte.substring(0, debut) + nouvelle + texte.substring(fin);
    }

    /** The end of the JSON value starting at {@code debut} (an approximation, enough to mutate). */
    private static int finValeur(String texte, int debut) {
        int profondeur = 0;
        boolean chaine = false;
        for (int i = debut; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (chaine) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    chaine = false;
                    if (profondeur == 0) {
                        return i + 1;
                    }
                }
                continue;
            }
            switch (c) {
                case '"' -> chaine = true;
                case '{', '[' -> profondeur++;
                case '}', ']' -> {
                    if (profondeur == 0) {
                        return i;
                    }
                    profondeur--;
                    if (profondeur == 0) {
                        return i + 1;
                    }
                }
                case ',' -> {
                    if (profondeur == 0) {
                        return i;
                    }
                }
                default -> { }
            }
        }
        return texte.length();
    }

    /** The text saved in another encoding: UTF-16 with or without its mark, Windows-1252, Latin-1, or UTF-8 with a mark. */
    private static byte[] encoder(String texte, Random r, List<String> faites) {
        switch (r.nextInt(6)) {
            case 0 -> {
                faites.add("UTF-16LE avec BOM");
                return ("\uFEFF" + texte).getBytes(StandardCharsets.UTF_16LE);
            }
            case 1 -> {
                faites.add("UTF-16BE");
                return texte.getBytes(StandardCharsets.UTF_16BE);
            }
            case 2 -> {
                faites.add("Windows-1252");
                return texte.getBytes(WINDOWS_1252);
            }
            case 3 -> {
                faites.add("ISO-8859-1");
                return texte.getBytes(StandardCharsets.ISO_8859_1);
            }
            case 4 -> {
                faites.add("UTF-8, BOM doublé");
                return ("\uFEFF\uFEFF" + texte).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                faites.add("octets UTF-8 invalides");
                byte[] octets = texte.getBytes(StandardCharsets.UTF_8);
                byte[] sortie = Arrays.copyOf(octets, octets.length + 3);
                int p = r.nextInt(octets.length + 1);
                System.arraycopy(octets, p, sortie, p + 3, octets.length - p);
                sortie[p] = (byte) 0xC3;
                sortie[p + 1] = (byte) 0xFF;
                sortie[p + 2] = (byte) 0xE2;
                return sortie;
            }
        }
    }
}
