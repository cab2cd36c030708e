/** Messages shown on the login page after a redirect, keyed by its `info` query parameter. */
export const LOGIN_NOTICES: Record<string, string> = {
	'compte-supprime': 'Votre compte et toutes ses données ont été supprimés.',
	'mot-de-passe-reinitialise': 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
	'deconnecte-partout': 'Vous êtes déconnecté de tous vos appareils.'
};
