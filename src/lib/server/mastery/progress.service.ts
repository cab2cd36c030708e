import type { Executor } from '../db';
import type { Catalog, Certification } from '../content/types';
import { findEnrolment } from '../enrolment/enrolment.repository';
import { findSummaries } from '../evidence/summary.repository';
import { findActivityBasis } from './activity-basis.repository';
import { findEvidenceDigests, type EvidenceDigest } from './evidence-digest.repository';
import { evolutionFrom, lastCheckpoints, weeklyCheckpoints } from './evolution';
import { findEvidenceBuckets } from './evolution.repository';
import { buildProgressMap, type ProgressMap, type ProgressPage } from './progress-view';
import { indexActivities, type ActivityIndex } from './readiness';
import { latestSignedAt } from '../company-opinion/company-opinion.repository';
import { needsCompanyOpinion } from '../company-opinion/invitation';
import { withCompanyOpinion } from './company-opinion-requirement';
import { activityViews } from './readiness-view';

interface CatalogIndexes {
	activities: ActivityIndex;
	moduleIds: Set<string>;
	viewOf: ReturnType<typeof activityViews>;
}

// Derived once per catalog (the catalog never changes while the process runs).
const indexes = new WeakMap<Catalog, CatalogIndexes>();

function indexesOf(catalog: Catalog): CatalogIndexes {
	let found = indexes.get(catalog);
	if (!found) {
		found = {
			activities: indexActivities(catalog.modules),
			moduleIds: new Set(catalog.modules.map((module) => module.competenceId)),
			viewOf: activityViews(catalog)
		};
		indexes.set(catalog, found);
	}
	return found;
}

const competenceIdsOf = (certification: Certification) => certification.units.flatMap((unit) => unit.competences.map((competence) => competence.id));

export function criterionIdsOf(certification: Certification): string[] {
	return certification.units.flatMap((unit) => unit.competences.flatMap((competence) => competence.criteria.map((criterion) => criterion.id)));
}

/**
 * The progress page of a candidate: the map (one stored summary per criterion), the verdicts
 * and next activities, and the weekly evolution per unit since the enrolment (at most twelve
 * weeks). Null when the candidate is not enrolled in the certification.
 */
export async function loadProgressPage(db: Executor, catalog: Catalog, userId: string, certification: Certification, now: Date): Promise<ProgressPage | null> {
	const { activities, moduleIds, viewOf } = indexesOf(catalog);
	const ids = criterionIdsOf(certification);
	// Evidence earned on an equivalent criterion of another certification counts here too.
	const sources = [...new Set([...ids, ...ids.flatMap(catalog.equivalentsOf)])];
	// The three reads do not depend on each other: twelve weeks are read, and the weeks before
	// the enrolment dropped afterwards, so no round trip waits for another.
	const checkpoints = weeklyCheckpoints(now, null);
	const [enrolment, summaries, buckets, activity, opinionSignedAt] = await Promise.all([
		findEnrolment(db, userId, certification.id),
		findSummaries(db, userId, ids),
		findEvidenceBuckets(db, userId, sources, checkpoints),
		findActivityBasis(db, userId, competenceIdsOf(certification)),
		latestSignedAt(db, userId, certification.id)
	]);
	if (!enrolment) return null;
	const units = certification.units.map((unit) => ({
		id: unit.id,
		criterionIds: unit.competences.flatMap((competence) => competence.criteria.map((criterion) => criterion.id))
	}));
	const evolution = evolutionFrom(summaries, buckets, checkpoints, units, catalog.equivalentsOf);
	const map = buildProgressMap(certification, summaries, activities, moduleIds, now, activity, viewOf);
	return {
		...withCompanyOpinion(map, { required: needsCompanyOpinion(certification.type, enrolment.pathway), receivedAt: opinionSignedAt }),
		evolution: lastCheckpoints(evolution, weeklyCheckpoints(now, enrolment.createdAt).length)
	};
}

export interface ReadinessReport {
	map: ProgressMap;
	evidence: Map<string, EvidenceDigest>;
}

/** The readiness report: the map's statuses with the evidence behind each criterion. */
export async function loadReadinessReport(db: Executor, catalog: Catalog, userId: string, certification: Certification, now: Date): Promise<ReadinessReport | null> {
	const enrolment = await findEnrolment(db, userId, certification.id);
	if (!enrolment) return null;
	const ids = criterionIdsOf(certification);
	const [summaries, evidence, activity, opinionSignedAt] = await Promise.all([
		findSummaries(db, userId, ids),
		findEvidenceDigests(db, userId, ids),
		findActivityBasis(db, userId, competenceIdsOf(certification)),
		latestSignedAt(db, userId, certification.id)
	]);
	const { activities, moduleIds, viewOf } = indexesOf(catalog);
	const map = buildProgressMap(certification, summaries, activities, moduleIds, now, activity, viewOf);
	return { map: withCompanyOpinion(map, { required: needsCompanyOpinion(certification.type, enrolment.pathway), receivedAt: opinionSignedAt }), evidence };
}
