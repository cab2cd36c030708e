/**
 * The printable draft of the projects report, organised by competence, with what to write in
 * each section and the confidentiality reminder. Pure: from the certification and the projects.
 */
import type { Certification } from '../content/types';
import type { LinkStatus } from '../portfolio/portfolio.repository';

export const CONFIDENTIALITY_REMINDER = [
	'Anonymisez les clients, les fournisseurs et les personnes : « un équipementier automobile », « l’acheteur du client », jamais un nom.',
	'Ne donnez pas les prix, marges ni remises réels : arrondissez-les ou donnez des ordres de grandeur et des pourcentages.',
	'Demandez l’accord de l’entreprise avant de montrer un document (offre, plan, tableau de bord) ; retirez-en ce qui la rendrait reconnaissable.'
];

export const REPORT_GUIDANCE = {
	introduction: 'Présentez l’entreprise (activité, taille, clients, sans les nommer), votre service et votre poste, puis la période couverte par le rapport.',
	competence:
		'Pour cette compétence, racontez le projet qui la montre le mieux : la situation de départ, ce que vous avez fait vous-même (écrivez « je »), le résultat avec un chiffre, et ce que vous en retenez. Chaque paragraphe montre un ou plusieurs critères : nommez-les.',
	uncovered: 'Aucun projet ne montre encore ces critères : choisissez une activité qui les met en œuvre, ou parlez-en à votre formateur.',
	conclusion: 'Concluez sur ce que ces projets vous ont appris et sur ce que vous feriez autrement. La commission vous interrogera sur ce rapport : relisez-le à voix haute.'
};

export interface DraftProject {
	id: string;
	title: string;
	links: { criterionId: string; justification: string; status: LinkStatus }[];
}

export interface DraftCompetence {
	id: string;
	label: string;
	/** One entry per project that shows at least one criterion of the competence. */
	projects: { title: string; criteria: { text: string; justification: string; status: LinkStatus }[] }[];
	uncovered: string[];
}

export interface DraftUnit {
	id: string;
	label: string;
	competences: DraftCompetence[];
}

export function buildDraft(certification: Certification, projects: readonly DraftProject[]): DraftUnit[] {
	return certification.units.map((unit) => ({
		id: unit.id,
		label: unit.code ? `${unit.code} — ${unit.title}` : unit.title,
		competences: unit.competences.map((competence) => {
			const ids = new Set(competence.criteria.map((c) => c.id));
			const text = new Map(competence.criteria.map((c) => [c.id, c.text]));
			const shown = projects
				.map((project) => ({
					title: project.title,
					criteria: project.links.filter((l) => ids.has(l.criterionId)).map((l) => ({ text: text.get(l.criterionId)!, justification: l.justification, status: l.status }))
				}))
				.filter((p) => p.criteria.length > 0);
			const linked = new Set(projects.flatMap((p) => p.links.map((l) => l.criterionId)));
			return { id: competence.id, label: `${competence.number}. ${competence.title}`, projects: shown, uncovered: competence.criteria.filter((c) => !linked.has(c.id)).map((c) => c.text) };
		})
	}));
}
