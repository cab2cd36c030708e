// npm run content:generate — module skeletons from the référentiels; never overwrites authored text.
import fs from 'node:fs';
import path from 'node:path';
import { readContentFiles } from '../lib/server/content/files';
import { planModuleGeneration } from '../lib/server/content/generate';
import { loadCatalog, type ContentFiles } from '../lib/server/content/load';

const root = path.resolve('content');
const files: ContentFiles = readContentFiles(root);
// An existing scenarios folder counts even when empty (readContentFiles only reads yaml and md).
const modulesRoot = path.join(root, 'modules');
for (const certification of fs.existsSync(modulesRoot) ? fs.readdirSync(modulesRoot) : []) {
	for (const slug of fs.readdirSync(path.join(modulesRoot, certification))) {
		if (fs.existsSync(path.join(modulesRoot, certification, slug, 'scenarios'))) {
			files.set(`modules/${certification}/${slug}/scenarios/.gitkeep`, '');
		}
	}
}

const { catalog, problems } = loadCatalog(files);
const referentielProblems = problems.filter((problem) => problem.file.startsWith('referentiels/'));
if (referentielProblems.length) {
	for (const problem of referentielProblems) console.error(`✗ ${problem.file} › ${problem.path} : ${problem.message}`);
	console.error('Référentiels invalides : rien n’a été généré.');
	process.exit(1);
}

const plan = planModuleGeneration(catalog.certifications, files);
for (const write of plan.writes) {
	const target = path.join(root, write.path);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.writeFileSync(target, write.content);
	console.log(`+ ${write.path} (${write.reason})`);
}
for (const mismatch of plan.mismatches) console.warn(`! ${mismatch}`);
console.log(plan.writes.length ? `${plan.writes.length} fichier(s) écrits.` : 'Rien à générer : chaque compétence a son module.');
