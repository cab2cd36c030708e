/** URLs built in one place, so pages and tests agree on them. */
export const moduleHref = (competenceId: string) => `/modules/${competenceId.replace('.', '/')}`;
export const certificationHref = (certificationId: string) => `/referentiels/${certificationId}`;
export const criterionHref = (criterionId: string) => {
	const certificationId = criterionId.split('.')[0] ?? '';
	return `${certificationHref(certificationId)}#${criterionId}`;
};
export const metierHref = (metierId: string) => `/metiers/${metierId}`;
