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
/** The accompagnateur's side: the applicants they accompany, and one applicant's file. */
export const accompagnementHref = '/formateur/vae';
export const accompagnementApplicantHref = (certificationId: string, applicantId: string) => `${accompagnementHref}/${certificationId}/${applicantId}`;
