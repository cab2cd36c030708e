/** How a candidate prepares a certification: in training, or through VAE. */
export type Pathway = 'formation' | 'vae';
export const PATHWAYS: readonly Pathway[] = ['formation', 'vae'];

/** The pathway a form posted, or null when it names none: the one parser of this field. */
export function parsePathway(value: unknown): Pathway | null {
	return typeof value === 'string' && (PATHWAYS as readonly string[]).includes(value) ? (value as Pathway) : null;
}
