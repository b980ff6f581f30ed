/** Builds the web assets when they are missing or stale (filled in by the web module). */
export async function ensureWebBuilt(): Promise<void> {}
