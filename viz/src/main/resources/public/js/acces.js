// Keyboard use of the map page: the skip links at the top ("Aller à la fiche", "Aller au tableau
// des communes") and the Escape key, which closes the open popup wherever the focus is and gives the
// focus back to what opened it (a button of the commune table, a marker, the map).

/**
 * The skip links move the focus to their target without changing the address: a new "#fiche"
 * would be a history entry, and going back to it would redraw the map (popstate in app.js).
 */
function activerLiensDEvitement() {
  document.querySelectorAll('a.evitement').forEach((lien) => {
    lien.addEventListener('click', (e) => {
      const cible = document.getElementById(lien.getAttribute('href').slice(1));
      if (cible) {
        e.preventDefault();
        cible.focus();
        cible.scrollIntoView({ block: 'start' });
      }
    });
  });
}

/**
 * Escape closes the open popup of the map. Leaflet does it only while the map itself has the focus;
 * a popup opened from the commune table leaves the focus on its button.
 */
function fermerAvecEchap(carte) {
  let ouverte = null;
  let ouvreur = null;
  carte.on('popupopen', (e) => {
    ouverte = e.popup;
    ouvreur = document.activeElement;
  });
  carte.on('popupclose', (e) => {
    const dedans = e.popup.getElement()?.contains(document.activeElement);
    if (e.popup === ouverte) {
      ouverte = null;
    }
    // closed with its own button (Enter on "×"): the focus would fall back to the page's top
    if ((dedans || document.activeElement === document.body) && ouvreur?.isConnected) {
      ouvreur.focus();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && ouverte) {
      carte.closePopup();
    }
  });
}

/** Wires the keyboard helpers of the map page, once the map exists. */
export function activerClavier(carte) {
  activerLiensDEvitement();
  fermerAvecEchap(carte);
}
