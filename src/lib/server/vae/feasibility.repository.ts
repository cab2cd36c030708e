import type { Executor } from '../db';
import type { FeasibilityState } from './feasibility';

/** The states the applicant confirmed or changed, by competence id. */
export async function findStates(db: Executor, userId: string, competenceIds: readonly string[]): Promise<Map<string, FeasibilityState>> {
	if (competenceIds.length === 0) return new Map();
	const rows = await db.selectFrom('vae_feasibility').select(['competence_id', 'state']).where('user_id', '=', userId).where('competence_id', 'in', [...competenceIds]).execute();
	return new Map(rows.map((row) => [row.competence_id, row.state]));
}

export async function upsertStates(db: Executor, userId: string, states: readonly { competenceId: string; state: FeasibilityState }[], at: Date): Promise<void> {
	if (states.length === 0) return;
	await db
		.insertInto('vae_feasibility')
		.values(states.map((s) => ({ user_id: userId, competence_id: s.competenceId, state: s.state, updated_at: at })))
		.onConflict((oc) => oc.columns(['user_id', 'competence_id']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), updated_at: eb.ref('excluded.updated_at') })))
		.execute();
}
