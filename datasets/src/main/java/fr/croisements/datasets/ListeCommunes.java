package fr.croisements.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The current communes of the COG as the lists of communes and of EPCI of an import give them,
 * with their EPCI, and the codes that are part of a current commune (former communes merged into
 * it, communes déléguées or associées, municipal arrondissements) when the lists say it.
 *
 * <p>Several files are merged: a commune found in two of them takes each field from the first file
 * that has it, so INSEE's COG (names, départements) and its composition communale des EPCI (or
 * Etalab's {@code epci.json}) make one list. Immutable once read.
 */
final class ListeCommunes {

    /**
     * A code that is not a current commune but part of one.
     *
     * @param code the code, e.g. of a commune merged since
     * @param nom its name, or {@code null} when the list does not give it
     * @param commune the current commune it is part of
     * @param lien how, in French: "commune déléguée de", "ancienne commune fusionnée dans"…
     */
    record Rattachement(String code, String nom, String commune, String lien) {}

    private final List<Path> fichiers;
    private final Map<String, LigneCommune> communes;
    private final Map<String, Rattachement> rattachements;
    private final Map<String, LigneEpci> epcis;
    private final List<Signalement> signalements;

    private ListeCommunes(List<Path> fichiers, Map<String, LigneCommune> communes, Map<String, Rattachement> rattachements,
            Map<String, LigneEpci> epcis, List<Signalement> signalements) {
        this.fichiers = List.copyOf(fichiers);
        this.communes = Collections.unmodifiableMap(communes);
        this.rattachements = Collections.unmodifiableMap(rattachements);
        this.epcis = Collections.unmodifiableMap(epcis);
        this.signalements = List.copyOf(signalements);
    }

    /**
     * Reads lists of communes and of EPCI, in the order given.
     *
     * @param listes files of nature {@link NatureFichier#COMMUNES} or {@link NatureFichier#EPCI}
     * @throws fr.croisements.events.EntreeInvalide naming the file when one lacks a column or is not
     *     the JSON expected
     */
    static ListeCommunes lire(List<FichiersOfficiels.Reconnu> listes) {
        var lecture = new Collecte();
        for (FichiersOfficiels.Reconnu liste : listes) {
            Path fichier = liste.chemin();
            switch (liste.forme()) {
                case COMMUNES_PROJET -> lecture.lire(liste.importer(LigneCommune::parse, tout -> true),
                        lecture::commune);
                case COMMUNES_EPCI_INSEE -> lecture.lire(liste.importer(LigneCommune::parseInsee, tout -> true), lecture::commune);
                case COMMUNES_COG -> lecture.lire(liste.importer(LigneCog::parse, tout -> true),
                        lecture::cog);
                case COMMUNES_ETALAB -> lecture.lire(TableauJson.importer(fichier, LigneCog::parseEtalab), lecture::cog);
                case EPCI_PROJET -> lecture.lire(liste.importer(LigneEpci::parse, tout -> true),
                        lecture::epci);
                case EPCI_INSEE -> lecture.lire(liste.importer(LigneEpci::parseInsee, tout -> true),
                        lecture::epci);
                case EPCI_ETALAB -> lecture.lire(TableauJson.importer(fichier, LigneEpci::parseEtalab), e -> {
                    lecture.epci(e.epci());
                    e.membres().forEach(code -> lecture.membres.putIfAbsent(code, e.epci().siren()));
                });
                default -> throw new IllegalArgumentException("Not a list of communes or EPCI: " + liste.forme());
            }
            if (liste.nature() == NatureFichier.COMMUNES) {
                lecture.fichiers.add(fichier);
            }
        }
        return lecture.resultat();
    }

    /** The current communes, sorted by code. */
    Collection<LigneCommune> communes() {
        return communes.values();
    }

    /** A current commune, with its EPCI when a list says it. */
    Optional<LigneCommune> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }

    /** The current commune a code is part of, when the lists say it (never for a current commune). */
    Optional<Rattachement> rattachement(String code) {
        return Optional.ofNullable(rattachements.get(code));
    }

    /** Whether the lists give any former code (the COG's déléguées and associées, Etalab's anciensCodes). */
    boolean connaitDesRattachements() {
        return !rattachements.isEmpty();
    }

    /** Whether the lists say which EPCI each commune belongs to (some commune has one). */
    boolean connaitLesEpci() {
        return communes.values().stream().anyMatch(c -> c.epciSiren() != null);
    }

    /** The départements of the current communes, sorted. */
    Set<String> departements() {
        var departements = new TreeSet<String>();
        communes.values().forEach(c -> departements.add(c.departement()));
        return departements;
    }

    /** The EPCI of the lists, by SIREN. */
    Map<String, LigneEpci> epcis() {
        return epcis;
    }

    /** Rows skipped and values repaired in the lists. */
    List<Signalement> signalements() {
        return signalements;
    }

    /** The names of the lists of communes read (not of EPCI), for a message: "a.csv, b.json". */
    String noms() {
        return String.join(", ", fichiers.stream().map(f -> f.getFileName().toString()).toList());
    }

    /** What is read, file after file, before the EPCI are joined to the communes. */
    private static final class Collecte {
        final List<Path> fichiers = new ArrayList<>();
        final Map<String, LigneCommune> communes = new TreeMap<>();
        final Map<String, Rattachement> rattachements = new TreeMap<>();
        final Map<String, LigneEpci> epcis = new TreeMap<>();
        /** Commune → SIREN, from Etalab's epci.json. */
        final Map<String, String> membres = new HashMap<>();
        final List<Signalement> signalements = new ArrayList<>();
        private String fichier;

        <T> void lire(ImportCsv<T> lu, Consumer<T> ajouter) {
            fichier = lu.fichier();
            signalements.addAll(lu.signalements());
            lu.valeurs().forEach(ajouter);
        }

        void commune(LigneCommune commune) {
            LigneCommune deja = communes.get(commune.codeInsee());
            if (deja == null) {
                communes.put(commune.codeInsee(), commune);
                return;
            }
            if (deja.epciSiren() != null && commune.epciSiren() != null && !deja.epciSiren().equals(commune.epciSiren())) {
                signalements.add(new Signalement(fichier, 0, Signalement.Gravite.AVERTISSEMENT, "la commune "
                        + commune.codeInsee() + " y est dans l'EPCI " + commune.epciSiren() + ", une liste lue avant la"
                        + " met dans l'EPCI " + deja.epciSiren() + " : " + deja.epciSiren() + " gardé"));
            }
            communes.put(commune.codeInsee(), new LigneCommune(commune.codeInsee(),
                    premier(deja, commune, LigneCommune::nom),
                    premier(deja, commune, LigneCommune::departement),
                    premier(deja, commune, LigneCommune::epciSiren),
                    premier(deja, commune, LigneCommune::epciNom),
                    premier(deja, commune, LigneCommune::epciType),
                    premier(deja, commune, LigneCommune::populationMunicipale)));
        }

        void cog(LigneCog ligne) {
            if (ligne.actuelle()) {
                commune(ligne.communeActuelle());
                ligne.anciensCodes().forEach(ancien -> rattachements.putIfAbsent(ancien,
                        new Rattachement(ancien, null, ligne.code(), "ancienne commune fusionnée dans")));
            } else {
                rattachements.putIfAbsent(ligne.code(), new Rattachement(ligne.code(), ligne.nom(), ligne.commune(),
                        ligne.lien()));
            }
        }

        void epci(LigneEpci epci) {
            epcis.putIfAbsent(epci.siren(), epci);
        }

        ListeCommunes resultat() {
            // a commune déléguée keeps the code of its commune nouvelle when it was its chef-lieu: not a former code
            rattachements.keySet().removeIf(communes::containsKey);
            communes.replaceAll((code, c) -> avecEpci(c));
            return new ListeCommunes(fichiers, communes, rattachements, epcis, signalements);
        }

        /** The commune with the EPCI of Etalab's epci.json and the name and type of the lists of EPCI, where it lacked them. */
        private LigneCommune avecEpci(LigneCommune c) {
            String siren = c.epciSiren() != null ? c.epciSiren() : membres.get(c.codeInsee());
            LigneEpci epci = siren == null ? null : epcis.get(siren);
            String nom = c.epciNom() != null ? c.epciNom() : epci == null ? null : epci.nom();
            String type = c.epciType() != null ? c.epciType() : epci != null && epci.type() != null ? epci.type()
                    : LigneCommune.typeEpci(nom);
            return new LigneCommune(c.codeInsee(), c.nom(), c.departement(), siren, nom, type, c.populationMunicipale());
        }

        private static <T> T premier(LigneCommune a, LigneCommune b, Function<LigneCommune, T> champ) {
            return champ.apply(a) != null ? champ.apply(a) : champ.apply(b);
        }
    }
}
