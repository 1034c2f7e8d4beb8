// Calls to the server's JSON API. Every function rejects with an Error carrying the server's
// French message (and the HTTP status in error.status) when the answer is not 2xx.

export async function getJson(path, accept = 'application/json') {
  const response = await fetch(path, { headers: { Accept: accept } });
  if (!response.ok) {
    let message = `Le serveur a répondu ${response.status}.`;
    try {
      const body = await response.json();
      if (body && typeof body.erreur === 'string') {
        message = body.erreur;
      }
    } catch {
      // not JSON: keep the generic message
    }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const NOUVEL_ESSAI_MS = 3000;

/**
 * Calls appel() again every 3 s while the server answers 503 (its stores are still loading at
 * start-up), telling enAttente(message) the server's French message each time; any other error rejects.
 */
export async function avecNouveauxEssais(appel, enAttente = () => {}) {
  for (;;) {
    try {
      return await appel();
    } catch (e) {
      if (e.status !== 503) {
        throw e;
      }
      enAttente(e.message);
      await new Promise((r) => setTimeout(r, NOUVEL_ESSAI_MS));
    }
  }
}

export const getTerritoires = () => getJson('/api/territoires');

export const getTerritoire = (territoire) => getJson(`/api/territoires/${encodeURIComponent(territoire)}`);

export const getIndicateurs = () => getJson('/api/indicateurs');

export const getHorloge = () => getJson('/api/horloge');

/**
 * The live events of one map: the cells of the territory's communes for these indicators, compact and
 * coalesced by the server; without arguments, every cell of every territory in full.
 */
export function adresseDirect(territoire = null, indicateurs = []) {
  const parametres = new URLSearchParams();
  if (territoire) {
    parametres.set('territoire', territoire);
  }
  [...new Set(indicateurs)].forEach((i) => parametres.append('indicateur', i));
  const requete = parametres.toString();
  return requete ? `/api/direct?${requete}` : '/api/direct';
}

/** "&debut=…" (or "?debut=…" as the first parameter) for a past period, "" for the latest one. */
const parametreDebut = (debut, premier = false) => (debut ? `${premier ? '?' : '&'}debut=${encodeURIComponent(debut)}` : '');

/** niveau: 'commune' (communes.geojson) or 'iris' (iris.geojson, the IRIS that have a contour). */
export const adresseGeoJson = (territoire, indicateur, debut = null, niveau = 'commune') =>
  `/api/territoires/${encodeURIComponent(territoire)}/${niveau === 'iris' ? 'iris' : 'communes'}.geojson`
  + `?indicateur=${encodeURIComponent(indicateur)}${parametreDebut(debut)}`;

export const adresseCsv = (territoire, indicateur, debut = null, niveau = 'commune') => {
  const parametres = [debut ? `debut=${encodeURIComponent(debut)}` : null, niveau === 'iris' ? 'niveau=iris' : null]
    .filter(Boolean);
  return `/api/indicateurs/${encodeURIComponent(indicateur)}/territoires/${encodeURIComponent(territoire)}.csv`
    + (parametres.length ? `?${parametres.join('&')}` : '');
};

/** The IRIS of the territory that have a contour, with their cell, as getCommunes gives the communes. */
export const getIris = (territoire, indicateur, debut = null) =>
  getJson(adresseGeoJson(territoire, indicateur, debut, 'iris'), 'application/geo+json, application/json');

/** The communes with the latest cell of the indicator, or with their cell of the window starting at debut. */
export const getCommunes = (territoire, indicateur, debut = null) =>
  getJson(adresseGeoJson(territoire, indicateur, debut), 'application/geo+json, application/json');

/** The windows of the indicator with cells in the territory, oldest first: [{debut, fin, libelle, communes}]. */
export const getPeriodes = (territoire, indicateur, niveau = 'commune') =>
  getJson(`/api/territoires/${encodeURIComponent(territoire)}/periodes?indicateur=${encodeURIComponent(indicateur)}`
    + (niveau === 'iris' ? '&niveau=iris' : ''));

export const getHistorique = (indicateur, codeCommune) =>
  getJson(`/api/indicateurs/${encodeURIComponent(indicateur)}/communes/${encodeURIComponent(codeCommune)}/historique`);

export const adresseCapteurs = (territoire) => `/api/capteurs.geojson?territoire=${encodeURIComponent(territoire)}`;

export const getCapteurs = (territoire) => getJson(adresseCapteurs(territoire), 'application/geo+json, application/json');

export const adressePasserelles = (territoire) => `/api/passerelles.geojson?territoire=${encodeURIComponent(territoire)}`;

export const getPasserelles = (territoire) =>
  getJson(adressePasserelles(territoire), 'application/geo+json, application/json');

export const adresseParkings = (territoire) => `/api/parkings.geojson?territoire=${encodeURIComponent(territoire)}`;

export const adresseParkingsFiware = (territoire) => `/api/parkings.ngsi.json?territoire=${encodeURIComponent(territoire)}`;

export const getParkings = (territoire) => getJson(adresseParkings(territoire), 'application/geo+json, application/json');

export const getProfilParking = (id) => getJson(`/api/parkings/${encodeURIComponent(id)}/profil`);
