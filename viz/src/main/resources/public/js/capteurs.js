// The layer of the LoRaWAN devices (capteurs): one circle per device placed in the territory shown,
// blue when heard within the hour, grey when silent, above the communes; its popup gives the latest
// measures and the health of the device. The control of the point layers (this one and the antennas
// of antennes.js) shows or hides each layer and says what the colours mean. Updated in place (an
// open popup stays open). Text via textContent only: models, antennas and measures come from the
// network servers.

import * as L from 'leaflet';
import { avecUnite, dateEtHeure, majuscule, nombre } from './format.js';
import { PERIODE_PAR_DEFAUT_MS, suivreFraicheur } from './fraicheur.js';
import { creerGroupePoints, points, rafraichirOuverts } from './points.js';
import { element } from './vues.js';

export const COULEUR_A_JOUR = '#1565c0';
export const COULEUR_SILENCIEUX = '#8a8a8a';
const PANNEAU = 'capteurs';
// above the communes (overlayPane, 400), below tooltips and popups
const NIVEAU_PANNEAU = 450;
// wide enough for "Dernier message" beside "15 juillet 2025 à 13:00", narrower than a phone
const LARGEUR_FENETRE = Math.min(440, window.innerWidth - 48);

/** "Capteur Milesight EM500-CO2", or "Capteur" when the model is unknown. */
export function nomCapteur(p) {
  return p.libelleModele ? `Capteur ${p.libelleModele}` : 'Capteur';
}

/** "21,4 °C", "oui"/"non" for a yes/no measure (unit 0/1). */
export function valeurMesure(m) {
  if (m.unite === '0/1') {
    return m.valeur ? 'oui' : 'non';
  }
  return avecUnite(m.valeur, m.unite);
}

/** "À jour, vu il y a 12 min" or "Silencieux, vu il y a 3 h". */
export function etatCapteur(p) {
  return `${majuscule(p.etat)}, ${p.fraicheur}`;
}

/** "1 antenne", "3 antennes" (a non-breaking space after the number). */
export function pluriel(n, singulier, plurielMot) {
  return `${nombre(n)}\u00a0${n > 1 ? plurielMot : singulier}`;
}

/** "3 (2,4 %)": frames missing from the frame counter, and their share. */
function messagesPerdus(p) {
  const taux = p.tauxPerte === undefined || p.tauxPerte === null ? '' : ` (${avecUnite(p.tauxPerte, '%')})`;
  return `${nombre(p.tramesPerdues ?? 0)}${taux}`;
}

function styleCapteur(p) {
  return {
    radius: 7,
    color: '#ffffff',
    weight: 2,
    fillColor: p.silencieux ? COULEUR_SILENCIEUX : COULEUR_A_JOUR,
    fillOpacity: 0.95,
  };
}

/** The short hover text of a device. */
export function resumeCapteur(p) {
  return element('span', { texte: `${nomCapteur(p)} : ${p.fraicheur}` });
}

/** The detail of a device, for its popup. */
export function contenuCapteur(p) {
  const mesures = element('dl');
  (p.mesures || []).forEach((m) => mesures.append(
    element('dt', { texte: majuscule(m.libelle) }),
    element('dd', { texte: valeurMesure(m) }),
  ));
  const sante = element('dl');
  const ajouter = (terme, valeur) => sante.append(element('dt', { texte: terme }), element('dd', { texte: valeur }));
  if (p.commune) {
    ajouter('Commune', p.commune);
  }
  if (p.batterie !== undefined && p.batterie !== null) {
    ajouter('Batterie', avecUnite(p.batterie, '%'));
  }
  ajouter('Messages perdus', messagesPerdus(p));
  const antennes = p.passerelles || [];
  ajouter('Entendu par', antennes.length ? pluriel(antennes.length, 'antenne', 'antennes') : 'aucune antenne');
  if (p.derniereReception) {
    ajouter('Dernier message', dateEtHeure(p.derniereReception));
  }
  return element('div', { classe: `capteur${p.silencieux ? ' silencieux' : ''}` },
    element('h3', { texte: nomCapteur(p) }),
    element('p', { classe: 'etat-capteur', texte: etatCapteur(p) }),
    mesures.children.length ? element('h4', { texte: 'Dernières mesures' }) : null,
    mesures.children.length ? mesures : element('p', { texte: 'Aucune mesure reçue.' }),
    element('h4', { texte: "État de l'appareil" }),
    sante,
    antennes.length ? element('p', { classe: 'antennes', texte: `Antennes : ${antennes.join(', ')}` }) : null,
    element('p', { classe: 'identifiant', texte: `Identifiant (DevEUI) : ${p.devEui}` }),
    p.mention ? element('p', { classe: 'mention', texte: majuscule(p.mention) }) : null);
}

/** A row of the control: a swatch (a disc, or the symbol given) and a text, "à jour : entendu dans l'heure : 2". */
export function ligneLegende(couleur, symbole = null) {
  let pastille = symbole;
  if (!pastille) {
    pastille = element('span', { classe: 'pastille ronde' });
    pastille.style.background = couleur;
  }
  const texte = element('span');
  return { ligne: element('div', { classe: 'ligne' }, pastille, texte), texte };
}

/**
 * The control at the top right of the point layers: one section per layer (devices, then antennas,
 * in the order asked), the control shown while one of them has points. section(id, titre) returns
 * { total, ajouter(ligne), montrer(bool), surChangement(handler(coche)), noterLecture() }: a checkbox
 * #afficher-<id> labelled by the element total and by how recent the layer is ("mis à jour il y a
 * 8 s", from the last noterLecture(); a warning after three missed refreshes of periodeMs), the rows
 * added below it; hidden until montrer(true).
 */
export function creerControlePoints(carte, { periodeMs = PERIODE_PAR_DEFAUT_MS } = {}) {
  const racine = element('div', { classe: 'info capteurs' });
  L.DomEvent.disableClickPropagation(racine);
  L.DomEvent.disableScrollPropagation(racine);
  const controle = L.control({ position: 'topright' });
  controle.onAdd = () => racine;
  // on a projector the explanations of the colours cover part of the map: they fold, the layers' lines stay
  const replier = element('button', { classe: 'replier', texte: 'Replier' });
  replier.type = 'button';
  replier.setAttribute('aria-expanded', 'true');
  replier.setAttribute('aria-label', 'Replier les explications des couleurs des points');
  replier.addEventListener('click', () => {
    const repliee = racine.classList.toggle('repliee');
    replier.textContent = repliee ? 'Déplier' : 'Replier';
    replier.setAttribute('aria-expanded', String(!repliee));
    replier.setAttribute('aria-label', `${repliee ? 'Déplier' : 'Replier'} les explications des couleurs des points`);
  });
  racine.append(replier);
  let affiche = false;
  const sections = [];

  // Popups opening near the top of the map are panned below this control, which would else cover
  // their close button: Leaflet's default for every popup, read when a popup opens.
  function degagerFenetres() {
    L.Popup.prototype.options.autoPanPaddingTopLeft = affiche
      ? L.point(5, racine.offsetTop + racine.offsetHeight + 10) : null;
  }
  new ResizeObserver(degagerFenetres).observe(racine);

  function actualiser() {
    const utile = sections.some((s) => !s.hidden);
    if (utile && !affiche) {
      controle.addTo(carte);
    } else if (!utile && affiche) {
      controle.remove();
    }
    affiche = utile;
    degagerFenetres();
  }

  function section(id, titre) {
    const caseACocher = element('input');
    caseACocher.type = 'checkbox';
    caseACocher.checked = true;
    caseACocher.id = `afficher-${id}`;
    const total = element('span', { texte: titre });
    const fraicheur = element('span', { classe: 'fraicheur' });
    const suivi = suivreFraicheur(fraicheur, periodeMs);
    const libelle = element('label', { }, caseACocher, total, fraicheur);
    libelle.htmlFor = caseACocher.id;
    const bloc = element('div', { classe: `section section-${id}` }, libelle);
    bloc.hidden = true;
    racine.append(bloc);
    sections.push(bloc);
    return {
      total,
      ajouter: (ligne) => bloc.append(ligne),
      montrer: (oui) => {
        bloc.hidden = !oui;
        if (!oui) {
          suivi.oublier();
        }
        actualiser();
      },
      noterLecture: () => suivi.noter(),
      surChangement: (gestionnaire) => caseACocher.addEventListener('change', () => gestionnaire(caseACocher.checked)),
    };
  }

  return { section };
}

/**
 * The device layer of a map. afficher(geojson) draws the devices of a GET /api/capteurs.geojson
 * answer (none: layer and its section of the control are removed), vider() removes them.
 * controle: the control of creerControlePoints, where the layer puts its section. surSimulees(bool)
 * is told whether simulated devices are shown, for the attributions; surOuverture(proprietes,
 * latLng) and surFermeture() when a device's popup opens and closes (to show its antennas).
 */
export function creerCoucheCapteurs(carte, {
  controle, surSimulees = () => {}, surOuverture = () => {}, surFermeture = () => {},
}) {
  carte.createPane(PANNEAU).style.zIndex = String(NIVEAU_PANNEAU);
  const section = controle.section('capteurs', 'Capteurs');
  const couche = creerGroupePoints(carte, section, { surSimulees });
  const { groupe, marqueurs } = couche; // devEui -> circle marker
  const { total } = section;
  const aJour = ligneLegende(COULEUR_A_JOUR);
  const silencieux = ligneLegende(COULEUR_SILENCIEUX);
  section.ajouter(aJour.ligne);
  section.ajouter(silencieux.ligne);

  // the DevEUI and state on the SVG circle (created once on the map), for browser tests
  const marquer = (m) => {
    m.getElement()?.setAttribute('data-deveui', m.proprietes.devEui);
    m.getElement()?.setAttribute('data-etat', m.proprietes.etat);
  };

  const { vider } = couche;

  function placer(feature) {
    const p = feature.properties;
    const [longitude, latitude] = feature.geometry.coordinates;
    let m = marqueurs.get(p.devEui);
    if (!m) {
      m = L.circleMarker([latitude, longitude], { ...styleCapteur(p), pane: PANNEAU });
      m.proprietes = p;
      m.bindTooltip((c) => resumeCapteur(c.proprietes), { direction: 'top', offset: [0, -8] });
      m.bindPopup((c) => contenuCapteur(c.proprietes), { minWidth: 280, maxWidth: LARGEUR_FENETRE });
      m.on('add', () => marquer(m));
      m.on('popupopen', () => surOuverture(m.proprietes, m.getLatLng()));
      m.on('popupclose', () => surFermeture());
      marqueurs.set(p.devEui, m);
      groupe.addLayer(m);
      return;
    }
    m.proprietes = p;
    m.setLatLng([latitude, longitude]);
    m.setStyle(styleCapteur(p));
    marquer(m);
    rafraichirOuverts(m);
    if (m.isPopupOpen()) {
      surOuverture(p, m.getLatLng()); // its antennas may have changed
    }
  }

  function afficher(geojson) {
    const features = points(geojson);
    if (features.length === 0) {
      vider();
      return;
    }
    const presents = new Set(features.map((f) => f.properties.devEui));
    couche.garder(presents);
    features.forEach(placer);

    const nombreSilencieux = features.filter((f) => f.properties.silencieux).length;
    total.textContent = `Capteurs : ${nombre(features.length)}`;
    aJour.texte.textContent = `à jour : entendu dans l'heure : ${nombre(features.length - nombreSilencieux)}`;
    silencieux.texte.textContent = `silencieux depuis plus d'une heure : ${nombre(nombreSilencieux)}`;
    couche.montrer(features);
  }

  return { afficher, vider };
}
