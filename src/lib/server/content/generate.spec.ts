import { describe, expect, it } from 'vitest';
import { fixtureFiles, fixtureReferentiel } from '../../../../tests/fixtures/content';
import { planModuleGeneration } from './generate';
import { loadCatalog, type ContentFiles } from './load';

function apply(files: ContentFiles, writes: { path: string; content: string }[]): ContentFiles {
	const next = new Map(files);
	for (const write of writes) next.set(write.path, write.content);
	return next;
}

describe('module generator', () => {
	it('creates a lesson with one section per criterion, a quiz and a scenarios folder', () => {
		const files: ContentFiles = new Map([['referentiels/demo.yaml', fixtureReferentiel]]);
		const plan = planModuleGeneration(loadCatalog(files).catalog.certifications, files);
		const paths = plan.writes.map((write) => write.path);
		expect(paths).toEqual(['modules/demo/c1/lesson.md', 'modules/demo/c1/quiz.yaml', 'modules/demo/c1/scenarios/.gitkeep']);
		const lesson = plan.writes[0]?.content ?? '';
		expect(lesson).toContain('{#demo.c1.met1}');
		expect(lesson).toContain('{#demo.c1.res1}');
		expect(lesson).toContain("À partir d'un cahier des charges");
		const generated = loadCatalog(apply(files, plan.writes));
		expect(generated.problems).toEqual([]);
	});

	it('is idempotent: a second run plans nothing', () => {
		const files: ContentFiles = new Map([['referentiels/demo.yaml', fixtureReferentiel]]);
		const certifications = loadCatalog(files).catalog.certifications;
		const once = apply(files, planModuleGeneration(certifications, files).writes);
		expect(planModuleGeneration(certifications, once).writes).toEqual([]);
	});

	it('keeps authored text and only adds the sections of new criteria', () => {
		const grown = fixtureReferentiel.replace(
			'          - { id: demo.c1.res1',
			'          - { id: demo.c1.met2, aspect: méthodes, kind: critère, official: true, text: "Les concessions ont des contreparties." }\n          - { id: demo.c1.res1'
		);
		const files = fixtureFiles({ 'referentiels/demo.yaml': grown });
		const plan = planModuleGeneration(loadCatalog(files).catalog.certifications, files);
		expect(plan.writes).toHaveLength(1);
		const lesson = plan.writes[0]?.content ?? '';
		expect(lesson).toContain("Texte d'auteur à garder.");
		expect(lesson).toContain('{#demo.c1.met2}');
		// The new section goes before the closing checklist, which stays last.
		expect(lesson.indexOf('{#demo.c1.met2}')).toBeLessThan(lesson.indexOf('## Ce que les évaluateurs observeront'));
		expect(lesson.trimEnd().endsWith('- Tout.')).toBe(true);
	});

	it('reports content that no longer matches the référentiel without deleting it', () => {
		const shrunk = fixtureReferentiel.replace(/ {10}- \{ id: demo\.c1\.res1.*\n/, '');
		const files = fixtureFiles({ 'referentiels/demo.yaml': shrunk });
		const plan = planModuleGeneration(loadCatalog(files).catalog.certifications, files);
		expect(plan.writes).toEqual([]);
		expect(plan.mismatches).toContain('modules/demo/c1/lesson.md : la section {#demo.c1.res1} ne correspond plus à aucun critère');
		expect(plan.mismatches).toContain("modules/demo/c1/quiz.yaml : le critère demo.c1.res1 n'existe plus");
	});
});
