// The layer of the LoRaWAN antennas (gateways, "passerelles" in the API): one triangle per antenna in
// or near the territory shown, orange when it received a message within the hour, grey when silent,
// below the devices' circles. Its popup says how many devices it heard and when it last received a
// message. When a device's popup opens, the antennas that heard it are enlarged and joined to it by
// dotted lines. A section of the point layers' control (capteurs.js) shows or hides the layer.
// Updated in place (an open popup stays open). Text via textContent only: ids come from the network
// servers. The triangle is our own SVG, built with the DOM.

import * as L from 'leaflet';
import { ligneLegende, pluriel } from './capteurs.js';
import { dateEtHeure, majuscule, nombre } from './format.js';
import { creerGroupePoints, points, rafraichirOuverts } from './points.js';
import { element } from './vues.js';

// orange and blue are told apart with every kind of colour blindness; the shape (a triangle, the
// devices are discs) and a dark outline tell antennas from devices and from the communes' colours
export const COULEUR_ANTENNE = '#e66100';
export const COULEUR_ANTENNE_SILENCIEUSE = '#8a8a8a';
const PANNEAU = 'antennes';
const PANNEAU_LIENS = 'liens-antennes';
// above the communes (400), below the devices (450): a device near its antenna stays clickable
const NIVEAU_PANNEAU = 440;
const NIVEAU_LIENS = 430;
const LARGEUR = 22;
const HAUTEUR = 20;
// the devices' ids listed in a popup; a real antenna may hear hundreds
const CAPTEURS_LISTES = 8;
const LARGEUR_FENETRE = Math.min(440, window.innerWidth - 48);
const SVG = 'http://www.w3.org/2000/svg';

/** The triangle of an antenna, filled with its colour, a white outline in a dark halo. */
export function symboleAntenne(couleur, classe = 'symbole-antenne') {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', classe);
  svg.setAttribute('width', String(LARGEUR));
  svg.setAttribute('height', String(HAUTEUR));
  svg.setAttribute('viewBox', `0 0 ${LARGEUR} ${HAUTEUR}`);
  svg.setAttribute('aria-hidden', 'true');
  const points = '11,2.5 19.5,17.5 2.5,17.5';
  const halo = document.createElementNS(SVG, 'polygon');
  halo.setAttribute('points', points);
  halo.setAttribute('class', 'halo');
  halo.setAttribute('fill', 'none');
  halo.setAttribute('stroke', '#1f2933');
  halo.setAttribute('stroke-width', '4.5');
  halo.setAttribute('stroke-linejoin', 'round');
  const forme = document.createElementNS(SVG, 'polygon');
  forme.setAttribute('points', points);
  forme.setAttribute('class', 'forme');
  forme.setAttribute('fill', couleur);
  forme.setAttribute('stroke', '#ffffff');
  forme.setAttribute('stroke-width', '2');
  forme.setAttribute('stroke-linejoin', 'round');
  svg.append(halo, forme);
  return svg;
}

function couleur(p) {
  return p.silencieuse ? COULEUR_ANTENNE_SILENCIEUSE : COULEUR_ANTENNE;
}

/** "À jour, vue il y a 12 min" or "Silencieuse, vue il y a 3 h". */
export function etatAntenne(p) {
  return `${majuscule(p.etat)}, ${p.fraicheur}`;
}

/** The short hover text of an antenna. */
export function resumeAntenne(p) {
  return element('span', { texte: `Antenne LoRaWAN : ${p.fraicheur}` });
}

/** "24E1…01, 24E1…02 et 35 autres". */
function listeCapteurs(capteurs) {
  const montres = capteurs.slice(0, CAPTEURS_LISTES).join(', ');
  const reste = capteurs.length - CAPTEURS_LISTES;
  return reste > 0 ? `${montres} et ${pluriel(reste, 'autre', 'autres')}` : montres;
}

/** The detail of an antenna, for its popup. */
export function contenuAntenne(p) {
  const liste = element('dl');
  const ajouter = (terme, valeur) => liste.append(element('dt', { texte: terme }), element('dd', { texte: valeur }));
  if (p.commune) {
    ajouter('Commune', p.commune);
  } else {
    ajouter('Emplacement', 'à proximité du territoire');
  }
  const capteurs = p.capteurs || [];
  ajouter('Capteurs entendus', capteurs.length ? pluriel(capteurs.length, 'capteur', 'capteurs') : 'aucun capteur');
  ajouter('Messages reçus', nombre(p.receptions ?? 0));
  if (p.derniereReception) {
    ajouter('Dernier message', dateEtHeure(p.derniereReception));
  }
  return element('div', { classe: `fiche-antenne${p.silencieuse ? ' silencieuse' : ''}` },
    element('h3', { texte: 'Antenne LoRaWAN' }),
    element('p', { classe: 'etat-antenne', texte: etatAntenne(p) }),
    liste,
    capteurs.length ? element('p', { classe: 'capteurs-entendus', texte: `Capteurs : ${listeCapteurs(capteurs)}` }) : null,
    element('p', { classe: 'identifiant', texte: `Identifiant : ${p.id}` }),
    p.mention ? element('p', { classe: 'mention', texte: majuscule(p.mention) }) : null);
}

/**
 * The antenna layer of a map. afficher(geojson) draws the antennas of a GET /api/passerelles.geojson
 * answer (none: layer and its section of the control are removed), vider() removes them.
 * surligner(ids, depuis) enlarges the antennas of these ids and joins them to the point depuis (a
 * device), effacer() undoes it. limites() is the box of the antennas drawn, or null. controle: the
 * control of creerControlePoints; surSimulees(bool) is told whether simulated antennas are shown.
 */
export function creerCoucheAntennes(carte, { controle, surSimulees = () => {} }) {
  carte.createPane(PANNEAU).style.zIndex = String(NIVEAU_PANNEAU);
  carte.createPane(PANNEAU_LIENS).style.zIndex = String(NIVEAU_LIENS);
  const liens = L.layerGroup().addTo(carte);
  let surlignage = null; // { ids: Set, depuis: LatLng } while a device's popup is open

  const section = controle.section('antennes', 'Antennes');
  const couche = creerGroupePoints(carte, section, { surSimulees, surCoche: () => dessinerSurlignage() });
  const { groupe, marqueurs } = couche; // id -> marker
  const { total } = section;
  const aJour = ligneLegende(COULEUR_ANTENNE, symboleAntenne(COULEUR_ANTENNE));
  const silencieuses = ligneLegende(COULEUR_ANTENNE_SILENCIEUSE, symboleAntenne(COULEUR_ANTENNE_SILENCIEUSE));
  section.ajouter(aJour.ligne);
  section.ajouter(silencieuses.ligne);

  // id, state and a name for screen readers on the marker's element (created when on the map)
  function marquer(m) {
    const e = m.getElement();
    if (!e) {
      return;
    }
    e.setAttribute('data-antenne', m.proprietes.id);
    e.setAttribute('data-etat', m.proprietes.etat);
    e.setAttribute('aria-label', `Antenne LoRaWAN ${m.proprietes.id}, ${m.proprietes.fraicheur}`);
    e.classList.toggle('entendue', Boolean(surlignage?.ids.has(m.proprietes.id)));
  }

  function dessinerSurlignage() {
    liens.clearLayers();
    marqueurs.forEach(marquer);
    if (!surlignage || !couche.estVisible()) {
      return;
    }
    marqueurs.forEach((m, id) => {
      if (surlignage.ids.has(id)) {
        L.polyline([surlignage.depuis, m.getLatLng()], {
          pane: PANNEAU_LIENS, interactive: false, color: '#1f2933', weight: 2, opacity: 0.8, dashArray: '2 6',
          lineCap: 'round',
        }).addTo(liens);
      }
    });
  }

  function surligner(ids, depuis) {
    surlignage = { ids: new Set(ids || []), depuis };
    dessinerSurlignage();
  }

  function effacer() {
    surlignage = null;
    dessinerSurlignage();
  }

  function vider() {
    liens.clearLayers();
    surlignage = null;
    couche.vider();
  }

  function placer(feature) {
    const p = feature.properties;
    const [longitude, latitude] = feature.geometry.coordinates;
    let m = marqueurs.get(p.id);
    if (!m) {
      const forme = symboleAntenne(couleur(p), 'symbole-antenne');
      m = L.marker([latitude, longitude], {
        pane: PANNEAU,
        icon: L.divIcon({
          html: forme, className: 'marqueur-antenne', iconSize: [LARGEUR, HAUTEUR], iconAnchor: [LARGEUR / 2, 12],
          popupAnchor: [0, -10], tooltipAnchor: [0, -10],
        }),
      });
      m.forme = forme.querySelector('.forme');
      m.proprietes = p;
      m.bindTooltip((c) => resumeAntenne(c.proprietes), { direction: 'top' });
      m.bindPopup((c) => contenuAntenne(c.proprietes), { minWidth: 260, maxWidth: LARGEUR_FENETRE });
      m.on('add', () => marquer(m));
      marqueurs.set(p.id, m);
      groupe.addLayer(m);
      return;
    }
    m.proprietes = p;
    m.setLatLng([latitude, longitude]);
    m.forme.setAttribute('fill', couleur(p));
    marquer(m);
    rafraichirOuverts(m);
  }

  function afficher(geojson) {
    const features = points(geojson);
    if (features.length === 0) {
      vider();
      return;
    }
    const presentes = new Set(features.map((f) => f.properties.id));
    couche.garder(presentes);
    features.forEach(placer);

    const nombreSilencieuses = features.filter((f) => f.properties.silencieuse).length;
    total.textContent = `Antennes : ${nombre(features.length)}`;
    aJour.texte.textContent = `à jour : message reçu dans l'heure : ${nombre(features.length - nombreSilencieuses)}`;
    silencieuses.texte.textContent = `silencieuses depuis plus d'une heure : ${nombre(nombreSilencieuses)}`;
    couche.montrer(features);
    dessinerSurlignage();
  }

  function limites() {
    return marqueurs.size ? L.latLngBounds([...marqueurs.values()].map((m) => m.getLatLng())) : null;
  }

  return {
    afficher, vider, surligner, effacer, limites,
  };
}
