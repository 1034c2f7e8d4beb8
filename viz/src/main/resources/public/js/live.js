// Live events of the server (/api/direct, server-sent events): one shared EventSource, opened on
// first use and closed when nobody listens any more. The browser reconnects by itself.

const ADRESSE = '/api/direct';
let source = null;
let abonnes = 0;
const suiveursEtat = new Set();

function ouvrir() {
  if (source === null) {
    source = new EventSource(ADRESSE);
    source.addEventListener('open', () => suiveursEtat.forEach((suivre) => suivre('ouvert')));
    source.addEventListener('error', () => {
      const etat = source.readyState === EventSource.CLOSED ? 'ferme' : 'reconnexion';
      suiveursEtat.forEach((suivre) => suivre(etat));
    });
  }
  return source;
}

function fermerSiPlusPersonne() {
  if (abonnes === 0 && suiveursEtat.size === 0 && source !== null) {
    source.close();
    source = null;
  }
}

/** Calls handler(data) with the parsed JSON of every event of this type; returns an unsubscribe function. */
export function onLiveEvent(type, handler) {
  const courante = ouvrir();
  const ecouteur = (evenement) => {
    let donnees;
    try {
      donnees = JSON.parse(evenement.data);
    } catch {
      return; // not JSON: ignore
    }
    handler(donnees);
  };
  courante.addEventListener(type, ecouteur);
  abonnes += 1;
  let actif = true;
  return () => {
    if (actif) {
      actif = false;
      courante.removeEventListener(type, ecouteur);
      abonnes -= 1;
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
