/** What the presentation to elected officials needs from the server: the QR code of the live address, drawn here. */
package fr.croisements.viz.presentation;
