import type { Certification } from '../content/types';
import type { OpinionRow } from './company-opinion.repository';
import type { Verdict } from './opinion';

export interface SignedOpinionView {
	id: string;
	signer: string;
	role: string;
	company: string;
	/** The date the tutor wrote, in words. */
	signedOn: string;
	tally: Record<Verdict, number>;
	competences: { id: string; label: string; verdict: Verdict | null; comment: string }[];
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
export const frenchDay = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));

/** A signed opinion as pages show it: every competence by its number and title, never its id. */
export function signedOpinionView(opinion: OpinionRow, certification: Certification): SignedOpinionView {
	const competences = certification.units.flatMap((unit) =>
		unit.competences.map((competence) => {
			const entry = opinion.entries.find((e) => e.competenceId === competence.id);
			return { id: competence.id, label: `${competence.number}. ${competence.title}`, verdict: entry?.verdict ?? null, comment: entry?.comment ?? '' };
		})
	);
	const tally: Record<Verdict, number> = { favorable: 0, réservé: 0, défavorable: 0 };
	for (const c of competences) if (c.verdict) tally[c.verdict]++;
	return { id: opinion.invitationId, signer: opinion.signerName, role: opinion.signerRole, company: opinion.signerCompany, signedOn: opinion.signedOn ? frenchDay(opinion.signedOn) : '', tally, competences };
}
