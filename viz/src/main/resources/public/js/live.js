// Live events of the server (/api/direct, server-sent events): one shared EventSource, opened on
// first use and closed when nobody listens any more. The browser reconnects by itself.
// The connection is also closed when the page is hidden for another one (pagehide), and opened
// again if the browser brings the page back from its back-forward cache: a page kept there with
// its connection open would hold one of the six connections a browser allows per server, and a
// few visits back and forth would leave the map without live updates.

const ADRESSE = '/api/direct';
let source = null;
const ecouteurs = new Set(); // { type, fonction }
const suiveursEtat = new Set();

function signaler(etat) {
  suiveursEtat.forEach((suivre) => suivre(etat));
}

function ouvrir() {
  if (source === null) {
    const nouvelle = new EventSource(ADRESSE);
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
