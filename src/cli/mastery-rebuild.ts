// npm run mastery:rebuild: recomputes every user's criterion summaries from their evidence.
import { readContentFiles } from '../lib/server/content/files';
import { loadCatalog } from '../lib/server/content/load';
import { describeDatabase, readDatabaseConfig } from '../lib/server/db/config';
import { openDatabase } from '../lib/server/db/open-database';
import { withTransaction } from '../lib/server/db/transaction';
import { sameSummary } from '../lib/server/evidence/fold';
import { rebuildUserSummaries } from '../lib/server/evidence/rebuild';
import { findSummaries } from '../lib/server/evidence/summary.repository';

const started = performance.now();
const config = readDatabaseConfig();
console.log(`Base : ${describeDatabase(config)}`);
const { catalog, problems } = loadCatalog(readContentFiles('content'));
if (problems.length) console.warn(`Attention : ${problems.length} problème(s) dans le contenu (npm run content:check).`);

const open = await openDatabase(config);
try {
	const users = await open.db.selectFrom('app_user').select('id').orderBy('id').execute();
	let summaries = 0;
	let corrected = 0;
	let usersCorrected = 0;
	for (const { id } of users) {
		// One transaction per user: a failure leaves the others rebuilt, and locks stay short.
		const changed = await withTransaction(open.db, async (tx) => {
			const before = await findSummaries(tx, id);
			summaries += await rebuildUserSummaries(tx, catalog, id);
			const after = await findSummaries(tx, id);
			const ids = new Set([...before.keys(), ...after.keys()]);
			return [...ids].filter((criterionId) => !sameSummary(before.get(criterionId), after.get(criterionId))).length;
		});
		corrected += changed;
		if (changed) usersCorrected++;
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	const s = (count: number) => (count > 1 ? 's' : '');
	console.log(`${users.length} compte${s(users.length)}, ${summaries} résumé${s(summaries)} recalculé${s(summaries)} en ${seconds} s.`);
	console.log(
		corrected
			? `${corrected} résumé${s(corrected)} ne correspondai${corrected > 1 ? 'en' : ''}t plus aux preuves et ${corrected > 1 ? 'ont' : 'a'} été corrigé${s(corrected)} (${usersCorrected} compte${s(usersCorrected)}).`
			: 'Aucun écart : les résumés enregistrés correspondaient déjà aux preuves.'
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	await open.close();
}
