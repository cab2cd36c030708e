import { shouldCreateDemoAccounts } from '../auth/demo-accounts';
import { getCatalog } from '../content/catalog';
import { getDatabaseEngine, getDb } from '../db';
import { addTrainerVisibility } from '../groups/visibility';
import { onDatabaseReady } from '../startup';
import { ensureVaeDemoData } from './demo-data';
import { ensureVaeDossierDemoData } from './dossier-demo-data';

let registered = false;

/**
 * What VAE adds at start-up: the demo applicant's file (after the demo accounts and the groups'
 * demo data, which register first), and what a VAE group's trainers see of their applicants.
 */
export function registerVaeStartupTasks(): void {
	if (registered) return;
	registered = true;
	addTrainerVisibility({
		key: 'vae-positioning',
		label: 'Votre positionnement sur chaque critère',
		detail: 'Vos réponses oui, partiellement ou non, et les exemples que vous donnez.',
		onlyFor: 'vae'
	});
	addTrainerVisibility({
		key: 'vae-experiences',
		label: 'Vos expériences et leurs liens aux critères',
		detail: 'Le texte de chaque expérience et de chaque justification : vos accompagnateurs les relisent, les valident ou vous demandent de les compléter.',
		onlyFor: 'vae'
	});
	onDatabaseReady(async () => {
		if (!shouldCreateDemoAccounts(getDatabaseEngine())) return;
		try {
			await ensureVaeDemoData(getDb(), getCatalog());
			await ensureVaeDossierDemoData(getDb(), getCatalog());
		} catch (error) {
			// Demo data must never stop the application from starting.
			console.error(`[jalon] données de démonstration VAE non créées : ${error instanceof Error ? error.message : error}`);
		}
	});
}
