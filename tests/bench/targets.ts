// The targets of issue 23 that `npm run bench` reports, each as a ratio to the baseline
// measured in the same run (GET /connexion, anonymous: tests/load/baseline.ts).
import { BASELINE_PATH, fixed, ratio } from '../load/baseline';
import type { AnswerLoad } from './answer-load';
import type { LoadResult } from './load';

type Measured = LoadResult & { cpuPerRequest: number | null };

export interface TargetInputs {
	engine: string;
	results: Map<string, Measured>;
	answers: AnswerLoad | null;
	/** The prerendered public pages measured. */
	prerendered: string[];
	modulePath: string;
	mapPath: string;
}

export function printTargets({ engine, results, answers, prerendered, modulePath, mapPath }: TargetInputs): void {
	const base = results.get(BASELINE_PATH);
	if (!base) return;
	console.log(`\n${engine} : cibles (rapports à GET ${BASELINE_PATH} anonyme, même passage ; CPU référence ${fixed(base.cpuPerRequest, 2)} ms/req, ${fixed(base.perSecond, 0)} req/s, p95 ${fixed(base.p95)} ms)`);
	for (const path of prerendered) {
		const page = results.get(path);
		if (!page) continue;
		const times = page.perSecond / base.perSecond;
		console.log(`  débit de ${path} (fichier prérendu) : ${fixed(page.perSecond, 0)} req/s = ${fixed(times, 2)}× la référence (cible ≥ 3×) → ${times >= 3 ? 'atteinte' : 'NON atteinte'} ; CPU ${fixed(page.cpuPerRequest, 2)} ms/req (${ratio(page.cpuPerRequest, base.cpuPerRequest)})`);
	}
	const cpuLine = (label: string, cpu: number | null | undefined, extra: string) => {
		const times = cpu && base.cpuPerRequest ? cpu / base.cpuPerRequest : null;
		console.log(`  CPU serveur par ${label} : ${fixed(cpu, 2)} ms = ${ratio(cpu, base.cpuPerRequest)} la référence (cible ≤ 3×) → ${times === null ? '—' : times <= 3 ? 'atteinte' : 'NON atteinte'}${extra}`);
	}
	const module = results.get(modulePath);
	if (module) cpuLine(`page de module (${modulePath})`, module.cpuPerRequest, ` ; p95 ${fixed(module.p95)} ms (${ratio(module.p95, base.p95)})`);
	if (answers) {
		cpuLine('réponse au quiz (POST ?/answer)', answers.cpuPerRequest, ` ; ${fixed(answers.perSecond, 0)} réponses/s, p95 ${fixed(answers.p95)} ms (${ratio(answers.p95, base.p95)}), ${answers.errors} erreurs ; lecture de la question avant chaque réponse : ${fixed(answers.cpuPerPageRead, 2)} ms (${ratio(answers.cpuPerPageRead, base.cpuPerRequest)})`);
	}
	const map = results.get(mapPath);
	if (map) cpuLine(`carte de progression (${mapPath})`, map.cpuPerRequest, ` ; p95 ${fixed(map.p95)} ms (${ratio(map.p95, base.p95)})`);
}
