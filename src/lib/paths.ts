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
