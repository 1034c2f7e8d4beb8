// The presentation of a territory to its elected officials (/presentation.html?territoire=…), full
// screen, one slide at a time: a cover (the territory, the day, what is real and what is simulated),
// one slide per proof of concept (its map fitted to the territory, its legend and its fiche docked
// beside the map, never over it; values kept up to date from the live events), a slide comparing two
// periods of one crossing side by side (same classes, two result sentences), and « Les données »
// (the sources, the catalogue, a QR code of the live map drawn by the server). Arrows, Page Up/Down
// (a presenter's remote), Home/End; B or « . » for a black screen. « Imprimer le dossier » prints the
// cover and every fiche with its map, one A4 landscape page each (css/dossier.css); ?dossier=1 shows
// those pages on screen. ?comparer=<indicateur>&periodes=<début>,<début> choose the comparison.

import * as L from 'leaflet';
import {
  avecNouveauxEssais, getCommunes, getHorloge, getIndicateurs, getPeriodes, getTerritoire, getTerritoires,
} from './api.js';
import { cadrer } from './cadrage.js';
import { estAuMoinsAussiRecente, proprietesDepuisCellule } from './cellules.js';
import { classesPour, style } from './choropleth.js';
import { donneesCroisees, fiche, phraseResultat } from './fiche.js';
import { heureSimulee, majuscule } from './format.js';
import { onLiveEvent, onLiveStatus, suivre } from './live.js';
import { element, legende, resumeCommune } from './vues.js';

// Our own fixed wording, as on the map page: Leaflet inserts attributions as HTML.
const ATTRIBUTIONS = ['Insee', 'IGN, Admin Express (via france-geojson)'];
const ATTRIBUTION_SIMULEES = 'données simulées';
// the periods read to find the two to compare: the latest ones (two months of days), one request each
const PERIODES_EXAMINEES = 62;
const JOUR = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

const parametres = new URLSearchParams(window.location.search);
const racine = document.getElementById('diapos');
const ecranNoir = document.getElementById('ecran-noir');
const feuilleDossier = document.getElementById('feuille-dossier');
const dossierDemande = parametres.get('dossier') === '1';

/** What the presentation shows: its slides, and the maps drawn on them. */
const etat = {
  territoire: null,
  diapos: [], // section elements, in order
  index: 0,
  cartes: [], // { carte, couche }: every map, to fit again when the page is resized or printed
  preuves: [], // { definition, couche, classes, communes: Map(code -> layer), resultat, fraicheur, direct }
  derniereMiseAJour: null,
};

function titreDiapo(titre, sousTitre) {
  return element('header', { classe: 'titre-diapo' }, element('h2', { texte: titre }),
    sousTitre ? element('p', { classe: 'sous-titre', texte: sousTitre }) : null);
}

/** A Leaflet map of the communes of a GeoJSON in this element, without zoom buttons nor keyboard (the keys turn the slides). */
function carteDesCommunes(conteneur, geojson, definition, classes) {
  const carte = L.map(conteneur, {
    zoomControl: false, keyboard: false, scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: true,
  });
  carte.attributionControl.setPrefix('Leaflet');
  ATTRIBUTIONS.forEach((a) => carte.attributionControl.addAttribution(a));
  if (geojson.features.some((f) => f.properties.simule)) {
    carte.attributionControl.addAttribution(ATTRIBUTION_SIMULEES);
  }
  const communes = new Map();
  const couche = L.geoJSON(geojson, {
    style: (feature) => style(feature, classes),
    onEachFeature: (feature, c) => {
      c.bindTooltip((l) => resumeCommune(l.feature.properties), { sticky: true });
      c.on('add', () => c.getElement()?.setAttribute('data-code', feature.properties.code));
      communes.set(feature.properties.code, c);
    },
  }).addTo(carte);
  cadrer(carte, couche.getBounds(), { animate: false });
  etat.cartes.push({ carte, couche });
  return { carte, couche, communes };
}

/** The legend of the classes, docked beside the map (the same content as the map page's). */
function legendeAQuai(definition, classes) {
  const bloc = legende(definition, classes);
  bloc.classList.add('a-quai');
  return bloc;
}

function blocFiche(definition, territoire, proprietes) {
  const f = fiche(definition, territoire, proprietes);
  const resultat = element('p', { classe: 'resultat', texte: f.resultat });
  const sources = element('ul', { classe: 'sources-fiche' }, ...f.donnees.map((d) => element('li', {},
    element('span', { texte: `${d.texte}${d.licence ? ` — ${d.licence}` : ''} — ` }),
    element('span', { classe: d.nature === 'simulé' ? 'badge simule' : 'badge reel', texte: d.nature }))));
  const bloc = element('div', { classe: 'fiche-diapo' },
    element('h3', { texte: 'La question' }), element('p', { texte: f.question }),
    element('h3', { texte: 'Le résultat' }), resultat,
    element('h3', { texte: 'Les données croisées' }), sources,
    element('h3', { texte: 'Le calcul' }), element('p', { texte: f.calcul }),
    element('h3', { texte: 'Les limites' }), element('p', { texte: f.limites }),
    f.origine ? element('p', { classe: 'origine', texte: f.origine }) : null);
  return { bloc, resultat };
}

/** The period of the latest cells of a map: « Semaine du 6 au 12 janvier 2025 ». */
function periodeAffichee(proprietes) {
  const derniere = proprietes.filter((p) => p.semaine && p.debut).sort((a, b) => Date.parse(b.debut) - Date.parse(a.debut))[0];
  return derniere ? majuscule(derniere.semaine) : null;
}

/** A slide of a proof of concept: its map, and beside it its legend and fiche; kept up to date live. */
function diapoPreuve(territoire, definition, geojson) {
  const proprietes = geojson.features.map((f) => f.properties);
  const classes = classesPour(definition, proprietes.filter((p) => !p.secret).map((p) => p.valeur));
  const periode = periodeAffichee(proprietes);
  const conteneur = element('div', { classe: 'carte-diapo' });
  conteneur.setAttribute('role', 'img');
  conteneur.setAttribute('aria-label', `Carte des communes : ${definition.libelle}`);
  const { bloc, resultat } = blocFiche(definition, territoire, proprietes);
  // the period of the values; « en direct » only on screen: the paper does not change
  const direct = element('p', { classe: 'direct' }, element('span', { classe: 'periode-diapo', texte: periode ?? '' }),
    element('span', { classe: 'en-direct', texte: periode ? ' — valeurs en direct' : 'Valeurs en direct' }));
  const legendeBloc = legendeAQuai(definition, classes);
  const diapo = element('section', { classe: 'diapo diapo-preuve' },
    titreDiapo(majuscule(definition.sujet || definition.libelle), `${territoire.nom} — ${definition.libelle}`),
    element('div', { classe: 'corps' }, conteneur, element('aside', { classe: 'cote' }, legendeBloc, direct, bloc)));
  diapo.dataset.indicateur = definition.id;
  return {
    diapo,
    dessiner: () => {
      const { couche, communes } = carteDesCommunes(conteneur, geojson, definition, classes);
      etat.preuves.push({ definition, couche, classes, communes, resultat, fraicheur: legendeBloc.querySelector('.fraicheur'), direct });
    },
  };
}

/** The two periods to compare among those of an indicator: the asked ones, or its highest and lowest total, in time order. */
async function choisirPeriodes(territoire, definition, periodes) {
  const demandees = (parametres.get('periodes') || '').split(',').filter(Boolean)
    .map((d) => periodes.find((p) => Date.parse(p.debut) === Date.parse(d))).filter(Boolean);
  if (demandees.length === 2) {
    return demandees.sort((a, b) => Date.parse(a.debut) - Date.parse(b.debut));
  }
  const examinees = periodes.slice(-PERIODES_EXAMINEES);
  const cartes = await Promise.all(examinees.map((p) => getCommunes(territoire.id, definition.id, p.debut)));
  const totaux = cartes.map((g) => g.features.reduce((s, f) => s + (f.properties.secret ? 0 : f.properties.valeur ?? 0), 0));
  let haut = 0;
  let bas = 0;
  totaux.forEach((t, i) => {
    if (t > totaux[haut]) {
      haut = i;
    }
    if (t <= totaux[bas]) {
      bas = i; // the latest of the lowest: an ordinary day close to now
    }
  });
  if (haut === bas) {
    [bas, haut] = [examinees.length - 2, examinees.length - 1];
  }
  return [Math.min(bas, haut), Math.max(bas, haut)].map((i) => ({ ...examinees[i], geojson: cartes[i] }));
}

/** The comparison slide, or null when no crossing of the territory has two periods yet. */
async function diapoComparaison(territoire, definitions) {
  const demande = parametres.get('comparer');
  const candidates = [...definitions.filter((d) => d.id === demande), ...definitions.filter((d) => d.id !== demande)];
  for (const definition of candidates) {
    const periodes = await avecNouveauxEssais(() => getPeriodes(territoire.id, definition.id));
    if (periodes.length >= 2) {
      const deux = await choisirPeriodes(territoire, definition, periodes);
      const cartes = await Promise.all(deux.map((p) => p.geojson ?? getCommunes(territoire.id, definition.id, p.debut)));
      const toutes = cartes.flatMap((g) => g.features.map((f) => f.properties));
      // the same classes on both maps: cut on the values of the two periods together
      const classes = classesPour(definition, toutes.filter((p) => !p.secret).map((p) => p.valeur));
      const volets = deux.map((p, i) => {
        const conteneur = element('div', { classe: 'carte-diapo' });
        conteneur.setAttribute('role', 'img');
        conteneur.setAttribute('aria-label', `Carte des communes, ${p.libelle}`);
        const volet = element('figure', { classe: 'volet' }, element('h3', { texte: majuscule(p.libelle) }), conteneur,
          element('figcaption', { classe: 'resultat', texte: phraseResultat(definition, cartes[i].features.map((f) => f.properties)) }));
        volet.dataset.debut = p.debut;
        return { volet, conteneur, geojson: cartes[i] };
      });
      const diapo = element('section', { classe: 'diapo diapo-comparaison' },
        titreDiapo(`Deux périodes comparées : ${definition.sujet || definition.libelle}`,
          `${territoire.nom} — ${deux.map((p) => p.libelle).join(' et ')}`),
        element('div', { classe: 'corps' }, element('div', { classe: 'deux' }, ...volets.map((v) => v.volet)),
          element('aside', { classe: 'cote' }, legendeAQuai(definition, classes),
            element('p', { classe: 'memes-classes', texte: 'Les deux cartes ont les mêmes classes : une même couleur dit une même valeur.' }))));
      diapo.dataset.indicateur = definition.id;
      return { diapo, dessiner: () => volets.forEach((v) => carteDesCommunes(v.conteneur, v.geojson, definition, classes)) };
    }
  }
  return null;
}

/** Every source of the slides, once, with its licence and « réel » or « simulé ». */
function sourcesDe(territoire, cartes) {
  const vues = new Map();
  cartes.forEach((proprietes) => donneesCroisees(territoire, proprietes).forEach((d) => vues.set(d.texte, d)));
  (territoire.sources || []).forEach((s) => {
    if (![...vues.keys()].some((t) => s.libelle.startsWith(t))) {
      vues.set(s.libelle, { texte: s.libelle.replace(/, données simulées$/, ''), licence: s.licence, nature: s.simule ? 'simulé' : 'réel' });
    }
  });
  return [...vues.values()];
}

function ligneSource(d) {
  return element('li', {}, element('span', { texte: `${d.texte}${d.licence ? ` — ${d.licence}` : ''} — ` }),
    element('span', { classe: d.nature === 'simulé' ? 'badge simule' : 'badge reel', texte: d.nature }));
}

function diapoCouverture(territoire, sources, horloge, nombrePreuves) {
  const reelles = sources.filter((d) => d.nature === 'réel');
  const simulees = sources.filter((d) => d.nature === 'simulé');
  return element('section', { classe: 'diapo diapo-couverture' },
    element('p', { classe: 'surtitre', texte: 'Croisements — des données croisées sur une carte' }),
    element('h1', { texte: territoire.nom }),
    element('p', { classe: 'date', texte: `Présenté le ${JOUR.format(new Date())}` }),
    horloge ? element('p', { classe: 'date', texte: `Heure simulée de la démonstration : ${heureSimulee(horloge)}` }) : null,
    element('p', { classe: 'sommaire', texte: `${nombrePreuves} preuve${nombrePreuves > 1 ? 's' : ''} de concept, `
      + 'chacune avec sa carte et sa fiche : la question, le résultat, les données croisées, le calcul, les limites.' }),
    element('div', { classe: 'reel-simule' },
      element('div', {}, element('h2', { texte: 'Ce qui est réel' }),
        reelles.length ? element('ul', {}, ...reelles.map(ligneSource)) : element('p', { texte: 'Aucune donnée réelle.' })),
      element('div', {}, element('h2', { texte: 'Ce qui est simulé' }),
        simulees.length ? element('ul', {}, ...simulees.map(ligneSource))
          : element('p', { texte: 'Rien : toutes les données de cette présentation sont réelles.' }))));
}

function diapoDonnees(territoire, sources) {
  const adresse = `${window.location.origin}/carte.html?territoire=${encodeURIComponent(territoire.id)}`;
  const qr = element('img', { classe: 'qr' });
  qr.src = `/api/qr.svg?texte=${encodeURIComponent(adresse)}`;
  qr.alt = `Code QR de la carte en direct : ${adresse}`;
  const lienCarte = element('a', { texte: adresse });
  lienCarte.href = adresse;
  const catalogue = `${window.location.origin}/catalogue`;
  const lienCatalogue = element('a', { texte: catalogue });
  lienCatalogue.href = catalogue;
  return element('section', { classe: 'diapo diapo-donnees' },
    titreDiapo('Les données', territoire.nom),
    element('div', { classe: 'corps' },
      element('div', {}, element('h3', { texte: 'Les sources' }), element('ul', { classe: 'sources-fiche' }, ...sources.map(ligneSource)),
        element('h3', { texte: 'Le catalogue des données' }),
        element('p', {}, 'Sources, millésimes, licences, données réelles ou simulées : ', lienCatalogue)),
      element('figure', { classe: 'code-qr' }, qr,
        element('figcaption', {}, 'La carte en direct, sur votre téléphone : ', lienCarte))));
}

/** The proofs of concept of a territory: its crossings, in catalogue order; its first INSEE figure when it has none. */
function preuvesDe(territoire, definitions) {
  const disponibles = definitions.filter((d) => (territoire.indicateurs || []).includes(d.id));
  const croisements = disponibles.filter((d) => !d.reference);
  return croisements.length ? croisements : disponibles.slice(0, 1);
}

/* Navigation */

function montrer(index) {
  const n = etat.diapos.length;
  etat.index = Math.max(0, Math.min(n - 1, index));
  etat.diapos.forEach((d, i) => {
    d.classList.toggle('active', i === etat.index);
    d.setAttribute('aria-hidden', String(i !== etat.index));
  });
  document.getElementById('numero').textContent = `${etat.index + 1} / ${n}`;
  document.getElementById('precedente').disabled = etat.index === 0;
  document.getElementById('suivante').disabled = etat.index === n - 1;
  window.history.replaceState(null, '', `#${etat.index + 1}`);
}

function basculerNoir(noir = ecranNoir.hidden) {
  ecranNoir.hidden = !noir;
  document.documentElement.classList.toggle('noir', noir);
}

function touche(e) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest?.('input, select, textarea')) {
    return;
  }
  const aller = {
    ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, Enter: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Backspace: -1,
  }[e.key];
  if (e.key === 'b' || e.key === 'B' || e.key === '.') {
    basculerNoir();
  } else if (e.key === 'Escape' && !ecranNoir.hidden) {
    basculerNoir(false);
  } else if (e.key === 'Home' || e.key === 'End') {
    basculerNoir(false);
    montrer(e.key === 'Home' ? 0 : etat.diapos.length - 1);
  } else if (aller && !(e.key === 'Enter' && e.target.closest?.('a, button'))) {
    basculerNoir(false);
    montrer(etat.index + aller);
  } else {
    return;
  }
  e.preventDefault();
}

/* Maps fitted again when their size changes: the window, full screen, the printed dossier */

function recadrerTout() {
  etat.cartes.forEach(({ carte, couche }) => {
    if (!carte.getContainer().offsetWidth) {
      return; // not laid out (a slide left off the paper): fitted again once shown
    }
    carte.invalidateSize({ animate: false });
    cadrer(carte, couche.getBounds(), { animate: false });
  });
}

function dossier(oui) {
  document.documentElement.classList.toggle('dossier', oui);
  feuilleDossier.media = oui ? 'all' : 'print';
  recadrerTout(); // reading the sizes lays the pages out now: the maps are fitted to the paper before it prints
}

function preparerDossier() {
  document.getElementById('imprimer-dossier').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', () => dossier(true));
  window.addEventListener('afterprint', () => dossier(dossierDemande));
  let prevu = null;
  window.addEventListener('resize', () => {
    clearTimeout(prevu);
    prevu = setTimeout(recadrerTout, 150);
  });
}

/* Live values */

function rafraichirFraicheur() {
  const secondes = Math.round((Date.now() - etat.derniereMiseAJour) / 1000);
  const texte = `Communes — mises à jour ${secondes < 2 ? "à l'instant" : `il y a ${secondes} s`}`;
  etat.preuves.forEach((p) => {
    if (p.fraicheur) {
      p.fraicheur.textContent = secondes < 3600 ? texte : '';
    }
  });
}

function appliquerCellule(cellule) {
  etat.preuves.filter((p) => p.definition.id === cellule.indicateur).forEach((p) => {
    const couche = p.communes.get(cellule.codeZone);
    if (!couche || !estAuMoinsAussiRecente(cellule, couche.feature.properties)) {
      return;
    }
    Object.assign(couche.feature.properties, proprietesDepuisCellule(cellule, p.definition, couche.feature.properties));
    couche.setStyle(style(couche.feature, p.classes));
    p.resultat.textContent = phraseResultat(p.definition, [...p.communes.values()].map((c) => c.feature.properties));
    const periode = periodeAffichee([...p.communes.values()].map((c) => c.feature.properties));
    p.direct.querySelector('.periode-diapo').textContent = periode ?? '';
    etat.derniereMiseAJour = Date.now();
  });
}

/** Reads the latest values of every proof again (after the live connection was opened or came back). */
async function relire() {
  await Promise.all(etat.preuves.map(async (p) => {
    const geojson = await getCommunes(etat.territoire.id, p.definition.id);
    geojson.features.forEach((f) => {
      const couche = p.communes.get(f.properties.code);
      if (couche && estAuMoinsAussiRecente(f.properties, couche.feature.properties)) {
        Object.assign(couche.feature.properties, f.properties);
        couche.setStyle(style(couche.feature, p.classes));
      }
    });
    p.resultat.textContent = phraseResultat(p.definition, [...p.communes.values()].map((c) => c.feature.properties));
  }));
  etat.derniereMiseAJour = Date.now();
}

function suivreEnDirect() {
  suivre(etat.territoire.id, etat.preuves.map((p) => p.definition.id));
  onLiveEvent('indicateur', appliquerCellule);
  let interrompu = true; // the first opening too: cells published before it are read from the server
  onLiveStatus((statut) => {
    if (statut === 'ouvert' && interrompu) {
      interrompu = false;
      relire().then(() => {
        document.documentElement.dataset.direct = 'ouvert'; // read again and followed live: for the browser tests
      }).catch((e) => console.warn('Valeurs non relues :', e.message));
    } else if (statut !== 'ouvert') {
      interrompu = true;
      delete document.documentElement.dataset.direct;
    }
  });
  setInterval(rafraichirFraicheur, 1000);
}

async function demarrer() {
  preparerDossier();
  const [territoires, definitions] = await avecNouveauxEssais(() => Promise.all([getTerritoires(), getIndicateurs()]),
    (message) => { document.getElementById('etat').textContent = message; });
  const demande = parametres.get('territoire');
  const choisi = territoires.find((t) => t.id === demande) ?? territoires[0];
  const territoire = await avecNouveauxEssais(() => getTerritoire(choisi.id));
  etat.territoire = territoire;
  document.title = `Croisements — ${territoire.nomCourt} : présentation aux élus`;
  document.getElementById('retour-carte').href = `/carte.html?territoire=${encodeURIComponent(territoire.id)}`;

  const definitionsPreuves = preuvesDe(territoire, definitions);
  const cartes = await Promise.all(definitionsPreuves.map((d) => avecNouveauxEssais(() => getCommunes(territoire.id, d.id))));
  const preuves = definitionsPreuves.map((d, i) => diapoPreuve(territoire, d, cartes[i]));
  const comparaison = await diapoComparaison(territoire, definitionsPreuves.filter((d) => !d.reference));
  const horloge = await getHorloge().then((h) => h.simulee ?? null).catch(() => null);
  const sources = sourcesDe(territoire, cartes.map((g) => g.features.map((f) => f.properties)));

  const diapos = [diapoCouverture(territoire, sources, horloge, preuves.length), ...preuves.map((p) => p.diapo),
    ...(comparaison ? [comparaison.diapo] : []), diapoDonnees(territoire, sources)];
  racine.replaceChildren(...diapos);
  etat.diapos = diapos;
  if (demande && demande !== territoire.id) {
    diapos[0].prepend(element('p', { classe: 'etat erreur', texte: `Territoire inconnu : « ${demande} », présentation de ${territoire.nom}.` }));
  }
  // slides are stacked, the hidden ones laid out too: each map has its size when it is drawn
  preuves.forEach((p) => p.dessiner());
  comparaison?.dessiner();
  if (dossierDemande) {
    dossier(true);
  }
  const depuisAdresse = Number.parseInt(window.location.hash.slice(1), 10);
  montrer(Number.isFinite(depuisAdresse) ? depuisAdresse - 1 : 0);
  document.addEventListener('keydown', touche);
  window.addEventListener('hashchange', () => {
    const numero = Number.parseInt(window.location.hash.slice(1), 10);
    if (Number.isFinite(numero) && numero - 1 !== etat.index) {
      montrer(numero - 1);
    }
  });
  document.getElementById('precedente').addEventListener('click', () => montrer(etat.index - 1));
  document.getElementById('suivante').addEventListener('click', () => montrer(etat.index + 1));
  document.getElementById('plein-ecran').addEventListener('click', () => {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else {
      document.documentElement.requestFullscreen?.().catch(() => {});
    }
  });
  etat.derniereMiseAJour = Date.now();
  suivreEnDirect();
  document.documentElement.dataset.pret = 'oui'; // every slide drawn: for the browser tests
}

demarrer().catch((e) => {
  const message = element('p', { classe: 'etat erreur', texte: `La présentation n'a pas pu être chargée : ${e.message}` });
  message.setAttribute('role', 'alert');
  racine.replaceChildren(element('section', { classe: 'diapo active' }, message));
});
