/** verify.html, built from lib/verify/page.ts at build time (scripts/verifier.mjs). */
declare module "virtual:tresteg-verifier" {
  const html: string;
  export default html;
}
