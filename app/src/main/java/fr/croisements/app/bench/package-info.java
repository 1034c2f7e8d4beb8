/** The benchmark harness: every stage measured against the raw broker in the same run. */
package fr.croisements.app.bench;
