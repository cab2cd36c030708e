// npm start: serves the built app. The Node adapter takes the site's origin from ORIGIN and
// otherwise assumes https, which would make every form post from http://localhost fail the
// origin check; a local start therefore defaults ORIGIN to the address it prints.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const port = process.env.PORT || '3000';
process.env.PORT = port;
process.env.ORIGIN ||= `http://localhost:${port}`;

const entry = path.resolve(process.env.JALON_BUILD_DIR || 'build', 'index.js');
await import(pathToFileURL(entry).href);
console.log(`\nJalon est prêt : ${process.env.ORIGIN}\n`);
