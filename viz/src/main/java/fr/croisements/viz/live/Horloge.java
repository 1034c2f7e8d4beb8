package fr.croisements.viz.live;

import java.time.Instant;

/**
 * The simulated time, as answered by {@code GET /api/horloge} and pushed as event {@code horloge}.
 *
 * @param simulee the simulated instant, or {@code null} when no simulator runs
 */
public record Horloge(Instant simulee) {}
