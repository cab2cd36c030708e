// Realistic volumes for the benchmark: candidates enrolled in TCI with evidence drawn from the
// real modules' quiz items and scenario choices, and summaries consistent with that evidence.
import type { Kysely } from 'kysely';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import type { Catalog } from '../../src/lib/server/content/types';
import type { Database } from '../../src/lib/server/db/schema';
import { withTransaction } from '../../src/lib/server/db/transaction';
import { SOURCE_WEIGHTS, type EvidenceSource } from '../../src/lib/server/mastery/model';
import { rebuildUserSummaries } from '../../src/lib/server/evidence/rebuild';
import { seededRandom } from '../helpers/random';

const DAY = 86_400_000;

export interface SeedOptions {
	certificationId: string;
	candidates: number;
	/** Evidence rows of the measured candidate, spread over a year. */
	heavyEvidence: number;
	now: Date;
}

export interface Seeded {
	userId: string;
	token: string;
	users: number;
	evidence: number;
	criteria: number;
}

interface Activity {
	source: EvidenceSource;
	ref: string;
	/** The criteria the activity gives evidence for. */
	criteria: string[];
}

function activitiesOf(catalog: Catalog, certificationId: string): Activity[] {
	const activities: Activity[] = [];
	for (const module of catalog.modules.filter((m) => m.certificationId === certificationId)) {
		for (const item of module.quiz) activities.push({ source: 'quiz', ref: item.id, criteria: item.criteria });
		for (const scenario of module.scenarios) {
			for (const [nodeId, node] of Object.entries(scenario.nodes)) {
				if (!('choices' in node)) continue;
				for (const choice of node.choices) {
					activities.push({ source: 'scenario', ref: `${scenario.id}#${nodeId}.${choice.id}`, criteria: Object.keys(choice.effects) });
				}
			}
		}
	}
	if (activities.length === 0) throw new Error(`aucune activité pour ${certificationId}`);
	return activities;
}


type EvidenceRow = { user_id: string; criterion_id: string; source: EvidenceSource; score: number; weight: number; item_ref: string; content_version: string; created_at: Date };

/** `count` evidence rows between `from` and `to`, success growing as the candidate learns. */
function history(random: () => number, activities: Activity[], userId: string, count: number, from: Date, to: Date): EvidenceRow[] {
	const rows: EvidenceRow[] = [];
	const span = to.getTime() - from.getTime();
	while (rows.length < count) {
		const at = new Date(from.getTime() + random() * span);
		const progress = (at.getTime() - from.getTime()) / span;
		const activity = activities[Math.floor(random() * activities.length)]!;
		// A candidate who learns: about half right at the start, nearly all right at the end.
		const succeeds = random() < 0.5 + 0.47 * progress;
		for (const criterionId of activity.criteria) {
			if (rows.length >= count) break;
			rows.push({
				user_id: userId,
				criterion_id: criterionId,
				source: activity.source,
				// A scenario played badly still earns a little on the criteria it moves.
				score: succeeds ? 1 : activity.source === 'quiz' ? 0 : 0.2,
				weight: SOURCE_WEIGHTS[activity.source],
				item_ref: activity.ref,
				content_version: 'bench',
				created_at: at
			});
		}
	}
	return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

export async function seedBench(db: Kysely<Database>, catalog: Catalog, options: SeedOptions): Promise<Seeded> {
	const random = seededRandom(20261122);
	const activities = activitiesOf(catalog, options.certificationId);
	const { now } = options;

	const users = await db
		.insertInto('app_user')
		.values(
			Array.from({ length: options.candidates }, (_, i) => ({
				email: `banc-${String(i).padStart(3, '0')}@banc.jalon.test`,
				display_name: `Candidat ${i} (banc)`,
				// Not an argon2 hash: nobody can sign in with these accounts.
				password_hash: 'banc-sans-mot-de-passe'
			}))
		)
		.returning('id')
		.execute();
	const heavy = users[0]!.id;

	let evidence = 0;
	for (const [index, { id }] of users.entries()) {
		const days = index === 0 ? 365 : 20 + Math.floor(random() * 300);
		const enrolledAt = new Date(now.getTime() - days * DAY);
		await db
			.insertInto('enrolment')
			.values({ user_id: id, certification_id: options.certificationId, pathway: 'formation', last_competence_id: null, last_activity_at: null, created_at: enrolledAt })
			.execute();
		const count = index === 0 ? options.heavyEvidence : Math.floor(random() * 600);
		const rows = history(random, activities, id, count, enrolledAt, now);
		for (let start = 0; start < rows.length; start += 1000) await db.insertInto('evidence').values(rows.slice(start, start + 1000)).execute();
		evidence += rows.length;
		await withTransaction(db, (tx) => rebuildUserSummaries(tx, catalog, id));
	}

	const token = generateSessionToken();
	await createSession(db, token, heavy, now);
	const criteria = catalog.certifications.find((c) => c.id === options.certificationId)!.units.flatMap((u) => u.competences.flatMap((c) => c.criteria)).length;
	return { userId: heavy, token, users: users.length, evidence, criteria };
}
