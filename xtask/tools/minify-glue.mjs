// Minifies a bundle's wasm-bindgen JavaScript in place, which Trunk's own minifier gives up on
// (it stops at the glue's `export default`), and writes the new hash into the `integrity`
// attribute of the entry page that preloads it. Run by `cargo xtask` after each release build:
//   node minify-glue.mjs <glue.js> <entry.html>
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [glue, page] = process.argv.slice(2);
if (!glue || !page) {
  console.error('usage: node minify-glue.mjs <glue.js> <entry.html>');
  process.exit(2);
}
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

const source = readFileSync(glue, 'utf8');
// The glue's exports and the names of the imports the WebAssembly asks for are its interface:
// a module's top-level names are kept by default and property names are never mangled.
const { code } = await minify(source, { module: true, compress: true, mangle: true });
const html = readFileSync(page, 'utf8');
const before = integrity(source);
if (!html.includes(before)) {
  console.error(`${page} does not name ${glue} by its hash ${before}`);
  process.exit(1);
}
writeFileSync(glue, code);
writeFileSync(page, html.replaceAll(before, integrity(code)));
console.log(`${glue}: ${source.length} -> ${code.length} bytes`);
