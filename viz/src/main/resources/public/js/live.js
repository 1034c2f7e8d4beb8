// Live events of the server (/api/direct, server-sent events): one shared EventSource, opened on
// first use and closed when nobody listens any more. The browser reconnects by itself. A map follows
// only its territory and indicators (suivre): another choice opens the connection again.
// The connection is also closed when the page is hidden for another one (pagehide), and opened
// again if the browser brings the page back from its back-forward cache: a page kept there with
// its connection open would hold one of the six connections a browser allows per server, and a
// few visits back and forth would leave the map without live updates.

import { adresseDirect } from './api.js';

let adresse = adresseDirect();
let source = null;
const ecouteurs = new Set(); // { type, fonction }
const suiveursEtat = new Set();

function signaler(etat) {
  suiveursEtat.forEach((suiveur) => suiveur(etat));
}

function ouvrir() {
  if (source === null) {
    const nouvelle = new EventSource(adresse);
    nouvelle.addEventListener('open', () => signaler('ouvert'));
    nouvelle.addEventListener('error', () => signaler(nouvelle.readyState === EventSource.CLOSED ? 'ferme' : 'reconnexion'));
    ecouteurs.forEach(({ type, fonction }) => nouvelle.addEventListener(type, fonction));
    source = nouvelle;
  }
  return source;
}

function fermer() {
  if (source !== null) {
    source.close();
    source = null;
  }
}

function fermerSiPlusPersonne() {
  if (ecouteurs.size === 0 && suiveursEtat.size === 0) {
    fermer();
  }
}

window.addEventListener('pagehide', () => {
  if (source !== null) {
    fermer();
    signaler('ferme');
  }
});

window.addEventListener('pageshow', (evenement) => {
  if (evenement.persisted && (ecouteurs.size > 0 || suiveursEtat.size > 0)) {
    ouvrir(); // its 'open' event tells the page to read the latest values again
  }
});

/**
 * Follows the cells of this territory and these indicators only (compact events, coalesced by the
 * server: sources and names are not in them). Returns whether that changed what is followed; if so, an
 * open connection is opened again, and its 'ouvert' status comes once the new one is open (cells
 * published in between are not sent: read the latest values again then).
 */
export function suivre(territoire, indicateurs) {
  const nouvelle = adresseDirect(territoire, indicateurs);
  if (nouvelle === adresse) {
    return false;
  }
  adresse = nouvelle;
  if (source !== null) {
    fermer();
    ouvrir();
  }
  return true;
}

/** Calls handler(data) with the parsed JSON of every event of this type; returns an unsubscribe function. */
export function onLiveEvent(type, handler) {
  const ecouteur = {
    type,
    fonction: (evenement) => {
      let donnees;
      try {
        donnees = JSON.parse(evenement.data);
      } catch {
        return; // not JSON: ignore
      }
      handler(donnees);
    },
  };
  ecouteurs.add(ecouteur);
  ouvrir().addEventListener(type, ecouteur.fonction);
  return () => {
    if (ecouteurs.delete(ecouteur)) {
      source?.removeEventListener(type, ecouteur.fonction);
      fermerSiPlusPersonne();
    }
  };
}

/** Calls handler('ouvert' | 'reconnexion' | 'ferme') when the connection changes; returns an unsubscribe function. */
export function onLiveStatus(handler) {
  ouvrir();
  suiveursEtat.add(handler);
  return () => {
    suiveursEtat.delete(handler);
    fermerSiPlusPersonne();
  };
}
