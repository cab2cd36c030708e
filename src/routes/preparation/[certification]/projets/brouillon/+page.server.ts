import { listSignedOpinions } from '$lib/server/company-opinion/company-opinion.service';
import { signedOpinionView } from '$lib/server/company-opinion/opinion-view';
import { getDb } from '$lib/server/db';
import { buildDraft, CONFIDENTIALITY_REMINDER, REPORT_GUIDANCE } from '$lib/server/projects/draft';
import { documentList } from '$lib/server/projects/project';
import { loadProjects } from '$lib/server/projects/projects.service';
import { requireTrainee } from '$lib/server/projects/trainee';
import { listAttachments } from '$lib/server/portfolio/attachments.service';
import { periodOf } from '$lib/server/portfolio/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, certification } = await requireTrainee(locals, params.certification);
	const db = getDb();
	const [projects, opinions] = await Promise.all([loadProjects(db, user.id, certification.id), listSignedOpinions(db, user.id, certification.id)]);
	const attachments = await listAttachments(db, projects.map((p) => p.id));
	const attachedTo = (projectId: string) => attachments.filter((a) => a.experienceId === projectId).map((a) => a.fileName);
	return {
		certification: { id: certification.id, title: certification.title, type: certification.type },
		candidate: user.displayName,
		reminder: CONFIDENTIALITY_REMINDER,
		guidance: REPORT_GUIDANCE,
		projects: projects.map((p) => ({ id: p.id, title: p.title, context: p.context, role: p.role, period: periodOf(p), objective: p.objective, activities: p.activities, results: p.results, figures: p.figures, documents: documentList(p.documents), attached: attachedTo(p.id) })),
		units: buildDraft(certification, projects),
		opinions: opinions.map((o) => signedOpinionView(o, certification))
	};
};
