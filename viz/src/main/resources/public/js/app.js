// Composition root of the page: reads the territory, indicator and period asked for
// (?territoire=…&indicateur=…&periode=…), builds the map, then draws the chosen territory with the chosen
// indicator (layer, legend, panel, title), redrawn in place when the selectors or the period change, and
// kept up to date from the live events of its territory and indicator while the latest period is shown; the devices of
// the territory and the antennas that hear them, when it has some, as two layers of their own
// refreshed every 10 s. No API address here (see api.js).

import * as L from 'leaflet';
import {
  adresseCsv, adresseGeoJson, adresseParkings, adresseParkingsFiware, avecNouveauxEssais as avecEssais, getCapteurs,
  getCommunes, getHorloge, getIndicateurs, getIris, getParkings, getPasserelles, getPeriodes, getTerritoire, getTerritoires,
} from './api.js';
import { activerClavier } from './acces.js';
import { creerCoucheAntennes } from './antennes.js';
import { creerControlePoints, creerCoucheCapteurs } from './capteurs.js';
import { creerCoucheParkings } from './parkings.js';
import { estAuMoinsAussiRecente, proprietesDepuisCellule } from './cellules.js';
import { classesPour, style } from './choropleth.js';
import { cadrer } from './cadrage.js';
import { heureSimulee, ilYA } from './format.js';
import { estEnRetard, periodeDeRafraichissement, texteFraicheur } from './fraicheur.js';
import { onLiveEvent, onLiveStatus, suivre } from './live.js';
import { blocManque } from './manques.js';
import { creerNavigationPeriodes, indexPeriode } from './periodes.js';
import {
  contenuCommune, legende, ligneCommune, majLigneCommune, majResultat, remplirFiche, resumeCommune,
} from './vues.js';

const TERRITOIRE_PAR_DEFAUT = 'bassin-de-pompey';
// Our own fixed wording: Leaflet inserts attributions as HTML, so no external data goes there.
const ATTRIBUTIONS = ['Insee', 'IGN, Admin Express (via france-geojson)'];
// what is simulated, by indicator; the devices' layer says it too (Leaflet counts identical attributions once)
const ATTRIBUTIONS_SIMULEES = {
  'taux-presentation-bacs': 'données simulées (levées de bacs)',
  'exposition-chaleur-75-plus': 'données simulées (capteurs)',
  'couverture-lora': 'données simulées (capteurs)',
  'occupation-parkings-pointe': 'données simulées (parkings)',
};
const ATTRIBUTION_SIMULEES = 'données simulées';
const ATTRIBUTION_CAPTEURS_SIMULES = 'données simulées (capteurs)';
const ATTRIBUTION_PARKINGS_SIMULES = 'données simulées (parkings)';
// 10 s, or ?rafraichissement=<seconds> (fraicheur.js)
const RAFRAICHISSEMENT_CAPTEURS_MS = periodeDeRafraichissement(new URLSearchParams(window.location.search));
// a live cell of these indicators comes with new device states: read them soon, once for a burst of cells
const INDICATEURS_DES_CAPTEURS = new Set(['exposition-chaleur-75-plus', 'couverture-lora']);
const DELAI_CAPTEURS_APRES_CELLULE_MS = 1000;
// a live cell for a commune that had none comes without its sources: read the map again, once for a burst
const DELAI_RELECTURE_APRES_CELLULE_MS = 1000;
// wide enough for "Taux de présentation des bacs" beside its value, narrower than a phone
const LARGEUR_FENETRE = Math.min(400, window.innerWidth - 48);
const PREFIXE_ATTRIBUTION = '<a href="https://leafletjs.com" title="Bibliothèque de cartes interactives">Leaflet</a>';

const etat = document.getElementById('etat');
const noteSecours = document.getElementById('secours');
// an answer from a standby replica: read the map again a little later, when the instance is back or replaced
const RELECTURE_SECOURS_MS = 10000;
let relectureSecours = null;
const horloge = document.getElementById('horloge');
const choixTerritoire = document.getElementById('choix-territoire');
const choixIndicateur = document.getElementById('choix-indicateur');
const blocIndicateur = document.getElementById('bloc-indicateur');
const choixNiveau = document.getElementById('choix-niveau');
const blocNiveau = document.getElementById('bloc-niveau');

/** What the page shows now; every redraw replaces it whole. */
const vue = {
  territoires: [],
  indicateurs: [], // every definition of the catalogue
  territoire: null,
  definition: null,
  niveau: 'commune', // 'commune' or 'iris': the zones drawn
  contourCommunes: null, // at IRIS level, the outline of the communes above their IRIS
  classes: null,
  carte: null,
  couche: null,
  legende: null,
  capteurs: null, // the devices' layer (capteurs.js)
  antennes: null, // the antennas' layer (antennes.js)
  parkings: null, // the car parks' layer (parkings.js)
  periodes: null, // the "Période" control (periodes.js): the latest period, or a past one not followed live
  vueElargie: false, // whether the view was widened to the antennas of the territory drawn
  attributions: new Map(), // 'communes' | 'capteurs' | 'antennes' -> attribution text shown
  communes: new Map(), // code commune -> { couche, ligne }
  demande: 0, // number of the latest redraw asked for: an older one that ends late is dropped
};
let derniereMiseAJour = null;
let directInterrompu = false;
// the live connection follows another map: read the values again once it is open (cells sent meanwhile are lost)
let abonnementChange = false;
let avertissement = '';

function afficherEtat(texte, erreur = false) {
  etat.textContent = texte;
  etat.classList.toggle('erreur', erreur);
}

function rafraichirEtat() {
  if (derniereMiseAJour === null) {
    return;
  }
  const age = ilYA((Date.now() - derniereMiseAJour) / 1000);
  const direct = directInterrompu ? ' — connexion en direct interrompue, nouvelle tentative en cours' : '';
  const passee = vue.periodes?.messageEtat() ?? null; // a past period: say that the live updates wait
  afficherEtat(`${avertissement}${passee ?? `Mis à jour ${age}`}${direct}`, directInterrompu || avertissement !== '');
  afficherFraicheurCommunes();
}

/**
 * How recent the communes' values are (last load or live cell applied), in the legend; a warning
 * once the live connection is lost and nothing came for three refresh periods.
 */
function afficherFraicheurCommunes() {
  const ligne = vue.legende?.getContainer()?.querySelector('.fraicheur');
  if (!ligne) {
    return;
  }
  if (vue.periodes?.estPassee()) {
    // a past window does not change: how recent the read is would mislead
    ligne.textContent = `${vue.niveau === 'iris' ? 'IRIS' : 'Communes'} — ${(vue.periodes.libelle() ?? '').toLowerCase()},`
      + ' période passée';
    ligne.classList.remove('en-retard');
    return;
  }
  const secondes = (Date.now() - derniereMiseAJour) / 1000;
  const enRetard = directInterrompu && estEnRetard(secondes, RAFRAICHISSEMENT_CAPTEURS_MS);
  ligne.textContent = `${vue.niveau === 'iris' ? 'IRIS' : 'Communes'} — ${texteFraicheur(secondes, enRetard)}`;
  ligne.classList.toggle('en-retard', enRetard);
}

function afficherHorloge(simulee) {
  horloge.hidden = !simulee;
  horloge.textContent = simulee ? `Heure simulée : ${heureSimulee(simulee)}` : '';
  vue.periodes?.horloge(simulee ?? null);
}

/**
 * Says, discreetly, when the communes' values came partly from a standby replica (an instance of the
 * cluster is away: they may lag a few seconds) or lack some communes, and reads them again a little later.
 */
function afficherProvenance(reponse) {
  const secours = Boolean(reponse?.secours);
  const incomplete = reponse?.complete === false;
  noteSecours.hidden = !secours && !incomplete;
  noteSecours.textContent = incomplete
    ? 'Réponse incomplète : une instance ne répond pas, certaines communes peuvent manquer ; mise à jour en cours'
    : (secours ? 'Réponse d\'une réplique de secours : mise à jour en cours' : '');
  clearTimeout(relectureSecours);
  if (!noteSecours.hidden) {
    relectureSecours = setTimeout(() => recharger().catch((e) => afficherEtat(e.message, true)), RELECTURE_SECOURS_MS);
  }
}

/** Retries while the server answers 503 (its stores are still loading), showing its message. */
const avecNouveauxEssais = (appel) => avecEssais(appel, (message) => afficherEtat(message));

function creerCarte() {
  // Leaflet's own controls are labelled in English: ours are given French titles
  const carte = L.map('carte', { zoomSnap: 0.25, preferCanvas: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: 'Agrandir', zoomOutTitle: 'Réduire' }).addTo(carte);
  carte.attributionControl.setPrefix(PREFIXE_ATTRIBUTION);
  ATTRIBUTIONS.forEach((a) => carte.attributionControl.addAttribution(a));
  carte.on('popupopen', (e) => e.popup.getElement()?.querySelector('.leaflet-popup-close-button')
    ?.setAttribute('aria-label', 'Fermer'));
  return carte;
}

function option(valeur, texte) {
  const o = document.createElement('option');
  o.value = valeur;
  o.textContent = texte;
  return o;
}

/** The territory asked for, or the default one with a warning. */
function choisirTerritoire(demande) {
  const trouve = vue.territoires.find((t) => t.id === demande);
  if (demande && !trouve) {
    avertissement = `Territoire inconnu : « ${demande} », affichage du territoire par défaut. `;
  }
  return trouve ?? vue.territoires.find((t) => t.id === TERRITOIRE_PAR_DEFAUT) ?? vue.territoires[0];
}

/**
 * The indicators offered on a territory: those with cells in its communes, crossings first then its
 * INSEE figures, in catalogue order. Never another territory's indicator: when none has a cell yet,
 * the first INSEE figure it needs no feed for (the map then says so commune by commune).
 */
function indicateursDe(territoire) {
  const disponibles = vue.indicateurs.filter((d) => (territoire.indicateurs || []).includes(d.id));
  const ordre = [...disponibles.filter((d) => !d.reference), ...disponibles.filter((d) => d.reference)];
  return ordre.length ? ordre : vue.indicateurs.filter((d) => d.reference).slice(0, 1);
}

function choisirIndicateur(disponibles, demande, avertir) {
  const trouve = disponibles.find((d) => d.id === demande);
  if (demande && !trouve && avertir) {
    const connu = vue.indicateurs.find((d) => d.id === demande);
    avertissement += connu
      ? `Pas de donnée « ${connu.libelle} » sur ce territoire, affichage de « ${disponibles[0].libelle} ». `
      : `Indicateur inconnu : « ${demande} », affichage de « ${disponibles[0].libelle} ». `;
  }
  return trouve ?? disponibles[0];
}

function remplirSelecteurs(territoire, disponibles, definition) {
  choixTerritoire.value = territoire.id;
  const groupe = (libelle, definitions) => {
    if (!definitions.length) {
      return null;
    }
    const g = document.createElement('optgroup');
    g.label = libelle;
    g.append(...definitions.map((d) => option(d.id, d.libelle)));
    return g;
  };
  choixIndicateur.replaceChildren(...[groupe('Croisements', disponibles.filter((d) => !d.reference)),
    groupe('Chiffres de l\'Insee', disponibles.filter((d) => d.reference))].filter(Boolean));
  choixIndicateur.value = definition.id;
  blocIndicateur.hidden = disponibles.length < 2;
}

/** The levels at which the indicator has cells in the territory: ['commune'], ['iris'] or both. */
function niveauxDe(territoire, definition) {
  const niveaux = territoire.niveaux?.[definition.id];
  return niveaux && niveaux.length ? niveaux : ['commune'];
}

/**
 * The level drawn: the one asked for when the indicator has it; else the IRIS for a territory of one
 * commune divided into IRIS (Antony: one polygon would tell nothing), the communes otherwise.
 */
function choisirNiveau(territoire, definition, demande) {
  const niveaux = niveauxDe(territoire, definition);
  if (demande && niveaux.includes(demande)) {
    return demande;
  }
  if (niveaux.includes('iris') && (territoire.nombreCommunes === 1 || !niveaux.includes('commune'))) {
    return 'iris';
  }
  return niveaux.includes('commune') ? 'commune' : niveaux[0];
}

/** The zones of the level drawn, with their cells. */
const getZones = (niveau, territoire, indicateur, debut) => (niveau === 'iris'
  ? getIris(territoire, indicateur, debut) : getCommunes(territoire, indicateur, debut));

/** The level selector, shown where the indicator has both levels in the territory. */
function remplirNiveau(territoire, definition, niveau) {
  const niveaux = niveauxDe(territoire, definition);
  choixNiveau.value = niveau;
  blocNiveau.hidden = !(niveaux.includes('iris') && niveaux.includes('commune'));
}

/** At IRIS level, the outline of the communes above their IRIS (not clickable: the IRIS are). */
function dessinerContourCommunes(communes) {
  if (vue.contourCommunes) {
    vue.carte.removeLayer(vue.contourCommunes);
    vue.contourCommunes = null;
  }
  if (communes) {
    vue.contourCommunes = L.geoJSON(communes, {
      interactive: false,
      style: { fill: false, color: '#1b1b1b', weight: 3, opacity: 0.9 },
    }).addTo(vue.carte);
  }
}

/** periode: the ISO start of the past period shown, null for the latest one (no "periode" then). */
function ecrireAdresse(territoire, definition, historique, periode = null) {
  const parametres = new URLSearchParams(window.location.search);
  parametres.set('territoire', territoire.id);
  parametres.set('indicateur', definition.id);
  if (niveauxDe(territoire, definition).includes('iris')) {
    parametres.set('niveau', vue.niveau);
  } else {
    parametres.delete('niveau');
  }
  if (periode) {
    parametres.set('periode', periode);
  } else {
    parametres.delete('periode');
  }
  const adresse = `${window.location.pathname}?${parametres}`;
  const etatPage = { territoire: territoire.id, indicateur: definition.id, periode, niveau: vue.niveau };
  if (historique === 'ajouter') {
    window.history.pushState(etatPage, '', adresse);
  } else if (historique === 'remplacer') {
    window.history.replaceState(etatPage, '', adresse);
  }
}

/** Says what is simulated in the attributions only while it is shown; texte null: nothing simulated. */
function attribuer(couche, texte) {
  const avant = vue.attributions.get(couche) ?? null;
  if (texte !== avant) {
    if (avant) {
      vue.carte.attributionControl.removeAttribution(avant);
    }
    if (texte) {
      vue.carte.attributionControl.addAttribution(texte);
    }
    vue.attributions.set(couche, texte);
  }
}

/**
 * Replaces the layer, the legend and the commune table by those of this GeoJSON; recadrerCarte: fit the
 * map to the communes (not for another period of the same map: the reader keeps their view).
 */
function dessiner(geojson, definition, recadrerCarte = true) {
  const { carte } = vue;
  if (vue.couche) {
    carte.closePopup();
    carte.removeLayer(vue.couche);
  }
  if (vue.legende) {
    vue.legende.remove();
  }
  vue.communes.clear();
  const tableau = document.getElementById('communes');
  tableau.replaceChildren();
  vue.classes = classesPour(definition, geojson.features.map((f) => f.properties)
    .filter((p) => !p.secret).map((p) => p.valeur));
  if (vue.niveau === 'iris') { // the classes cut IRIS, not communes
    vue.classes.methode = vue.classes.methode.replace(/(\d+) communes chiffrées réparties/, '$1 IRIS chiffrés répartis');
  }
  const { classes } = vue;

  vue.couche = L.geoJSON(geojson, {
    style: (feature) => style(feature, classes),
    onEachFeature: (feature, c) => {
      c.bindTooltip((l) => resumeCommune(l.feature.properties), { sticky: true });
      c.bindPopup((l) => contenuCommune(l.feature.properties, definition), { maxWidth: LARGEUR_FENETRE, minWidth: 260 });
      // the code of the commune on its SVG path (created once the map has a view), for browser tests
      c.on('add', () => c.getElement()?.setAttribute('data-code', feature.properties.code));
      const ligne = ligneCommune(feature.properties, () => c.openPopup());
      tableau.append(ligne);
      vue.communes.set(feature.properties.code, { couche: c, ligne });
    },
  }).addTo(carte);

  vue.legende = L.control({ position: 'bottomright' });
  vue.legende.onAdd = () => legende(definition, classes);
  vue.legende.addTo(carte);
  if (recadrerCarte) {
    cadrer(carte, vue.couche.getBounds()); // once the legend is there: around it (cadrage.js)
  }
  const simulees = geojson.features.some((f) => f.properties.simule);
  attribuer('communes', simulees ? ATTRIBUTIONS_SIMULEES[definition.id] ?? ATTRIBUTION_SIMULEES : null);
  // the IRIS contours have their own source and vintage (fixed wording from the server, as text)
  const contoursIris = geojson.features.find((f) => f.properties.sourceContours)?.properties.sourceContours ?? null;
  attribuer('iris', contoursIris);
}

/** The downloads of the car parks in the panel, only for a territory that has some. */
function montrerLiensParkings(territoire, oui) {
  document.getElementById('lien-parkings-geojson').href = adresseParkings(territoire);
  document.getElementById('lien-parkings-fiware').href = adresseParkingsFiware(territoire);
  document.querySelectorAll('.telechargement-parkings').forEach((li) => {
    li.hidden = !oui;
  });
}

let capteursEnCours = false;

/** Calls fonction once, delai ms after the first call of a burst. */
function unePourUneRafale(fonction, delai) {
  let prevu = null;
  return () => {
    if (prevu === null) {
      prevu = setTimeout(() => {
        prevu = null;
        fonction();
      }, delai);
    }
  };
}

/**
 * Once per territory drawn, when it has points: fits the view again now that the layers' control has
 * its size (cadrage.js), widened to the antennas standing outside the territory (an antenna on a
 * height near the town), so that every antenna counted in the control is on screen.
 */
function elargirAuxAntennes(avecPoints) {
  const limites = vue.antennes.limites();
  if (vue.vueElargie || !vue.couche) {
    return;
  }
  vue.vueElargie = true;
  if (!avecPoints && !limites) {
    return; // no layers' control over the map: the view drawn stays
  }
  // the point layers' control has its size now: the territory (and its antennas) fitted around it too
  const bornes = L.latLngBounds(vue.couche.getBounds());
  cadrer(vue.carte, limites ? bornes.extend(limites) : bornes, { animate: false });
}

/**
 * Reads the devices and antennas of the territory shown and redraws their layers. A failure
 * (stores still loading, server away) keeps the markers of that layer as they are until the next try.
 */
async function chargerCapteurs() {
  if (!vue.territoire || capteursEnCours) {
    return;
  }
  capteursEnCours = true;
  const { id } = vue.territoire;
  try {
    const [capteurs, antennes, parkings] = await Promise.allSettled([getCapteurs(id), getPasserelles(id), getParkings(id)]);
    if (id === vue.territoire.id) {
      if (parkings.status === 'fulfilled') {
        vue.parkings.afficher(parkings.value);
        montrerLiensParkings(id, parkings.value.features?.length > 0);
      } else {
        console.warn('Parkings non chargés :', parkings.reason.message);
      }
      if (capteurs.status === 'fulfilled') {
        vue.capteurs.afficher(capteurs.value);
      } else {
        console.warn('Capteurs non chargés :', capteurs.reason.message);
      }
      if (antennes.status === 'fulfilled') {
        vue.antennes.afficher(antennes.value);
      } else {
        console.warn('Antennes non chargées :', antennes.reason.message);
      }
      elargirAuxAntennes([capteurs, antennes, parkings].some((r) => r.status === 'fulfilled' && r.value.features?.length > 0));
    }
  } finally {
    capteursEnCours = false;
  }
  if (id !== vue.territoire.id) {
    chargerCapteurs(); // another territory was drawn meanwhile: read its devices now
  }
}

const planifierCapteurs = unePourUneRafale(() => chargerCapteurs(), DELAI_CAPTEURS_APRES_CELLULE_MS);

/**
 * Draws a territory with an indicator, without reloading the page: asks the server which
 * indicators the territory has, then its communes, then replaces title, selectors, panel, layer
 * and legend. historique: 'ajouter' (a choice of the reader), 'remplacer' (start) or 'aucun' (back).
 * An indicator asked for in the address but absent from the territory is replaced with a warning;
 * one kept from the previous territory, silently. idPeriode: the ISO start of a past period to show
 * (the latest one without it, or with a warning when the territory has no such period).
 */
async function afficher(idTerritoire, idIndicateur, historique, avertir = historique !== 'ajouter', idPeriode = null,
  idNiveau = null) {
  vue.demande += 1;
  const demande = vue.demande;
  avertissement = '';
  const choisi = choisirTerritoire(idTerritoire);
  const territoire = await avecNouveauxEssais(() => getTerritoire(choisi.id));
  const disponibles = indicateursDe(territoire);
  const definition = choisirIndicateur(disponibles, idIndicateur, avertir);
  const niveau = choisirNiveau(territoire, definition, idNiveau);
  const periodes = await avecNouveauxEssais(() => getPeriodes(territoire.id, definition.id, niveau));
  const debut = choisirPeriode(periodes, idPeriode);
  const geojson = await avecNouveauxEssais(() => getZones(niveau, territoire.id, definition.id, debut));
  const communes = niveau === 'iris'
    ? await avecNouveauxEssais(() => getCommunes(territoire.id, definition.id, debut)) : null;
  if (demande !== vue.demande) {
    return; // the reader chose something else meanwhile
  }

  const autreTerritoire = vue.territoire?.id !== territoire.id;
  const autreCarte = autreTerritoire || vue.definition?.id !== definition.id || vue.niveau !== niveau;
  vue.territoire = territoire;
  vue.definition = definition;
  vue.niveau = niveau;
  remplirNiveau(territoire, definition, niveau);
  vue.periodes.remplacer(periodes, debut);
  const titre = `Croisements — ${territoire.nomCourt} : ${definition.sujet}`;
  document.title = titre;
  document.getElementById('titre').textContent = titre;
  remplirSelecteurs(territoire, disponibles, definition);
  const manque = blocManque(territoire);
  document.getElementById('manque').replaceChildren(...(manque ? [manque] : []));
  document.getElementById('manque').hidden = !manque;
  remplirFiche(definition, territoire, geojson.features.map((f) => f.properties), {
    csv: adresseCsv(territoire.id, definition.id, debut, niveau),
    geojson: adresseGeoJson(territoire.id, definition.id, debut, niveau),
  }, debut ? vue.periodes.libelle() : null);
  dessiner(geojson, definition, autreCarte);
  dessinerContourCommunes(communes);
  afficherProvenance(geojson.reponse);
  ecrireAdresse(territoire, definition, historique, debut);
  document.getElementById('lien-presentation').href = `/presentation.html?territoire=${encodeURIComponent(territoire.id)}`;
  // its cells, and those that make the devices be read again
  abonnementChange = suivre(territoire.id, [definition.id, ...INDICATEURS_DES_CAPTEURS]) || abonnementChange;
  derniereMiseAJour = Date.now();
  rafraichirEtat();
  if (autreTerritoire) {
    vue.capteurs.vider();
    vue.antennes.vider();
    vue.parkings.vider();
    montrerLiensParkings(territoire.id, false);
    vue.vueElargie = false;
  }
  chargerCapteurs();
}

/** Applies new properties to a commune: colour, popup and tooltip if open, table row. */
function mettreAJour(code, proprietes) {
  const commune = vue.communes.get(code);
  if (!commune) {
    return;
  }
  const { couche, ligne } = commune;
  Object.assign(couche.feature.properties, proprietes);
  couche.setStyle(style(couche.feature, vue.classes));
  if (couche.isPopupOpen()) {
    couche.getPopup().update();
  }
  if (couche.isTooltipOpen()) {
    couche.getTooltip().update();
  }
  majLigneCommune(ligne, couche.feature.properties);
  majResultat(vue.definition, [...vue.communes.values()].map((c) => c.couche.feature.properties));
  derniereMiseAJour = Date.now();
  rafraichirEtat();
}

/** The ISO start of the past period asked for; null for the latest one, and for an unknown one with a warning. */
function choisirPeriode(periodes, demande) {
  if (!demande) {
    return null;
  }
  const i = indexPeriode(periodes, demande);
  if (i < 0) {
    avertissement += `Période inconnue : « ${demande} », affichage de la dernière période. `;
    return null;
  }
  return i === periodes.length - 1 ? null : periodes[i].debut;
}

/** The periods of the map shown, for the control; null when the reader chose another map meanwhile. */
async function relirePeriodes() {
  const { territoire, definition, demande, niveau } = vue;
  const periodes = await getPeriodes(territoire.id, definition.id, niveau);
  return demande === vue.demande ? periodes : null;
}

const planifierRelecture = unePourUneRafale(() => recharger().catch((e) => afficherEtat(e.message, true)),
  DELAI_RELECTURE_APRES_CELLULE_MS);

async function recharger() {
  const { territoire, definition } = vue;
  const demande = vue.demande;
  const debut = vue.periodes.debut();
  const geojson = await avecNouveauxEssais(() => getZones(vue.niveau, territoire.id, definition.id, debut));
  if (demande === vue.demande) {
    geojson.features.forEach((f) => mettreAJour(f.properties.code, f.properties));
    afficherProvenance(geojson.reponse);
  }
}

function suivreEnDirect() {
  onLiveEvent('indicateur', (cellule) => {
    if (INDICATEURS_DES_CAPTEURS.has(cellule.indicateur)) {
      planifierCapteurs();
    }
    const commune = vue.communes.get(cellule.codeZone);
    if (vue.definition && cellule.indicateur === vue.definition.id && commune) {
      vue.periodes.signalerFenetre(cellule.debut); // a new window: the list of periods grows
      // a past period stays as kept: the live cells wait for « Revenir à la dernière période »
      const avant = commune.couche.feature.properties;
      if (!vue.periodes.estPassee() && estAuMoinsAussiRecente(cellule, avant)) {
        if (!avant.sources?.length) {
          planifierRelecture(); // its sources are in the GeoJSON, not in the live cell
        }
        mettreAJour(cellule.codeZone, proprietesDepuisCellule(cellule, vue.definition, avant));
      }
    }
  });
  onLiveEvent('horloge', (h) => afficherHorloge(h.simulee));
  onLiveStatus((statut) => {
    if (statut === 'ouvert' && (directInterrompu || abonnementChange)) {
      // events sent while we were away, or before this map was followed, are lost: read the latest values again
      directInterrompu = false;
      abonnementChange = false;
      recharger().catch((e) => afficherEtat(e.message, true));
    } else if (statut !== 'ouvert') {
      directInterrompu = true;
    }
    rafraichirEtat();
  });
}

/** Fits the map to the paper (or back to the screen) around the territory's communes. */
function recadrer() {
  if (vue.carte && vue.couche) {
    vue.carte.invalidateSize({ animate: false });
    cadrer(vue.carte, vue.couche.getBounds(), { animate: false });
  }
}

/**
 * "Imprimer la fiche": the browser's print (or "Enregistrer en PDF") with css/impression.css, A4
 * landscape. With ?impression=1 the same sheet applies on screen, to see (and test) the printed page.
 */
function preparerImpression(parametres) {
  document.getElementById('imprimer').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', recadrer);
  window.addEventListener('afterprint', recadrer);
  if (parametres.get('impression') === '1') {
    document.documentElement.classList.add('impression');
    document.getElementById('feuille-impression').media = 'all';
  }
}

function erreurDeChargement(e) {
  afficherEtat(`La carte n'a pas pu être chargée : ${e.message}`, true);
}

async function demarrer() {
  const parametres = new URLSearchParams(window.location.search);
  preparerImpression(parametres);
  [vue.territoires, vue.indicateurs] = await avecNouveauxEssais(() => Promise.all([getTerritoires(), getIndicateurs()]));
  choixTerritoire.replaceChildren(...vue.territoires.map((t) => option(t.id, t.nomCourt)));
  vue.carte = creerCarte();
  activerClavier(vue.carte);
  // devices first, then antennas, then car parks
  const controle = creerControlePoints(vue.carte, { periodeMs: RAFRAICHISSEMENT_CAPTEURS_MS });
  vue.capteurs = creerCoucheCapteurs(vue.carte, {
    controle,
    surSimulees: (simules) => attribuer('capteurs', simules ? ATTRIBUTION_CAPTEURS_SIMULES : null),
    surOuverture: (capteur, position) => vue.antennes.surligner(capteur.passerelles, position),
    surFermeture: () => vue.antennes.effacer(),
  });
  vue.antennes = creerCoucheAntennes(vue.carte, {
    controle,
    surSimulees: (simulees) => attribuer('antennes', simulees ? ATTRIBUTION_CAPTEURS_SIMULES : null),
  });
  vue.parkings = creerCoucheParkings(vue.carte, {
    controle,
    surSimulees: (simules) => attribuer('parkings', simules ? ATTRIBUTION_PARKINGS_SIMULES : null),
  });

  vue.periodes = creerNavigationPeriodes(document.getElementById('periode'), {
    surChoix: (debut) => afficher(vue.territoire.id, vue.definition.id, 'ajouter', false, debut, vue.niveau)
      .catch(erreurDeChargement),
    relire: relirePeriodes,
  });

  await afficher(parametres.get('territoire'), parametres.get('indicateur'), 'remplacer', undefined,
    parametres.get('periode'), parametres.get('niveau'));
  choixTerritoire.addEventListener('change', () =>
    afficher(choixTerritoire.value, vue.definition?.id, 'ajouter').catch(erreurDeChargement));
  choixIndicateur.addEventListener('change', () =>
    afficher(vue.territoire.id, choixIndicateur.value, 'ajouter', undefined, null, vue.niveau).catch(erreurDeChargement));
  choixNiveau.addEventListener('change', () =>
    afficher(vue.territoire.id, vue.definition.id, 'ajouter', undefined, null, choixNiveau.value).catch(erreurDeChargement));
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(window.location.search);
    afficher(p.get('territoire'), p.get('indicateur'), 'aucun', undefined, p.get('periode'), p.get('niveau'))
      .catch(erreurDeChargement);
  });
  setInterval(rafraichirEtat, 1000);
  setInterval(chargerCapteurs, RAFRAICHISSEMENT_CAPTEURS_MS);

  getHorloge().then((h) => afficherHorloge(h.simulee)).catch(() => afficherHorloge(null));
  suivreEnDirect();
}

demarrer().catch(erreurDeChargement);
