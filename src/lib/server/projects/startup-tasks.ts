import { shouldCreateDemoAccounts } from '../auth/demo-accounts';
import { getCatalog } from '../content/catalog';
import { getDatabaseEngine, getDb } from '../db';
import { addTrainerVisibility } from '../groups/visibility';
import { onDatabaseReady } from '../startup';
import { ensureProjectsDemoData } from './demo-data';

let registered = false;

/**
 * What the projects report and the company's opinion add at start-up: what a formation
 * group's trainers see, and the demo candidate's report (after the demo group, which registers first).
 */
export function registerProjectsStartupTasks(): void {
	if (registered) return;
	registered = true;
	addTrainerVisibility({
		key: 'projects-report',
		label: 'Votre rapport de projets et ses liens aux critères',
		detail: 'Le texte de chaque projet et de chaque justification : vos formateurs les relisent, les valident ou vous demandent de les compléter.',
		onlyFor: 'formation'
	});
	addTrainerVisibility({
		key: 'company-opinion',
		label: 'L’avis de l’entreprise, une fois signé',
		detail: 'L’avis de votre tuteur sur chaque compétence, sa signature et ses commentaires (pas les brouillons).',
		onlyFor: 'formation'
	});
	onDatabaseReady(async () => {
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		try {
			await ensureProjectsDemoData(getDb(), getCatalog());
		} catch (error) {
			// Demo data must never stop the application from starting.
			console.error(`[jalon] rapport de projets de démonstration non créé : ${error instanceof Error ? error.message : error}`);
		}
	});
}
