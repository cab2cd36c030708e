import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Catalog, Module } from '../content/types';
import type { Database, Executor } from '../db';
import { withTransaction } from '../db/transaction';
import { enrol, touchEnrolment } from '../enrolment/enrolment.repository';
import { appendEvidence, type EvidenceEntry } from '../evidence/ledger';
import { DEMO_ACCOUNTS } from '../auth/demo-credentials';
import { hashPassword } from '../auth/password';
import { findUserByEmail, insertUser } from '../auth/users.repository';
import { insertAssignment } from './assignments.repository';
import { addDays, todayInFrance } from './days';
import { addMember, addTrainer, listGroups } from './groups.repository';
import { createGroup } from './groups.service';

/**
 * The demo trainer's group on the embedded database: a TCI group of twelve candidates (the
 * demo candidate among them) with plausible histories spread over six weeks, written through
 * the ledger as the engines would, assignments some done and some late, and a co-trainer.
 * Created once: a demo trainer who already has the group (or deleted it) is left alone.
 */
export const DEMO_GROUP_NAME = 'TCI — session de démonstration';
const CO_TRAINER = { email: 'formatrice@demo.jalon.fr', displayName: 'Sophie Martin, co-formatrice (démo)' };

/** name, how much they practise (share of items tried), how well (chance of a right answer), days since they last worked. */
const PEOPLE: Array<[name: string, practice: number, skill: number, lastSeenDaysAgo: number | null]> = [
	['Karim Benali', 1, 0.85, 1],
	['Julie Moreau', 1, 0.7, 2],
	['Thomas Lefèvre', 0.8, 0.6, 4],
	['Nadia Haddad', 0.9, 0.9, 0],
	['Lucas Girard', 0.5, 0.55, 17],
	['Émilie Roux', 0.7, 0.75, 6],
	['Antoine Faure', 0.3, 0.5, 24],
	['Sarah Nguyen', 1, 0.8, 3],
	['Mehdi Ouali', 0.6, 0.65, 9],
	['Claire Bonnet', 0, 0, null],
	['Yann Le Gall', 0.4, 0.6, 15]
];

/** A small seeded generator: the same demo every time, different for each candidate. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DAY_MS = 86_400_000;

async function ensureAccount(db: Kysely<Database>, email: string, displayName: string, role: 'candidate' | 'trainer'): Promise<string> {
	const existing = await findUserByEmail(db, email);
	if (existing) return existing.id;
	// Nobody signs in with these accounts: a random password no one knows.
	const user = await insertUser(db, { email, displayName, role, passwordHash: await hashPassword(randomBytes(18).toString('base64url')) });
	if (!user) throw new Error(`compte de démonstration impossible à créer : ${email}`);
	return user.id;
}

/** Plays a scenario to an ending as the engine would: a run, one piece of evidence per choice. */
async function playScenario(tx: Executor, catalog: Catalog, userId: string, module: Module, skill: number, random: () => number, at: Date): Promise<void> {
	const scenario = module.scenarios[0];
	if (!scenario) return;
	let nodeId = scenario.start;
	const entries: EvidenceEntry[] = [];
	for (let step = 0; step < 20; step++) {
		const node = scenario.nodes[nodeId];
		if (!node || !('choices' in node)) break;
		const best = [...node.choices].sort((a, b) => avg(b.effects) - avg(a.effects));
		const choice = random() < skill ? best[0]! : best[Math.floor(random() * best.length)]!;
		for (const [criterionId, score] of Object.entries(choice.effects)) entries.push({ criterionId, source: 'scenario', score, itemRef: `${scenario.id}#${nodeId}.${choice.id}`, contentVersion: module.contentVersion });
		nodeId = choice.next;
	}
	await appendEvidence(tx, catalog, userId, entries, at);
	await tx
		.insertInto('scenario_run')
		.values({ user_id: userId, scenario_id: scenario.id, competence_id: module.competenceId, content_version: module.contentVersion, current_node: nodeId, draw_seed: randomBytes(16).toString('hex'), status: 'finished', started_at: at, finished_at: at })
		.execute();
}

const avg = (effects: Record<string, number>) => {
	const values = Object.values(effects);
	return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
};

/** One candidate's weeks of practice, module after module, ending `lastSeenDaysAgo` days ago. */
async function practise(db: Kysely<Database>, catalog: Catalog, userId: string, modules: Module[], practice: number, skill: number, lastSeenDaysAgo: number, seed: number, now: Date): Promise<void> {
	const random = seeded(seed);
	const start = now.getTime() - 40 * DAY_MS;
	const end = now.getTime() - lastSeenDaysAgo * DAY_MS;
	// The more they practise, the further they get: modules in order, as a training would.
	const reached = modules.slice(0, Math.max(1, Math.round(modules.length * practice)));
	await withTransaction(db, async (tx) => {
		let lastModule: Module | null = null;
		for (const [index, module] of reached.entries()) {
			const at = new Date(start + ((end - start) * (index + 1)) / reached.length);
			const items = module.quiz.filter(() => practice >= 0.9 || random() < practice + 0.2);
			const entries: EvidenceEntry[] = items.flatMap((item) => {
				const score = random() < skill ? 1 : random() < 0.3 ? 0.5 : 0;
				return item.criteria.map((criterionId) => ({ criterionId, source: 'quiz' as const, score, itemRef: item.id, contentVersion: module.contentVersion }));
			});
			await appendEvidence(tx, catalog, userId, entries, at);
			if (practice >= 0.7 || random() < practice) await playScenario(tx, catalog, userId, module, skill, random, new Date(at.getTime() + 3_600_000));
			lastModule = module;
		}
		if (lastModule) await touchEnrolment(tx, userId, 'tci', lastModule.competenceId, new Date(end + 3_600_000));
	});
}

export async function ensureDemoGroup(db: Kysely<Database>, catalog: Catalog, now = new Date()): Promise<boolean> {
	const trainer = await findUserByEmail(db, DEMO_ACCOUNTS.trainer.email);
	const candidate = await findUserByEmail(db, DEMO_ACCOUNTS.candidate.email);
	if (!trainer || trainer.role !== 'trainer' || !candidate) return false;
	if ((await listGroups(db, trainer.id)).some((group) => group.name === DEMO_GROUP_NAME)) return false;
	const modules = catalog.modules.filter((m) => m.certificationId === 'tci').sort((a, b) => a.competenceId.localeCompare(b.competenceId, 'fr', { numeric: true }));
	if (modules.length < 4) return false;

	const today = todayInFrance(now);
	const groupId = await createGroup(db, trainer.id, { name: DEMO_GROUP_NAME, certificationId: 'tci', kind: 'formation', startsOn: addDays(today, -42), endsOn: addDays(today, 42), evaluationOn: addDays(today, 56) });
	await addTrainer(db, groupId, await ensureAccount(db, CO_TRAINER.email, CO_TRAINER.displayName, 'trainer'));

	const members: Array<{ id: string; practice: number; skill: number; lastSeen: number | null }> = [];
	for (const [name, practice, skill, lastSeen] of PEOPLE) {
		const email = `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.')}@demo.jalon.fr`;
		members.push({ id: await ensureAccount(db, email, `${name} (démo)`, 'candidate'), practice, skill, lastSeen });
	}
	// The demo candidate: steady, a module behind the best, with the second assignment still open.
	members.push({ id: candidate.id, practice: 0.3, skill: 0.7, lastSeen: 5 });

	for (const [index, member] of members.entries()) {
		await enrol(db, member.id, 'tci', 'formation');
		await addMember(db, groupId, member.id, new Date(now.getTime() - (41 - (index % 4)) * DAY_MS));
		if (member.lastSeen !== null && member.practice > 0) await practise(db, catalog, member.id, modules, member.practice, member.skill, member.lastSeen, 1000 + index, now);
	}

	const [first, second, third, fourth] = modules as [Module, Module, Module, Module];
	await insertAssignment(db, { groupId, competenceId: first.competenceId, dueOn: addDays(today, -21), instruction: 'Faites le quiz en entier et jouez la mise en situation avant notre deuxième séance.', candidateIds: 'all' });
	await insertAssignment(db, { groupId, competenceId: second.competenceId, dueOn: addDays(today, -4), instruction: null, candidateIds: 'all' });
	await insertAssignment(db, { groupId, competenceId: third.competenceId, dueOn: addDays(today, 10), instruction: 'Préparez vos questions sur la découverte du besoin.', candidateIds: 'all' });
	await insertAssignment(db, { groupId, competenceId: fourth.competenceId, dueOn: addDays(today, 21), instruction: 'Pour ceux qui avancent vite.', candidateIds: members.filter((m) => m.practice >= 0.9).map((m) => m.id) });
	return true;
}
