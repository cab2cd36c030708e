import type { ContentFiles } from './load';
import type { Certification, Competence, Criterion } from './types';

export interface FileWrite {
	path: string;
	content: string;
	reason: string;
}

export interface GenerationPlan {
	writes: FileWrite[];
	/** What no longer matches the référentiel: left for an author to decide, never deleted. */
	mismatches: string[];
}

const CLOSING_HEADING = '## Ce que les évaluateurs observeront';

function sectionTitle(criterion: Criterion): string {
	const firstSentence = criterion.text.replace(/\s+/g, ' ').split(/[:;.]/)[0]?.trim() ?? criterion.id;
	return firstSentence.length > 90 ? `${firstSentence.slice(0, 87).trimEnd()}…` : firstSentence;
}

function criterionSection(criterion: Criterion): string {
	const quoted = criterion.text.replace(/\s+/g, ' ').trim();
	const origin = criterion.official ? 'Critère du référentiel' : 'Critère rédigé par l’équipe Jalon (non officiel)';
	return `## ${sectionTitle(criterion)} {#${criterion.id}}\n\n> ${origin} : ${quoted}\n\n<!-- À rédiger : ce que ce critère attend, méthode, exemple travaillé. -->\n`;
}

export function lessonSkeleton(competence: Competence): string {
	const list = (title: string, items: string[]) => (items.length ? `**${title}**\n\n${items.map((item) => `- ${item}`).join('\n')}\n\n` : '');
	return [
		`---\ncompetence: ${competence.id}\ntitle: ${JSON.stringify(competence.title)}\nduration: 45\n---\n`,
		'<!-- À rédiger : introduction (enjeux de la compétence, situation de travail). -->\n',
		list('Conditions de réalisation', competence.conditions) + list('Connaissances associées', competence.knowledge),
		...competence.criteria.map(criterionSection),
		`${CLOSING_HEADING}\n\n<!-- À rédiger : la liste de contrôle du candidat, critère par critère. -->\n`
	]
		.filter(Boolean)
		.join('\n');
}

function sectionIds(lesson: string): string[] {
	return [...lesson.matchAll(/^## .*\{#([\w.-]+)\} *$/gm)].map((match) => match[1] as string);
}

/** Adds sections for criteria the lesson lacks, before the closing section; keeps every authored line. */
function addMissingSections(lesson: string, missing: Criterion[]): string {
	const addition = missing.map(criterionSection).join('\n');
	const closing = lesson.indexOf(`\n${CLOSING_HEADING}`);
	if (closing === -1) return `${lesson.trimEnd()}\n\n${addition}`;
	return `${lesson.slice(0, closing).trimEnd()}\n\n${addition}\n${lesson.slice(closing + 1)}`;
}

/**
 * Plans the module skeletons for every competence: what to create or complete so each has a
 * lesson with a section per criterion, a quiz file and a scenarios folder. Existing authored
 * text is never rewritten; a second run over its own output plans nothing.
 */
export function planModuleGeneration(certifications: Certification[], files: ContentFiles): GenerationPlan {
	const writes: FileWrite[] = [];
	const mismatches: string[] = [];
	const criterionIds = new Set(certifications.flatMap((c) => c.units.flatMap((u) => u.competences.flatMap((k) => k.criteria.map((x) => x.id)))));
	const competenceFolders = new Set<string>();

	for (const certification of certifications) {
		for (const unit of certification.units) {
			for (const competence of unit.competences) {
				const folder = `modules/${certification.id}/${competence.slug}`;
				competenceFolders.add(folder);
				const lessonPath = `${folder}/lesson.md`;
				const lesson = files.get(lessonPath);
				if (lesson === undefined) {
					writes.push({ path: lessonPath, content: lessonSkeleton(competence), reason: 'nouvelle leçon' });
				} else {
					const present = new Set(sectionIds(lesson));
					const missing = competence.criteria.filter((criterion) => !present.has(criterion.id));
					if (missing.length) {
						writes.push({ path: lessonPath, content: addMissingSections(lesson, missing), reason: `sections ajoutées : ${missing.map((c) => c.id).join(', ')}` });
					}
					for (const id of present) if (!criterionIds.has(id)) mismatches.push(`${lessonPath} : la section {#${id}} ne correspond plus à aucun critère`);
				}
				if (!files.has(`${folder}/quiz.yaml`)) writes.push({ path: `${folder}/quiz.yaml`, content: 'items: []\n', reason: 'quiz vide' });
				const hasScenarioFolder = [...files.keys()].some((path) => path.startsWith(`${folder}/scenarios/`));
				if (!hasScenarioFolder) writes.push({ path: `${folder}/scenarios/.gitkeep`, content: '', reason: 'dossier des scénarios' });
			}
		}
	}

	for (const path of files.keys()) {
		const folder = /^(modules\/[a-z]+\/[a-z0-9]+)\//.exec(path)?.[1];
		if (folder && !competenceFolders.has(folder)) mismatches.push(`${path} : aucune compétence du référentiel ne correspond à ce module`);
		if (folder && /\.yaml$/.test(path)) {
			for (const match of (files.get(path) ?? '').matchAll(/\b([a-z]+\.c[t]?\d+\.[a-z]+\d+)\b/g)) {
				const id = match[1] as string;
				if (!criterionIds.has(id) && !/\.(q|s)\d+$/.test(id)) mismatches.push(`${path} : le critère ${id} n'existe plus`);
			}
		}
	}
	return { writes, mismatches: [...new Set(mismatches)] };
}
