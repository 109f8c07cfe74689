// Vite's "?inline" imports: the stylesheet's text, not a <link>.
declare module "*.css?inline" {
  const css: string;
  export default css;
}
