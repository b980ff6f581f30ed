/**
 * Builds the assets of the server-rendered public pages (stylesheets, RTL variants, …) into
 * `outDir` — the web build's root output folder, `dist/web` — after the staff app was built into
 * `dist/web/staff`. Stub: the public-pages engineer fills it in.
 */
export async function buildPublicAssets(outDir: string): Promise<void> {
  void outDir;
}
