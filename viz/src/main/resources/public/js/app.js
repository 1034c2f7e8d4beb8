// Composition root of the page: reads the territory asked for, builds the map, the legend and
// the panel, then keeps them up to date from the live events. No API address here (see api.js).

import * as L from 'leaflet';
import { getCommunes, getHorloge, getIndicateurs, getTerritoires } from './api.js';
import { estAuMoinsAussiRecente, proprietesDepuisCellule } from './cellules.js';
import { style } from './choropleth.js';
import { heureSimulee, ilYA } from './format.js';
import { onLiveEvent, onLiveStatus } from './live.js';
import {
  ajouterSourcesDesCellules, contenuCommune, legende, ligneCommune, majLigneCommune, remplirFiche, resumeCommune,
} from './vues.js';

const TERRITOIRE_PAR_DEFAUT = 'bassin-de-pompey';
const NOUVEL_ESSAI_MS = 3000;
// Our own fixed wording: Leaflet inserts attributions as HTML, so no external data goes there.
const ATTRIBUTIONS = [
  'Insee',
  'IGN, Admin Express (via france-geojson)',
  'levées de bacs simulées',
];
// wide enough for "Taux de présentation des bacs" beside its value, narrower than a phone
const LARGEUR_FENETRE = Math.min(400, window.innerWidth - 48);
const PREFIXE_ATTRIBUTION = '<a href="https://leafletjs.com" title="Bibliothèque de cartes interactives">Leaflet</a>';

const etat = document.getElementById('etat');
const horloge = document.getElementById('horloge');
const communes = new Map(); // code commune -> { couche, ligne }
let derniereMiseAJour = null;
let directInterrompu = false;
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
  afficherEtat(`${avertissement}Mis à jour ${age}${direct}`, directInterrompu || avertissement !== '');
}

function afficherHorloge(simulee) {
  horloge.hidden = !simulee;
  horloge.textContent = simulee ? `Heure simulée : ${heureSimulee(simulee)}` : '';
}

function choisirTerritoire(territoires, demande) {
  const trouve = territoires.find((t) => t.id === demande);
  if (demande && !trouve) {
    avertissement = `Territoire inconnu : « ${demande} », affichage du territoire par défaut. `;
  }
  return trouve ?? territoires.find((t) => t.id === TERRITOIRE_PAR_DEFAUT) ?? territoires[0];
}

/** Retries while the server answers 503 (its stores are still loading), showing its message. */
async function avecNouveauxEssais(appel) {
  for (;;) {
    try {
      return await appel();
    } catch (e) {
      if (e.status !== 503) {
        throw e;
      }
      afficherEtat(e.message);
      await new Promise((r) => setTimeout(r, NOUVEL_ESSAI_MS));
    }
  }
}

function creerCarte(definition) {
  // Leaflet's own controls are labelled in English: ours are given French titles
  const carte = L.map('carte', { zoomSnap: 0.25, preferCanvas: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: 'Agrandir', zoomOutTitle: 'Réduire' }).addTo(carte);
  carte.attributionControl.setPrefix(PREFIXE_ATTRIBUTION);
  ATTRIBUTIONS.forEach((a) => carte.attributionControl.addAttribution(a));
  carte.on('popupopen', (e) => e.popup.getElement()?.querySelector('.leaflet-popup-close-button')
    ?.setAttribute('aria-label', 'Fermer'));
  const controle = L.control({ position: 'bottomright' });
  controle.onAdd = () => legende(definition);
  controle.addTo(carte);
  return carte;
}

function ajouterCommunes(carte, geojson, definition) {
  const tableau = document.getElementById('communes');
  const couche = L.geoJSON(geojson, {
    style,
    onEachFeature: (feature, c) => {
      c.bindTooltip((l) => resumeCommune(l.feature.properties), { sticky: true });
      c.bindPopup((l) => contenuCommune(l.feature.properties, definition), { maxWidth: LARGEUR_FENETRE, minWidth: 260 });
      // the code of the commune on its SVG path (created once the map has a view), for browser tests
      c.on('add', () => c.getElement()?.setAttribute('data-code', feature.properties.code));
      const ligne = ligneCommune(feature.properties, () => c.openPopup());
      tableau.append(ligne);
      communes.set(feature.properties.code, { couche: c, ligne });
    },
  }).addTo(carte);
  carte.fitBounds(couche.getBounds(), { padding: [12, 12] });
}

/** Applies new properties to a commune: colour, popup and tooltip if open, table row. */
function mettreAJour(code, proprietes) {
  const commune = communes.get(code);
  if (!commune) {
    return;
  }
  const { couche, ligne } = commune;
  Object.assign(couche.feature.properties, proprietes);
  couche.setStyle(style(couche.feature));
  if (couche.isPopupOpen()) {
    couche.getPopup().update();
  }
  if (couche.isTooltipOpen()) {
    couche.getTooltip().update();
  }
  majLigneCommune(ligne, couche.feature.properties);
  derniereMiseAJour = Date.now();
  rafraichirEtat();
}

async function recharger(territoire, definition) {
  const geojson = await avecNouveauxEssais(() => getCommunes(territoire.id, definition.id));
  geojson.features.forEach((f) => mettreAJour(f.properties.code, f.properties));
}

function suivreEnDirect(territoire, definition) {
  onLiveEvent('indicateur', (cellule) => {
    const commune = communes.get(cellule.codeZone);
    if (cellule.indicateur === definition.id && commune
        && estAuMoinsAussiRecente(cellule, commune.couche.feature.properties)) {
      mettreAJour(cellule.codeZone, proprietesDepuisCellule(cellule, definition));
    }
  });
  onLiveEvent('horloge', (h) => afficherHorloge(h.simulee));
  onLiveStatus((statut) => {
    if (statut === 'ouvert' && directInterrompu) {
      // events sent while we were away are lost: read the latest values again
      directInterrompu = false;
      recharger(territoire, definition).catch((e) => afficherEtat(e.message, true));
    } else if (statut !== 'ouvert') {
      directInterrompu = true;
    }
    rafraichirEtat();
  });
}

async function demarrer() {
  const parametres = new URLSearchParams(window.location.search);
  const [territoires, indicateurs] = await avecNouveauxEssais(() => Promise.all([getTerritoires(), getIndicateurs()]));
  const territoire = choisirTerritoire(territoires, parametres.get('territoire'));
  const definition = indicateurs.find((d) => d.id === parametres.get('indicateur')) ?? indicateurs[0];

  const titre = `Croisements — ${territoire.nomCourt} : ${definition.sujet}`;
  document.title = titre;
  document.getElementById('titre').textContent = titre;
  remplirFiche(definition, territoire);

  const carte = creerCarte(definition);
  const geojson = await avecNouveauxEssais(() => getCommunes(territoire.id, definition.id));
  ajouterCommunes(carte, geojson, definition);
  ajouterSourcesDesCellules(geojson.features.map((f) => f.properties.sourceNumerateur));
  derniereMiseAJour = Date.now();
  rafraichirEtat();
  setInterval(rafraichirEtat, 1000);

  getHorloge().then((h) => afficherHorloge(h.simulee)).catch(() => afficherHorloge(null));
  suivreEnDirect(territoire, definition);
}

demarrer().catch((e) => afficherEtat(`La carte n'a pas pu être chargée : ${e.message}`, true));
