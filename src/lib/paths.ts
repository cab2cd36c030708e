/** URLs built in one place, so pages and tests agree on them. */
export const moduleHref = (competenceId: string) => `/modules/${competenceId.replace('.', '/')}`;
export const quizHref = (competenceId: string, sessionId: string) => `${moduleHref(competenceId)}/quiz/${sessionId}`;
export const scenarioRunHref = (competenceId: string, runId: string) => `${moduleHref(competenceId)}/scenario/${runId}`;
export const certificationHref = (certificationId: string) => `/referentiels/${certificationId}`;
/** The certification a criterion, competence or unit id belongs to: the first part of the id. */
export const certificationIdOf = (id: string) => id.slice(0, Math.max(0, id.indexOf('.'))) || id;
export const criterionHref = (criterionId: string) => `${certificationHref(certificationIdOf(criterionId))}#${criterionId}`;
export const progressHref = (certificationId: string) => `/candidat/progression/${certificationId}`;
export const reportHref = (certificationId: string) => `${progressHref(certificationId)}/rapport`;
export const metierHref = (metierId: string) => `/metiers/${metierId}`;
/** VAE: the applicant's space per certification, their positioning, experiences and gaps. */
export const vaeHref = (certificationId: string) => `/vae/${certificationId}`;
export const vaePositioningHref = (competenceId: string) => `/vae/${competenceId.replace('.', '/positionnement/')}`;
export const vaeExperiencesHref = (certificationId: string) => `${vaeHref(certificationId)}/experiences`;
export const vaeExperienceHref = (certificationId: string, experienceId: string) => `${vaeExperiencesHref(certificationId)}/${experienceId}`;
export const vaeGapsHref = (certificationId: string) => `${vaeHref(certificationId)}/ecarts`;
// VAE, part 2: the feasibility-file fields, their JSON export, the dossier, proof documents.
export const vaeFeasibilityHref = (certificationId: string) => `${vaeHref(certificationId)}/faisabilite`;
export const vaeFeasibilityExportHref = (certificationId: string) => `${vaeFeasibilityHref(certificationId)}/export`;
export const vaeBlockCommentSaveHref = (certificationId: string) => `${vaeFeasibilityHref(certificationId)}/commentaire`;
export const vaeDossierHref = (certificationId: string) => `${vaeHref(certificationId)}/dossier`;
export const vaeAttachmentsHref = (certificationId: string, experienceId: string) => `${vaeExperienceHref(certificationId, experienceId)}/pieces`;
export const vaeExperienceTextHref = (certificationId: string, experienceId: string) => `${vaeExperienceHref(certificationId, experienceId)}/texte`;
/** A proof document's download, for its owner and the people who review their portfolio. */
export const portfolioAttachmentHref = (attachmentId: string) => `/portfolio/pieces/${attachmentId}`;
/** The accompagnateur's side: the applicants they accompany, and one applicant's file. */
export const accompagnementHref = '/formateur/vae';
export const accompagnementApplicantHref = (certificationId: string, applicantId: string) => `${accompagnementHref}/${certificationId}/${applicantId}`;
/** One competence's detail page on the progress map (estimate, reasons, evidence, official texts). */
export const competenceProgressHref = (competenceId: string) => `${progressHref(certificationIdOf(competenceId))}/${competenceId.slice(competenceId.indexOf('.') + 1)}`;
export const CANDIDATE_HOME = '/candidat';
export const TRAINER_HOME = '/formateur';
export const ADMIN_HOME = '/admin';
/** Each role's own space: where login and sign-up land when no page was asked for. */
export function homeOf(role: 'candidate' | 'trainer' | 'admin' | string): string {
	if (role === 'admin') return ADMIN_HOME;
	if (role === 'trainer') return TRAINER_HOME;
	return CANDIDATE_HOME;
}
/** Evaluation preparation: the « Préparer l'évaluation » module, its quiz, the commission rehearsals. */
export const preparationHref = (certificationId: string) => `/preparation/${certificationId}`;
export const preparationQuizHref = (certificationId: string, sessionId: string) => `${preparationHref(certificationId)}/quiz/${sessionId}`;
export const rehearsalsHref = (competenceId: string) => `${moduleHref(competenceId)}/entretien`;
/** One commission question's rehearsal: `tci.c1.o2` → /modules/tci/c1/entretien/o2. */
export const rehearsalHref = (questionId: string) => `${rehearsalsHref(questionId.slice(0, questionId.lastIndexOf('.')))}/${questionId.slice(questionId.lastIndexOf('.') + 1)}`;
export const trainerRehearsalsHref = '/formateur/repetitions';
export const trainerCandidateRehearsalsHref = (candidateId: string) => `${trainerRehearsalsHref}/${candidateId}`;
/** Trainers' groups: the trainer's space lists them; each has its page and its assignment form. */
export const groupsHref = '/formateur';
export const newGroupHref = '/formateur/groupes/nouveau';
export const groupHref = (groupId: string) => `/formateur/groupes/${groupId}`;
export const assignHref = (groupId: string) => `${groupHref(groupId)}/assigner`;
/** Joining a group: the code form, and the confirmation behind a join link. */
export const JOIN_HREF = '/rejoindre';
export const joinLinkHref = (token: string) => `${JOIN_HREF}/${token}`;
/** The candidate's space, greeting them in the group they just joined. */
export const joinedGroupHref = (groupId: string) => `/candidat?groupe=${groupId}`;
/** Trainers, part 2: the group's cohort is its page; its settings and follow-up, one candidate, observations, exports. */
export const groupSettingsHref = (groupId: string) => `${groupHref(groupId)}/reglages`;
export const groupCandidateHref = (groupId: string, candidateId: string) => `${groupHref(groupId)}/candidats/${candidateId}`;
export const newObservationHref = (groupId: string) => `${groupHref(groupId)}/observations/nouvelle`;
export const groupCsvHref = (groupId: string) => `${groupHref(groupId)}/export.csv`;
export const groupReportHref = (groupId: string) => `${groupHref(groupId)}/rapport`;
/** The candidate's observations, each to acknowledge. */
export const myObservationsHref = '/candidat/observations';
/** Evaluation preparation, part 2: the projects report, its printable draft, the company's opinion. */
export const projectsHref = (certificationId: string) => `${preparationHref(certificationId)}/projets`;
export const projectHref = (certificationId: string, projectId: string) => `${projectsHref(certificationId)}/${projectId}`;
export const projectsDraftHref = (certificationId: string) => `${projectsHref(certificationId)}/brouillon`;
export const projectAttachmentsHref = (certificationId: string, projectId: string) => `${projectHref(certificationId, projectId)}/pieces`;
export const projectTextHref = (certificationId: string, projectId: string) => `${projectHref(certificationId, projectId)}/texte`;
export const companyOpinionHref = (certificationId: string) => `${preparationHref(certificationId)}/avis-entreprise`;
export const trainerProjectsHref = '/formateur/projets';
export const trainerCandidateProjectsHref = (certificationId: string, candidateId: string) => `${trainerProjectsHref}/${certificationId}/${candidateId}`;
/** The criterion search across référentiels (server-rendered: the référentiel pages are files). */
export const CRITERION_SEARCH_HREF = '/referentiels/recherche';
