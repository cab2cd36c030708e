import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import type { ExperienceInput } from '../../../src/lib/server/portfolio/experience';
import { realCatalog } from '../mastery/support';

export const catalog = realCatalog();
export const tci = catalog.certifications.find((c) => c.id === 'tci')!;
export const firstCompetence = tci.units[0]!.competences[0]!;
/** A criterion of TCI that has an equivalent in another certification (to check nothing spreads). */
export const spreadable = catalog.equivalences.flatMap((e) => e.criteria).find((id) => id.startsWith('tci.'))!;
export const otherCertificationCriterion = catalog.certifications.find((c) => c.id !== 'tci')!.units[0]!.competences[0]!.criteria[0]!.id;

export const experience = (overrides: Partial<ExperienceInput> = {}): ExperienceInput => ({
	title: 'Technico-commercial sédentaire',
	context: 'PME de mécanique de précision, 60 salariés',
	role: 'Technico-commercial',
	startDate: '2016-09-01',
	endDate: '2021-12-31',
	durationBand: null,
	activities: 'Chiffrage des demandes, relances, visites clients.',
	results: 'Quarante offres par an, taux de transformation de 30 %.',
	...overrides
});

/** A VAE group of the certification with this trainer and these applicants (the groups tables, written directly). */
export async function insertVaeGroup(db: Kysely<Database>, trainerId: string, memberIds: string[], { kind = 'vae', certificationId = 'tci' }: { kind?: 'vae' | 'formation'; certificationId?: string } = {}): Promise<string> {
	const group = await db.insertInto('trainer_group').values({ name: `Groupe ${kind} ${Math.random().toString(36).slice(2, 6)}`, certification_id: certificationId, kind } as never).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('group_trainer').values({ group_id: group.id, trainer_id: trainerId } as never).execute();
	for (const member of memberIds) await db.insertInto('group_member').values({ group_id: group.id, candidate_id: member } as never).execute();
	return group.id;
}
