/**
 * The one next step the candidate's space offers for a certification: resume where they left
 * off, else start the first module, else the activity the readiness estimate advises, else the
 * map. Pure: built from what the page already read. (Trainers' assignments, due first, come
 * before this one: the assignments block says so above the certifications.)
 */
export interface NextStep {
	kind: 'resume' | 'start' | 'advised' | 'map';
	label: string;
	href: string;
}

export interface NextStepInput {
	resume: { title: string; href: string; acquired: boolean } | null;
	firstModule: { number: string; title: string; href: string } | null;
	advised: { label: string; href: string } | null;
	mapHref: string;
	anyActivity: boolean;
}

export function nextStepOf(input: NextStepInput): NextStep {
	if (input.resume && !input.resume.acquired) return { kind: 'resume', label: `Reprendre : ${input.resume.title}`, href: input.resume.href };
	if (!input.anyActivity && input.firstModule) {
		return { kind: 'start', label: `Commencer le module ${input.firstModule.number} : ${input.firstModule.title}`, href: input.firstModule.href };
	}
	if (input.advised) return { kind: 'advised', label: input.advised.label, href: input.advised.href };
	return { kind: 'map', label: 'Voir ma carte de progression', href: input.mapHref };
}
