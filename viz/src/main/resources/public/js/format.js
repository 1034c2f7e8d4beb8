// French wording of numbers, instants and periods. Pure functions, no DOM.

const NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const JOUR = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris',
});
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const HEURE = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
// Windows are cut in universal time by the server: read their dates in UTC too.
const MOIS = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });
const JOUR_MS = 86_400_000;
const INSECABLE = '\u00a0';

/** "1 234,5", or "" for a missing figure. */
export function nombre(valeur) {
  return valeur === null || valeur === undefined || Number.isNaN(valeur) ? '' : NOMBRE.format(valeur);
}

const EN_LETTRES = ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze',
  'douze', 'treize', 'quatorze', 'quinze', 'seize'];

/** "quatre territoires", "un territoire", "17 territoires": a count in words up to sixteen, in figures beyond. */
export function compteEnLettres(n, singulier, plurielMot) {
  const mot = n > 1 ? plurielMot : singulier;
  return Number.isInteger(n) && n >= 0 && n < EN_LETTRES.length ? `${EN_LETTRES[n]} ${mot}` : `${nombre(n)}${INSECABLE}${mot}`;
}

/** "62,5 %": a number and its unit, joined by a non-breaking space. */
export function avecUnite(valeur, unite) {
  const texte = nombre(valeur);
  return unite ? `${texte}${INSECABLE}${unite}` : texte;
}

/** "lundi 6 janvier 2025, 08:00" (French time). */
export function heureSimulee(iso) {
  const instant = new Date(iso);
  return `${JOUR.format(instant)}, ${HEURE.format(instant)}`;
}

/** "15 juillet 2025 à 13:00" (French time). */
export function dateEtHeure(iso) {
  const instant = new Date(iso);
  return `${DATE.format(instant)} à ${HEURE.format(instant)}`;
}

/** "5 s", "3 min", "2 h": a duration in its largest whole unit (seconds rounded). */
export function duree(secondes) {
  const s = Math.max(0, Math.round(secondes));
  if (s < 60) {
    return `${s}${INSECABLE}s`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)}${INSECABLE}min`;
  }
  return `${Math.floor(s / 3600)}${INSECABLE}h`;
}

/** "à l'instant", "il y a 5 s", "il y a 3 min", "il y a 2 h". */
export function ilYA(secondes) {
  return Math.round(secondes) < 2 ? "à l'instant" : `il y a ${duree(secondes)}`;
}

/** First letter in capitals: "semaine du…" becomes "Semaine du…". */
export function majuscule(texte) {
  return texte ? texte.charAt(0).toUpperCase() + texte.slice(1) : texte;
}

/** "Insee, Recensement de la population (2021)", as Source.libelle() on the server. */
export function libelleSource(source) {
  if (!source) {
    return null;
  }
  return `${source.producteur}, ${source.titre} (${source.millesime})${source.simule ? ', données simulées' : ''}`;
}

function jour(ms) {
  const d = new Date(ms);
  return { an: d.getUTCFullYear(), mois: d.getUTCMonth(), quantieme: d.getUTCDate(), semaine: d.getUTCDay(), d };
}

function date(j, avecMois, avecAnnee) {
  let texte = j.quantieme === 1 ? '1er' : String(j.quantieme);
  if (avecMois) {
    texte += ` ${MOIS.format(j.d)}`;
  }
  if (avecAnnee) {
    texte += ` ${j.an}`;
  }
  return texte;
}

const HEURE_DE_PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  second: 'numeric', hourCycle: 'h23',
});

/** The instant as a UTC instant showing Paris's wall-clock time (so that the UTC getters read Paris dates). */
function heureDeParis(ms) {
  const p = {};
  HEURE_DE_PARIS.formatToParts(new Date(ms)).forEach(({ type, value }) => {
    p[type] = Number(value);
  });
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const minuitAParis = (ms) => heureDeParis(ms) % JOUR_MS === 0;

/**
 * "semaine du 6 au 12 janvier 2025", "années 2021 et 2022", as the server's label (window end
 * exclusive): UTC dates, except for windows cut at midnight in Paris (the car parks' days), read in Paris.
 */
export function libelleSemaine(debutIso, finIso) {
  let debut = Date.parse(debutIso);
  let fin = Date.parse(finIso);
  if (debut % JOUR_MS !== 0 && minuitAParis(debut) && minuitAParis(fin)) {
    debut = heureDeParis(debut);
    fin = heureDeParis(fin);
  }
  const premier = jour(debut);
  const dernier = jour(fin - 1);
  const memeJour = premier.an === dernier.an && premier.mois === dernier.mois && premier.quantieme === dernier.quantieme;
  if (memeJour) {
    return `journée du ${date(premier, true, true)}`;
  }
  const minuit = debut % JOUR_MS === 0;
  if (minuit && premier.mois === 0 && premier.quantieme === 1 && dernier.mois === 11 && dernier.quantieme === 31) {
    // whole calendar years, as the cells of yearly INSEE figures
    const nombre = dernier.an - premier.an;
    if (nombre === 0) {
      return `année ${premier.an}`;
    }
    return `années ${premier.an}${nombre === 1 ? ' et ' : ' à '}${dernier.an}`;
  }
  const semaine = fin - debut === 7 * JOUR_MS && premier.semaine === 1;
  const memeAnnee = premier.an === dernier.an;
  const memeMois = memeAnnee && premier.mois === dernier.mois;
  return `${semaine ? 'semaine du ' : 'du '}${date(premier, !memeMois, !memeAnnee)} au ${date(dernier, true, true)}`;
}

const DATE_UTC = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "7 juillet 2025" (the 1st written "1er"): the day of a window, in UTC as the windows are cut, or in Paris for those cut there. */
export function jourDeFenetre(iso) {
  const ms = Date.parse(iso);
  const texte = DATE_UTC.format(new Date(ms % JOUR_MS !== 0 && minuitAParis(ms) ? heureDeParis(ms) : ms));
  return texte.replace(/^1 /, '1er ');
}
