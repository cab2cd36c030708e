import fs from 'node:fs';
import path from 'node:path';
import type { ContentFiles } from './load';

/** Reads every YAML and markdown file under a content folder (for the CLIs and tests). */
export function readContentFiles(root: string): ContentFiles {
	const files: ContentFiles = new Map();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.(ya?ml|md)$/.test(entry.name) && entry.name !== 'README.md') {
				files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
			}
		}
	};
	walk(root);
	return files;
}
