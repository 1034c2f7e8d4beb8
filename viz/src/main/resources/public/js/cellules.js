// From an indicator cell (the JSON of an SSE "indicateur" event) to the properties of a commune
// on the map, the same way the server builds them in communes.geojson. A map subscribed to its
// territory receives compact cells, without sources: the commune keeps those it has. Pure functions.

import { libelleSemaine, libelleSource } from './format.js';

export const SECRET = 'secret statistique';
export const DISPONIBLE = 'valeur disponible';
export const SIMULEES = 'données simulées';

/** Whether the cell is at least as recent as what the commune shows (an older window must not win). */
export function estAuMoinsAussiRecente(cellule, proprietes) {
  return !proprietes.debut || Date.parse(cellule.debut) >= Date.parse(proprietes.debut);
}

/** Whether the cell comes with its sources (a full cell), rather than compact. */
const avecSources = (cellule) => 'sourceNumerateur' in cellule;

/**
 * The properties of a commune that come from its cell; code, nom and INSEE figures are kept apart.
 * avant: the commune's properties now, whose sources stay when the cell is compact.
 */
export function proprietesDepuisCellule(cellule, definition, avant = {}) {
  const visible = !cellule.secret;
  const sourcesDeLaCellule = avecSources(cellule);
  const mesures = cellule.mesures || {};
  let etat = DISPONIBLE;
  if (cellule.secret) {
    etat = SECRET;
  } else if (cellule.valeur === null || cellule.valeur === undefined) {
    etat = definition.etatSansDonnee;
  }
  return {
    indicateur: cellule.indicateur,
    unite: cellule.unite || definition.unite,
    valeur: visible ? cellule.valeur ?? null : null,
    numerateur: visible ? cellule.numerateur ?? null : null,
    denominateur: cellule.denominateur ?? null,
    levees: visible ? mesures.levees ?? null : null,
    debut: cellule.debut,
    fin: cellule.fin,
    semaine: libelleSemaine(cellule.debut, cellule.fin),
    sourceNumerateur: sourcesDeLaCellule ? libelleSource(cellule.sourceNumerateur) : avant.sourceNumerateur ?? null,
    sourceDenominateur: sourcesDeLaCellule ? libelleSource(cellule.sourceDenominateur) : avant.sourceDenominateur ?? null,
    secret: Boolean(cellule.secret),
    simule: Boolean(cellule.simule),
    etat,
    mention: cellule.simule ? SIMULEES : null,
    composantes: composantes(cellule, definition, sourcesDeLaCellule ? null : avant.composantes || []),
    sources: sourcesDeLaCellule ? sources(cellule) : avant.sources ?? [],
  };
}

/**
 * The components of a composite indicator (the one INSEE hides is secret), or the measures detailing
 * a ratio (their unit is in their label), as the server lists them; their sources are those of the
 * cell, or of the components the commune has (avant) when the cell is compact.
 */
function composantes(cellule, definition, avant = null) {
  const mesures = cellule.mesures || {};
  const sourcesMesures = cellule.sourcesMesures || {};
  return (definition.composantes || []).map((c) => {
    const valeur = mesures[c.code] ?? null;
    return {
      code: c.code,
      libelle: c.libelle,
      valeur,
      unite: definition.composite ? definition.unite : null,
      source: avant ? avant.find((a) => a.code === c.code)?.source ?? null : libelleSource(sourcesMesures[c.code]),
      secret: Boolean(cellule.secret) && valeur === null,
    };
  });
}

/** Every distinct source label of the cell: numerator, denominator, then the measures' by name. */
function sources(cellule) {
  const sourcesMesures = cellule.sourcesMesures || {};
  const toutes = [cellule.sourceNumerateur, cellule.sourceDenominateur,
    ...Object.keys(sourcesMesures).sort().map((k) => sourcesMesures[k])];
  return [...new Set(toutes.map(libelleSource).filter(Boolean))];
}
