/**
 * Observations as pages show them, pure: in words, with the history of corrections, whether
 * the candidate acknowledged each one, and the reconstituted situation always said as such.
 */
import type { Catalog } from '../content/types';
import { formatDay } from '../groups/days';
import { resultLabel, situationLabel } from './observation-form';
import type { ObservationRecord } from './observations.repository';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

export interface ObservationView {
	id: string;
	candidateId: string;
	candidateName: string;
	observedOn: string;
	place: string;
	situation: string;
	/** Training, not a real situation: never « démontré ». */
	reconstituted: boolean;
	tutor: string | null;
	recordedBy: string;
	recordedAt: string;
	/** This observation corrects an earlier one. */
	corrects: boolean;
	/** Corrected by a later one: kept for the history, no longer counts. */
	superseded: boolean;
	acknowledged: string | null;
	results: Array<{ criterionId: string; label: string; result: string; tone: 'acq' | 'con' | 'enc'; comment: string | null }>;
}

export function observationView(record: ObservationRecord, catalog: Pick<Catalog, 'competences'> & { criterionLabel: (id: string) => string }): ObservationView {
	return {
		id: record.id,
		candidateId: record.candidateId,
		candidateName: record.candidateName,
		observedOn: formatDay(record.observedOn),
		place: record.place,
		situation: situationLabel(record.situation),
		reconstituted: record.situation === 'reconstituée',
		tutor: record.tutorName ? (record.tutorRole ? `${record.tutorName}, ${record.tutorRole}` : record.tutorName) : null,
		recordedBy: record.recorderName ?? 'un formateur (compte supprimé)',
		recordedAt: DATE_TIME.format(record.createdAt),
		corrects: record.supersedes !== null,
		superseded: record.supersededBy !== null,
		acknowledged: record.acknowledgedAt ? DATE.format(record.acknowledgedAt) : null,
		results: record.results.map((r) => ({
			criterionId: r.criterionId,
			label: catalog.criterionLabel(r.criterionId),
			result: resultLabel(r.score),
			tone: r.score >= 0.999 ? 'acq' : r.score >= 0.499 ? 'con' : 'enc',
			comment: r.comment
		}))
	};
}

/** A label lookup over the catalog's certifications: criterion id → its short label. */
export function criterionLabels(catalog: Pick<Catalog, 'certifications'>): (id: string) => string {
	const labels = new Map(catalog.certifications.flatMap((c) => c.units.flatMap((u) => u.competences.flatMap((k) => k.criteria.map((criterion) => [criterion.id, criterion.label] as const)))));
	return (id) => labels.get(id) ?? 'Critère retiré du référentiel';
}
