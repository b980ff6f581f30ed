/** rtlcss ships no types; the build uses only `process`. */
declare module 'rtlcss' {
  const rtlcss: { process(css: string): string };
  export default rtlcss;
}
