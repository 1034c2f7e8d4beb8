// The layer of the car parks (parkings): one circle per car park of the territory shown, its area
// proportional to the number of places, coloured by the occupancy rate of the latest hour (grey
// without observation), above the communes and below the devices. Its popup gives the rate, the free
// places, the hour, whether it was saturated, the estimated arrivals, the sources, and a chart of the
// mean occupancy by hour of the day over 7 days (an SVG built with the DOM). A section of the point
// layers' control (capteurs.js) shows or hides the layer and gives the colour scale. Updated in place
// (an open popup stays open). Text via textContent only: names come from the data files.

import * as L from 'leaflet';
import { getProfilParking } from './api.js';
import { ligneLegende } from './capteurs.js';
import { avecUnite, majuscule, nombre } from './format.js';
import { creerGroupePoints, points, rafraichirOuverts } from './points.js';
import { element } from './vues.js';

// ColorBrewer "OrRd", sequential, readable with every kind of colour blindness; classes cut at the
// indicator's bounds (50, 70, 85, 90 %: the last class is the saturation threshold)
export const COULEURS_OCCUPATION = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
export const BORNES_OCCUPATION = [50, 70, 85, 90];
export const COULEUR_SANS_OBSERVATION = '#8a8a8a';
const PANNEAU = 'parkings';
// above the communes (400), below the antennas (440) and the devices (450)
const NIVEAU_PANNEAU = 420;
const RAYON_MIN = 5;
const RAYON_MAX = 22;
const LARGEUR_FENETRE = Math.min(380, window.innerWidth - 48);
const SVG = 'http://www.w3.org/2000/svg';
const INSECABLE = '\u00a0';

/** The colour of an occupancy rate (%), grey for none. */
export function couleurOccupation(taux, bornes = BORNES_OCCUPATION) {
  if (taux === null || taux === undefined) {
    return COULEUR_SANS_OBSERVATION;
  }
  const classe = bornes.filter((b) => taux >= b).length;
  return COULEURS_OCCUPATION[Math.min(classe, COULEURS_OCCUPATION.length - 1)];
}

/** Radius in pixels: the circle's area follows the places (square root), from the largest car park shown. */
function rayon(capacite, capaciteMax) {
  if (!capacite || !capaciteMax) {
    return RAYON_MIN;
  }
  return Math.max(RAYON_MIN, RAYON_MAX * Math.sqrt(capacite / capaciteMax));
}

function pourcent(valeur) {
  return avecUnite(Math.round(valeur), '%');
}

/** The short hover text: "Parking Verdun : 72 % occupé". */
export function resumeParking(p) {
  const etat = p.tauxOccupation === null || p.tauxOccupation === undefined
    ? p.etat : `taux d'occupation ${pourcent(p.tauxOccupation)}`;
  return element('span', { texte: `${p.nom} : ${etat}` });
}

/** The chart of the hourly profile: 24 bars, 0 to 100 %, hours every 6 h; an SVG built with the DOM. */
export function graphiqueProfil(profil) {
  const largeur = 288;
  const hauteur = 110;
  const gauche = 40;
  const haut = 8;
  const bas = 20;
  const zone = hauteur - haut - bas;
  const pas = (largeur - gauche - 4) / 24;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'profil-parking');
  svg.setAttribute('width', String(largeur));
  svg.setAttribute('height', String(hauteur));
  svg.setAttribute('viewBox', `0 0 ${largeur} ${hauteur}`);
  svg.setAttribute('role', 'img');
  const creer = (nom, attributs, texte) => {
    const e = document.createElementNS(SVG, nom);
    Object.entries(attributs).forEach(([a, v]) => e.setAttribute(a, String(v)));
    if (texte !== undefined) {
      e.textContent = texte;
    }
    svg.append(e);
    return e;
  };
  const titre = document.createElementNS(SVG, 'title');
  titre.textContent = "Taux d'occupation moyen par heure de la journée, sur 7 jours";
  svg.append(titre);
  [0, 50, 100].forEach((v) => {
    const y = haut + zone * (1 - v / 100);
    creer('line', { x1: gauche, x2: largeur - 4, y1: y, y2: y, class: 'graduation' });
    creer('text', { x: gauche - 4, y: y + 3.5, 'text-anchor': 'end', class: 'etiquette' }, `${v}${INSECABLE}%`);
  });
  (profil.heures || []).forEach((h) => {
    const x = gauche + h.heure * pas + 1;
    if (h.tauxMoyen !== null && h.tauxMoyen !== undefined) {
      const valeur = Math.max(0, Math.min(100, h.tauxMoyen));
      const barre = creer('rect', {
        x, y: haut + zone * (1 - valeur / 100), width: Math.max(1, pas - 2), height: zone * (valeur / 100),
        fill: couleurOccupation(h.tauxMoyen), stroke: '#5b5b5b', 'stroke-width': 0.5, 'data-heure': h.heure,
      });
      const bulle = document.createElementNS(SVG, 'title');
      bulle.textContent = `${h.heure}${INSECABLE}h : ${pourcent(h.tauxMoyen)}`;
      barre.append(bulle);
    }
    if (h.heure % 6 === 0) {
      creer('text', { x: x + pas / 2 - 1, y: hauteur - 6, 'text-anchor': 'middle', class: 'etiquette' },
        `${h.heure}${INSECABLE}h`);
    }
  });
  return svg;
}

/** The detail of a car park, for its popup; the chart is filled in when the profile arrives. */
export function contenuParking(p) {
  const liste = element('dl');
  const ajouter = (terme, valeur) => liste.append(element('dt', { texte: terme }), element('dd', { texte: valeur }));
  const observe = p.tauxOccupation !== null && p.tauxOccupation !== undefined;
  if (observe) {
    ajouter("Taux d'occupation", pourcent(p.tauxOccupation));
    if (p.placesLibres !== null && p.placesLibres !== undefined) {
      ajouter('Places libres', `${nombre(p.placesLibres)} sur ${nombre(p.capacite)}`);
    }
    if (p.tauxMax !== null && p.tauxMax !== undefined) {
      ajouter('Au plus haut', pourcent(p.tauxMax));
    }
    if (p.arriveesEstimees !== null && p.arriveesEstimees !== undefined) {
      ajouter('Arrivées estimées', nombre(p.arriveesEstimees));
    }
  } else if (p.capacite) {
    ajouter('Places', nombre(p.capacite));
  }
  if (p.commune) {
    ajouter('Commune', p.commune);
  }
  if (p.libelleTypeOuvrage) {
    ajouter('Type', majuscule(p.libelleTypeOuvrage));
  }
  if (p.gratuit !== null && p.gratuit !== undefined) {
    ajouter('Tarif', p.gratuit ? 'gratuit' : 'payant');
  }
  const graphique = element('div', { classe: 'graphique' }, element('p', { classe: 'attente', texte: 'Profil en cours de chargement…' }));
  const sources = [p.source, p.sourceOccupation].filter(Boolean);
  return element('div', { classe: `fiche-parking${p.sature ? ' sature' : ''}` },
    element('h3', { texte: p.nom }),
    element('p', { classe: 'etat-parking', texte: observe ? majuscule(p.heure) : majuscule(p.etat) }),
    p.sature ? element('p', { classe: 'heure-saturee', texte: 'Heure saturée (occupé à 90 % ou plus)'.replace(' %', `${INSECABLE}%`) }) : null,
    liste,
    element('h4', { texte: 'Profil moyen sur 7 jours' }),
    graphique,
    sources.length ? element('p', { classe: 'sources', texte: `Sources : ${[...new Set(sources)].join(' ; ')}.` }) : null,
    p.mention ? element('p', { classe: 'mention', texte: majuscule(p.mention) }) : null);
}

function remplirGraphique(racine, profil) {
  const cible = racine.querySelector('.graphique');
  if (!cible) {
    return;
  }
  const avecDonnees = (profil.heures || []).some((h) => h.tauxMoyen !== null && h.tauxMoyen !== undefined);
  cible.replaceChildren(avecDonnees
    ? graphiqueProfil(profil)
    : element('p', { classe: 'attente', texte: "Pas encore d'observation pour ce parking." }));
}

/**
 * The car-park layer of a map. afficher(geojson) draws the car parks of a GET /api/parkings.geojson
 * answer (none: the layer and its section of the control are removed), vider() removes them.
 * controle: the control of creerControlePoints; surSimulees(bool) is told whether simulated data are shown.
 */
export function creerCoucheParkings(carte, { controle, surSimulees = () => {} }) {
  carte.createPane(PANNEAU).style.zIndex = String(NIVEAU_PANNEAU);
  let capaciteMax = 0;

  const section = controle.section('parkings', 'Parkings');
  const couche = creerGroupePoints(carte, section, { surSimulees });
  const { groupe, marqueurs } = couche; // id -> circle marker
  const { total } = section;
  const titreEchelle = element('div', { classe: 'ligne titre-echelle', texte: "taux d'occupation (dernière heure)" });
  section.ajouter(titreEchelle);
  const bornes = [0, ...BORNES_OCCUPATION];
  COULEURS_OCCUPATION.forEach((couleur, i) => {
    const ligne = ligneLegende(couleur);
    ligne.texte.textContent = i < BORNES_OCCUPATION.length
      ? `de ${bornes[i]} à moins de ${bornes[i + 1]}${INSECABLE}%`
      : `${bornes[i]}${INSECABLE}% et plus (saturé)`;
    section.ajouter(ligne.ligne);
  });
  const sansObservation = ligneLegende(COULEUR_SANS_OBSERVATION);
  section.ajouter(sansObservation.ligne);
  section.ajouter(element('div', { classe: 'ligne note', texte: 'taille du cercle : nombre de places' }));

  const style = (p) => ({
    radius: rayon(p.capacite, capaciteMax),
    color: '#1f2933',
    weight: 1.5,
    fillColor: couleurOccupation(p.tauxOccupation),
    fillOpacity: 0.9,
    pane: PANNEAU,
  });

  const marquer = (m) => {
    const e = m.getElement();
    if (e) {
      e.setAttribute('data-parking', m.proprietes.id);
      e.setAttribute('data-etat', m.proprietes.etat);
    }
  };

  async function chargerProfil(m) {
    try {
      const profil = await getProfilParking(m.proprietes.id);
      const racine = m.getPopup()?.getElement();
      if (m.isPopupOpen() && racine) {
        remplirGraphique(racine, profil);
        m.profil = profil;
      }
    } catch (e) {
      const cible = m.getPopup()?.getElement()?.querySelector('.graphique');
      cible?.replaceChildren(element('p', { classe: 'attente', texte: `Profil indisponible : ${e.message}` }));
    }
  }

  const { vider } = couche;

  function placer(feature) {
    const p = feature.properties;
    const [longitude, latitude] = feature.geometry.coordinates;
    let m = marqueurs.get(p.id);
    if (!m) {
      m = L.circleMarker([latitude, longitude], style(p));
      m.proprietes = p;
      m.bindTooltip((c) => resumeParking(c.proprietes), { direction: 'top' });
      m.bindPopup((c) => contenuParking(c.proprietes), { minWidth: 300, maxWidth: LARGEUR_FENETRE });
      m.on('add', () => marquer(m));
      m.on('popupopen', () => chargerProfil(m));
      marqueurs.set(p.id, m);
      groupe.addLayer(m);
      return;
    }
    m.proprietes = p;
    m.setLatLng([latitude, longitude]);
    m.setStyle(style(p));
    m.setRadius(rayon(p.capacite, capaciteMax));
    marquer(m);
    rafraichirOuverts(m);
    if (m.isPopupOpen()) {
      chargerProfil(m);
    }
  }

  function afficher(geojson) {
    const features = points(geojson);
    if (features.length === 0) {
      vider();
      return;
    }
    const presents = new Set(features.map((f) => f.properties.id));
    couche.garder(presents);
    capaciteMax = Math.max(0, ...features.map((f) => f.properties.capacite || 0));
    // the largest first, so that a small car park next to a large one stays clickable
    [...features].sort((a, b) => (b.properties.capacite || 0) - (a.properties.capacite || 0)).forEach(placer);

    const places = features.reduce((s, f) => s + (f.properties.capacite || 0), 0);
    const sans = features.filter((f) => f.properties.tauxOccupation === null || f.properties.tauxOccupation === undefined).length;
    total.textContent = `Parkings : ${nombre(features.length)} (${nombre(places)}${INSECABLE}places)`;
    sansObservation.texte.textContent = `pas d'observation : ${nombre(sans)}`;
    couche.montrer(features);
  }

  return { afficher, vider };
}
