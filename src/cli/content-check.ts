// npm run content:check [-- --json]
import path from 'node:path';
import { checkContentFiles } from '../lib/server/content/check-content';
import { readContentFiles } from '../lib/server/content/files';
import type { Guessability } from '../lib/server/content/guessability';

const json = process.argv.includes('--json');
const report = checkContentFiles(readContentFiles(path.resolve('content')));

if (json) {
	const criteria = report.coverage.map(({ id, certification, competence, official, text, quizItems, scenarioChoices }) => ({
		id,
		certification,
		competence,
		official,
		text,
		quizItems,
		scenarioChoices
	}));
	const questions = Object.fromEntries([...report.catalog.questions].map(([id, list]) => [id, list.length]));
	const preparations = report.catalog.preparations.map((p) => ({ id: p.id, items: p.quiz.length, guessability: report.preparationGuessability[p.id] }));
	process.stdout.write(JSON.stringify({ criteria, guessability: report.guessability, questions, preparations, errors: report.problems }) + '\n');
} else {
	const byCompetence = new Map<string, typeof report.coverage>();
	for (const row of report.coverage) byCompetence.set(row.competence, [...(byCompetence.get(row.competence) ?? []), row]);
	console.log('Couverture par compétence (critères couverts / total ; items ; choix de scénario)');
	console.log('compétence   critères  officiels  avec quiz  avec scénario  items  choix');
	for (const [competence, rows] of byCompetence) {
		const line = [
			competence.padEnd(12),
			String(rows.length).padStart(8),
			String(rows.filter((row) => row.official).length).padStart(10),
			String(rows.filter((row) => row.quizItems > 0).length).padStart(10),
			String(rows.filter((row) => row.scenarioChoices > 0).length).padStart(14),
			String(rows.reduce((sum, row) => sum + row.quizItems, 0)).padStart(6),
			String(rows.reduce((sum, row) => sum + row.scenarioChoices, 0)).padStart(6)
		];
		console.log(line.join(' '));
	}
	console.log('\nDevinabilité (part des cas où la bonne réponse se trahit par sa longueur ; égalités comptées pour moitié)');
	console.log('périmètre    unique+long  unique+court  multiple>distr  scénario+long  scénario+court');
	const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
	const guessLine = (name: string, g: Guessability) =>
		console.log(
			[name.padEnd(12), pct(g.singleLongest).padStart(11), pct(g.singleShortest).padStart(13), pct(g.multipleLonger).padStart(15), pct(g.scenarioLongest).padStart(14), pct(g.scenarioShortest).padStart(15)].join(' ')
		);
	for (const [certification, figures] of Object.entries(report.guessability.certifications)) {
		guessLine(certification, figures);
		for (const module of report.catalog.modules.filter((candidate) => candidate.certificationId === certification)) {
			guessLine(`  ${module.competenceId}`, report.guessability.modules[module.competenceId]!);
		}
	}
	for (const preparation of report.catalog.preparations) guessLine(`  ${preparation.id}`, report.preparationGuessability[preparation.id]!);
	const modules = report.catalog.modules;
	const questions = [...report.catalog.questions.values()].reduce((n, list) => n + list.length, 0);
	console.log(
		`\nQuestions de la commission : ${questions} pour ${report.catalog.competences.size} compétences ; ` +
			`préparations : ${report.catalog.preparations.map((p) => `${p.certificationId} (${p.quiz.length} items)`).join(', ') || 'aucune'}`
	);
	console.log(
		`\n${report.catalog.certifications.length} certifications, ${report.coverage.length} critères, ${modules.length} modules, ` +
			`${modules.reduce((n, m) => n + m.quiz.length, 0)} items, ${modules.reduce((n, m) => n + m.scenarios.length, 0)} scénarios`
	);
	for (const problem of report.problems) console.error(`✗ ${problem.file} › ${problem.path} : ${problem.message}`);
	console.log(report.problems.length ? `\n${report.problems.length} problème(s) dans le contenu.` : '\nContenu valide.');
}
process.exitCode = report.problems.length ? 1 : 0;
