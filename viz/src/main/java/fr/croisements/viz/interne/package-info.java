/** The internal API through which the instances of a cluster hand each other their local stores. */
package fr.croisements.viz.interne;
