import type { Catalog } from '$lib/server/content/types';
import { periodOf } from '$lib/server/portfolio/period';

export { periodOf };
import type { ExperienceView } from '$lib/server/portfolio/portfolio.service';

/** What a list of experiences shows of each: words, never ids except the link's own. */
export function experienceSummary(catalog: Pick<Catalog, 'criteria' | 'competences'>, experience: ExperienceView) {
	return {
		id: experience.id,
		title: experience.title,
		context: experience.context,
		role: experience.role,
		period: periodOf(experience),
		links: experience.links.map((link) => {
			const criterion = catalog.criteria.get(link.criterionId);
			const competence = criterion ? catalog.competences.get(criterion.competenceId) : undefined;
			return { id: link.id, criterion: criterion?.text ?? 'Critère retiré du référentiel', competence: competence ? `${competence.number}. ${competence.title}` : '', status: link.status };
		})
	};
}
